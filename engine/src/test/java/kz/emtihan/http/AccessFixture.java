package kz.emtihan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;

/**
 * Real data for the access tests (issue 10, 3), made through the API: a bank of teacher {@code tA} with co-author
 * {@code tC} and expert {@code eE}; a proctored exam {@code X} of {@code tA} with proctor {@code pP} assigned and
 * {@code pQ} not, and {@code s1}'s attempt at it in progress; an exam {@code Y} where {@code s1}'s attempt is finished
 * and reviewed; an oral sitting (chair {@code ch}, member {@code cm}, secretary {@code sec}, appeal commission
 * {@code rR} and {@code eE}, students {@code s1}, {@code s2}). Every other user holds the same role and no relation.
 */
final class AccessFixture {
    /** user id → its one role; the order is the order in which each operation is tried. */
    static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("adm1", "admin");
        USERS.put("tA", "teacher");
        USERS.put("tB", "teacher");
        USERS.put("tC", "teacher");
        USERS.put("eE", "expert");
        USERS.put("eF", "expert");
        USERS.put("hH", "head");
        USERS.put("pP", "proctor");
        USERS.put("pQ", "proctor");
        USERS.put("s1", "student");
        USERS.put("s2", "student");
        USERS.put("s3", "student");
        USERS.put("rR", "registrar");
        USERS.put("sec", "secretary");
        USERS.put("sec2", "secretary");
        USERS.put("ch", "commission");
        USERS.put("cm", "commission");
        USERS.put("cx", "commission");
        USERS.put("dn", "dean"); // 5.34: the signers of an extension, in their order
        USERS.put("dr", "director");
        USERS.put("vr", "vice-rector");
    }

    /** A student account that calls nothing: the target of disabling and enabling. */
    static final String BYSTANDER = "bystander";

    static final byte[] FACE = resource("/fixtures/faces/face_grace_hopper.jpg");
    /** A picture of the bank ({@code hash}): issue 12 (2), the bank's and the attempt's media routes. */
    static final byte[] PICTURE = resource("/kz/emtihan/bank/media/dot.png");

    final TestEngine app;
    final Map<String, String> tokens = new LinkedHashMap<>();
    /** Path parameter → value, for every operation (see {@link AccessMatrixTest#PARAMS_FOR}). */
    final Map<String, String> params = new LinkedHashMap<>();

    String bankId;
    /** Issue 13 (1): a second bank of tA that the matrix locks and unlocks (5.31), so the first stays open. */
    String lockBankId;

    String examX;
    String examY;
    String attemptX;
    String reviewedY;
    String sittingId;
    /** A second sitting, closed, where s1 sat the exam, got a result and appealed it (6.15.5). */
    String closedSittingId;

    String appealId;

    /** The second role of a user of the matrix: the appeal commission's chair and deputy hold `commission` too (6.15.4). */
    static final Map<String, String> EXTRA_ROLES = Map.of("rR", "commission", "eE", "commission");

    AccessFixture(TestEngine app) {
        this.app = app;
        USERS.forEach((id, role) -> app.users(role, id));
        app.users("student", BYSTANDER);
        // 6.15.6: a third member (3 at least, the chair included), outside the matrix; the appeal commission's
        // chair and deputy sit as commission members too (6.15.4), besides the roles the matrix tries them in
        app.users("commission", "cn");
        JsonArray appeal = new JsonArray();
        for (String id : EXTRA_ROLES.keySet())
            appeal.add(new JsonObject()
                    .put("id", id)
                    .put("name", id)
                    .put("roles", new JsonArray().add(USERS.get(id)).add(EXTRA_ROLES.get(id)))
                    .put("password", id + "-password"));
        ok(app.post("/api/v1/users", app.admin(), appeal));
        USERS.keySet().forEach(id -> tokens.put(id, app.loginAs(id)));
        make();
    }

    String token(String user) {
        return tokens.get(user);
    }

    private void make() {
        bankId = Fixtures.validBank(app, token("tA"));
        ok(app.put("/api/v1/banks/" + bankId + "/access", token("tA"), bankPeople()));
        String questionId = app.get("/api/v1/banks/" + bankId + "/questions", token("tA"))
                .array()
                .getJsonObject(0)
                .getString("id");
        Instant now = Instant.now();
        JsonObject x = Fixtures.attestation(bankId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        x.getJsonObject("proctoring").put("identity", true);
        examX = Fixtures.exam(app, token("tA"), x, "s1", "s2");
        Fixtures.assignProctors(app, examX, "pP");
        attemptX = created(app.post("/api/v1/exams/" + examX + "/attempts", token("s1"), null))
                .getString("id");
        examY = Fixtures.exam(
                app,
                token("tA"),
                // 5.20.3: one intermediate attestation per discipline and period, so exam Y is of another bank's
                Fixtures.attestation(
                        Fixtures.validBank(app, token("tA")),
                        now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofDays(1))),
                "s1");
        Fixtures.assignProctors(app, examY, "pP");
        reviewedY = created(app.post("/api/v1/exams/" + examY + "/attempts", token("s1"), null))
                .getString("id");
        ok(app.post("/api/v1/attempts/" + reviewedY + "/submit", token("s1"), new JsonObject()));
        ok(app.post(
                "/api/v1/attempts/" + reviewedY + "/review", token("tA"), new JsonObject().put("verdict", "clean")));
        sittingId =
                created(app.post("/api/v1/sittings", app.admin(), sitting())).getString("id");
        ok(app.put("/api/v1/sittings/" + sittingId + "/tickets", app.admin(), tickets()));
        String postponement = created(
                        app.post("/api/v1/sittings/" + sittingId + "/postponements", token("s2"), postponement()))
                .getString("id", "none");
        ok(app.post(
                "/api/v1/sittings/" + sittingId + "/students/s1/admit",
                token("sec"),
                null)); // 6.15.2: an act is about an admitted student
        TestEngine.Reply act = app.post(
                "/api/v1/sittings/" + sittingId + "/acts",
                token("sec"),
                new JsonObject().put("studentId", "s1").put("description", "the student's connection dropped"));
        params.put("bankId", bankId);
        params.put("number", "1"); // the fixture bank's first conclusion (Fixtures.usable)
        lockBankId = created(app.post("/api/v1/banks", token("tA"), Fixtures.passport()))
                .getString("id");
        params.put(
                "hash",
                created(app.send("POST", "/api/v1/banks/" + bankId + "/media", token("tA"), "image/png", PICTURE))
                        .getString("hash"));
        params.put("questionId", questionId);
        params.put("examId", examX);
        params.put("attemptId", attemptX);
        params.put("userId", "s1");
        params.put("which", "face");
        params.put("snapshotId", "none");
        params.put("platformId", "none"); // issue 16 (1): admins are told 404, everyone else 403
        params.put("launchId", "none"); // issue 16 (2): a launch of nobody's: 403 for all
        params.put("stream", "camera");
        params.put("segment", "0");
        params.put("chunk", "0");
        params.put("sittingId", sittingId);
        params.put("studentId", "s1");
        params.put("kind", "id-card");
        params.put("actId", act.status() / 100 == 2 ? act.json().getString("id", "none") : "none");
        appealed();
        params.put("appealId", appealId);
        params.put("postponementId", postponement);
        // 5.34: s2 (on X's roster, no attempt) applies for an extension of X
        params.put(
                "statementId",
                created(app.post("/api/v1/statements", token("s2"), extension(examX)))
                        .getString("id"));
    }

    /** An application for an extension of {@code examId} with a one-line PDF as its scan (5.34). */
    static JsonObject extension(String examId) {
        return new JsonObject()
                .put("examId", examId)
                .put("reason", "illness")
                .put("text", "in hospital")
                .put(
                        "document",
                        new JsonObject()
                                .put(
                                        "base64",
                                        java.util.Base64.getEncoder()
                                                .encodeToString(
                                                        "%PDF-1.4 certificate".getBytes(StandardCharsets.US_ASCII))));
    }

    /** s1 through every step of {@link #closedSittingId} to a published result, the sitting closed, then s1's appeal. */
    private void appealed() {
        closedSittingId =
                created(app.post("/api/v1/sittings", app.admin(), sitting())).getString("id");
        ok(app.put("/api/v1/sittings/" + closedSittingId + "/tickets", app.admin(), tickets()));
        String st = "/api/v1/sittings/" + closedSittingId + "/students/s1";
        ok(app.post(st + "/admit", token("sec"), null));
        for (String kind : new String[] {"id-card", "identity"})
            ok(app.send("PUT", st + "/photos/" + kind, token("sec"), "image/jpeg", FACE));
        ok(app.post(st + "/identity", token("sec"), new JsonObject().put("confirmed", true)));
        ok(app.send("PUT", st + "/photos/room", token("sec"), "image/jpeg", FACE));
        JsonObject checklist = new JsonObject();
        kz.emtihan.sitting.SittingSteps.ROOM_CHECKLIST.forEach(item -> checklist.put(item, true));
        ok(app.post(st + "/room", token("sec"), new JsonObject().put("checklist", checklist)));
        ok(app.post(st + "/draw", token("ch"), new JsonObject().put("word", "matrix")));
        ok(app.post(st + "/phase", token("sec"), new JsonObject().put("action", "start-preparation")));
        ok(app.post(st + "/phase", token("sec"), new JsonObject().put("action", "end-preparation")));
        ok(app.post(
                st + "/phase",
                token("sec"),
                new JsonObject().put("action", "end-answer").put("reason", "the student finished")));
        ok(app.put(st + "/score", token("ch"), new JsonObject().put("points", 80)));
        ok(app.put(st + "/score", token("cm"), new JsonObject().put("points", 90)));
        ok(app.put(st + "/score", app.loginAs("cn"), new JsonObject().put("points", 85)));
        ok(app.post(st + "/confirm", token("ch"), null));
        ok(app.post("/api/v1/sittings/" + closedSittingId + "/close", token("sec"), null));
        appealId = created(app.post(
                        "/api/v1/sittings/" + closedSittingId + "/appeals",
                        token("s1"),
                        new JsonObject().put("reason", "the second question was outside the programme")))
                .getString("id");
    }

    JsonObject bankPeople() {
        return new JsonObject().put("coAuthors", new JsonArray().add("tC")).put("experts", new JsonArray().add("eE"));
    }

    static JsonObject sitting() {
        return new JsonObject()
                .put("kind", "comprehensive-exam")
                .put("title", "Access matrix sitting")
                .put("date", kz.emtihan.sitting.SittingDays.today())
                .put("language", "en")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "ch")
                                .put("members", new JsonArray().add("cm").add("cn"))
                                .put("secretary", "sec"))
                .put(
                        "appealCommission",
                        new JsonObject().put("chair", "rR").put("deputy", "eE").put("members", new JsonArray()))
                .put("students", new JsonArray().add("s1").add("s2"));
    }

    static JsonArray tickets() {
        JsonArray t = new JsonArray();
        for (int n = 1; n <= 3; n++)
            t.add(new JsonObject().put("number", n).put("questions", new JsonArray().add("Question " + n)));
        return t;
    }

    static JsonObject postponement() {
        return new JsonObject()
                .put("reason", "in hospital")
                .put(
                        "document",
                        new JsonObject()
                                .put("contentType", "application/pdf")
                                .put(
                                        "base64",
                                        java.util.Base64.getEncoder()
                                                .encodeToString(
                                                        "%PDF-1.4 certificate".getBytes(StandardCharsets.US_ASCII))));
    }

    /** The two identity photos as multipart/form-data, as the page's FormData sends them. */
    static byte[] identityForm(String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : new String[] {"face", "document"}) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                            + name + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(FACE);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static JsonObject created(TestEngine.Reply r) {
        if (r.status() / 100 != 2) throw new AssertionError("fixture step failed: " + r.status() + " " + r.body());
        return r.json();
    }

    private static void ok(TestEngine.Reply r) {
        assertEquals(200, r.status(), r.body());
    }

    static byte[] resource(String name) {
        try (InputStream in = AccessFixture.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
