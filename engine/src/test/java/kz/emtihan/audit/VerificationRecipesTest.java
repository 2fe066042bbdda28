package kz.emtihan.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a finished attempt and a closed sitting on a real engine, checked from public data only: by the
 * command (Verify), by the verify page's code and by an independent Node implementation of docs/verification.md
 * (engine/src/test/node), on the files this test writes to target/verification-fixtures.
 */
@SharedEngine
class VerificationRecipesTest {
    static final Path FIXTURES = Path.of("target", "verification-fixtures");
    static TestEngine app;
    static String attemptId;
    static String openAttemptId;
    static JsonObject receipt;

    @BeforeAll
    static void start(TestEngine shared) throws IOException {
        app = shared;
        app.users("teacher", "vt1");
        app.users("student", "vs1", "vs2", "vs3", "st1", "st2");
        app.users("commission", "vc1", "vm1", "vm2", "vac", "vad");
        app.users("secretary", "vsec");
        Files.createDirectories(FIXTURES);
        finishAnAttempt();
    }

    /** vs1 answers three questions, changes one answer, and submits; vs2 starts and stays in the exam. */
    static void finishAnAttempt() {
        String teacher = app.loginAs("vt1");
        JsonObject exam = Fixtures.attestation(
                        Fixtures.validBank(app, teacher),
                        Instant.now().minus(Duration.ofHours(1)),
                        Instant.now().plus(Duration.ofDays(1)))
                .put(
                        "proctoring",
                        new JsonObject()
                                .put("camera", false)
                                .put("screen", false)
                                .put("identity", false));
        String examId = Fixtures.exam(app, teacher, exam, "vs1", "vs2");
        String vs1 = app.loginAs("vs1");
        JsonObject attempt =
                app.post("/api/v1/exams/" + examId + "/attempts", vs1, null).json();
        attemptId = attempt.getString("id");
        JsonArray questions = attempt.getJsonArray("questions");
        for (int i = 0; i < 3; i++) {
            JsonObject q = questions.getJsonObject(i);
            String option = q.getJsonArray("options").getJsonObject(i).getString("id");
            TestEngine.Reply saved = app.put(
                    "/api/v1/attempts/" + attemptId + "/answers/" + q.getString("id"),
                    vs1,
                    new JsonObject().put("choices", new JsonArray().add(option)).put("seq", 1));
            assertEquals(200, saved.status(), saved.body());
        }
        JsonObject first = questions.getJsonObject(0);
        assertEquals(
                200,
                app.put(
                                "/api/v1/attempts/" + attemptId + "/answers/" + first.getString("id"),
                                vs1,
                                new JsonObject()
                                        .put(
                                                "choices",
                                                new JsonArray()
                                                        .add(first.getJsonArray("options")
                                                                .getJsonObject(4)
                                                                .getString("id")))
                                        .put("seq", 2))
                        .status());
        TestEngine.Reply submitted = app.post("/api/v1/attempts/" + attemptId + "/submit", vs1, new JsonObject());
        assertEquals(200, submitted.status(), submitted.body());
        receipt = submitted.json().getJsonObject("receipt");
        openAttemptId = app.post("/api/v1/exams/" + examId + "/attempts", app.loginAs("vs2"), null)
                .json()
                .getString("id");
    }

    @Test
    void theKeysArePublicAtTheWellKnownAddress() {
        TestEngine.Reply wellKnown = app.get(AuditRoutes.WELL_KNOWN, null);
        assertEquals(200, wellKnown.status(), wellKnown.body());
        assertTrue(wellKnown.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(
                "*",
                wellKnown.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        JsonObject keys = wellKnown.json();
        assertEquals(keys, app.get("/api/v1/receipt-keys", null).json(), "the same list under /api/v1");
        JsonObject current = keys.getJsonArray("keys").getJsonObject(0);
        assertEquals("current", current.getString("status"));
        assertEquals(receipt.getString("keyId"), current.getString("keyId"), "the receipt names the engine's key");
        assertEquals(receipt.getString("publicKey"), current.getString("publicKey"));
        assertEquals(null, current.getValue("validUntil"));
    }

    @Test
    void theLogIsTheStudentsOnceTheAttemptIsFinished() { // issue 10; 5.16
        String vs2 = app.loginAs("vs2");
        TestEngine.Reply early = app.get("/api/v1/attempts/" + openAttemptId + "/log", vs2);
        assertEquals(409, early.status(), early.body());
        assertEquals("attempt-open", early.error());
        assertEquals(403, app.get("/api/v1/attempts/" + attemptId + "/log", vs2).status(), "another student's log");
        assertEquals(
                403,
                app.get("/api/v1/attempts/" + attemptId + "/log", app.loginAs("vs3"))
                        .status(),
                "a student off the roster");
        assertEquals(
                401, app.get("/api/v1/attempts/" + attemptId + "/log", null).status());
        assertEquals(404, app.get("/api/v1/attempts/a-nope/log", vs2).status());
        JsonObject log = app.get("/api/v1/attempts/" + attemptId + "/log", app.loginAs("vs1"))
                .json();
        assertEquals(receipt.getInteger("events"), log.getJsonArray("entries").size());
        assertEquals(receipt.getString("chainHead"), log.getString("chainHead"));
        assertEquals(6, log.getInteger("events"), "start, four saves, submitted");
        assertEquals(
                log,
                app.get("/api/v1/attempts/" + attemptId + "/log", app.loginAs("vt1"))
                        .json(),
                "the teacher reads the same");
        JsonObject verification = app.get("/api/v1/attempts/" + attemptId + "/verification", app.admin())
                .json();
        assertEquals(true, verification.getBoolean("intact"), verification.encode());
        assertEquals("in-period", verification.getString("key"));
    }

    @Test
    void theCommandTheVerifyPageAndAnIndependentNodeImplementationAgree() throws Exception {
        String vs1 = app.loginAs("vs1");
        write(
                "receipt.json",
                app.get("/api/v1/attempts/" + attemptId + "/receipt", vs1).json());
        write("log.json", app.get("/api/v1/attempts/" + attemptId + "/log", vs1).json());
        write("keys.json", app.get(AuditRoutes.WELL_KNOWN, null).json());
        closedSitting();

        Output ok = verify("receipt.json", "log.json", "keys.json", "--draws", "draws-staff.json");
        assertEquals(0, ok.code(), ok.text());
        assertTrue(ok.text().contains("ok   chain head " + receipt.getString("chainHead")), ok.text());
        assertTrue(!ok.text().contains("FAIL"), ok.text());
        Output asStudent = verify("--draws", "draws-student.json");
        assertEquals(0, asStudent.code(), asStudent.text());

        JsonObject log = new JsonObject(Files.readString(FIXTURES.resolve("log.json")));
        log.getJsonArray("entries").remove(1);
        write("log-tampered.json", log);
        Output tampered = verify("receipt.json", "log-tampered.json", "keys.json");
        assertEquals(1, tampered.code(), tampered.text());
        assertTrue(tampered.text().contains("FAIL events"), tampered.text());

        JsonObject otherKeys = new JsonObject(Files.readString(FIXTURES.resolve("keys.json")));
        otherKeys.getJsonArray("keys").getJsonObject(0).put("validFrom", "2099-01-01T00:00:00Z");
        write("keys-later.json", otherKeys);
        assertEquals(
                1, verify("receipt.json", "log.json", "keys-later.json").code(), "a receipt outside its key's period");

        ProcessBuilder node =
                new ProcessBuilder("node", "--test", "--test-reporter=tap", "src/test/node/").redirectErrorStream(true);
        node.environment().put("VERIFY_FIXTURES", FIXTURES.toAbsolutePath().toString());
        node.environment().put("VERIFY_FIXTURES_REQUIRED", "1");
        node.environment().put("VERIFY_STUDENT", "st1");
        Process p = node.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("# fail 0") && out.contains("# skipped 0"), out);
    }

    /** Two students draw, the secretary closes; the draws as the admin and as the first student see them. */
    static void closedSitting() throws IOException {
        String admin = app.admin();
        JsonObject sitting = new JsonObject()
                .put("kind", "comprehensive-exam")
                .put("title", "Verification sitting")
                .put("date", kz.emtihan.sitting.SittingDays.today())
                .put("language", "en")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "vc1")
                                .put("members", new JsonArray().add("vm1").add("vm2"))
                                .put("secretary", "vsec"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "vac")
                                .put("deputy", "vad")
                                .put("members", new JsonArray()))
                .put("students", new JsonArray().add("st1").add("st2"));
        TestEngine.Reply created = app.post("/api/v1/sittings", admin, sitting);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        JsonArray tickets = new JsonArray();
        for (int n = 1; n <= 6; n++)
            tickets.add(new JsonObject().put("number", n).put("questions", new JsonArray().add("Question " + n)));
        assertEquals(
                200,
                app.put("/api/v1/sittings/" + id + "/tickets", admin, tickets).status());
        String sec = app.loginAs("vsec");
        byte[] face;
        try (InputStream in =
                VerificationRecipesTest.class.getResourceAsStream("/fixtures/faces/face_grace_hopper.jpg")) {
            face = in.readAllBytes();
        }
        for (String[] s : new String[][] {{"st1", "almaty"}, {"st2", ""}}) {
            String base = "/api/v1/sittings/" + id + "/students/" + s[0];
            assertEquals(200, app.post(base + "/admit", sec, null).status());
            for (String kind : List.of("id-card", "identity", "room")) {
                assertEquals(
                        200,
                        app.send("PUT", base + "/photos/" + kind, sec, "image/jpeg", face)
                                .status());
            }
            assertEquals(
                    200,
                    app.post(base + "/identity", sec, new JsonObject().put("confirmed", true))
                            .status());
            JsonObject checklist = new JsonObject();
            for (String item : List.of("desk-clear", "room-alone", "no-devices", "camera-shows-room"))
                checklist.put(item, true);
            assertEquals(
                    200,
                    app.post(base + "/room", sec, new JsonObject().put("checklist", checklist))
                            .status());
            TestEngine.Reply drawn = app.post(base + "/draw", app.loginAs("vc1"), new JsonObject().put("word", s[1]));
            assertEquals(200, drawn.status(), drawn.body());
        }
        TestEngine.Reply closed = app.post("/api/v1/sittings/" + id + "/close", sec, null);
        assertEquals(200, closed.status(), closed.body());
        write(
                "draws-staff.json",
                app.get("/api/v1/sittings/" + id + "/draws", admin).json());
        write(
                "draws-student.json",
                app.get("/api/v1/sittings/" + id + "/draws", app.loginAs("st1")).json());
    }

    static void write(String name, JsonObject json) throws IOException {
        Files.writeString(FIXTURES.resolve(name), json.encodePrettily());
    }

    record Output(int code, String text) {}

    static Output verify(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> withDir = java.util.Arrays.stream(args)
                .map(a -> a.startsWith("--") ? a : FIXTURES.resolve(a).toString())
                .toList();
        int code = Verify.run(withDir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Output(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
