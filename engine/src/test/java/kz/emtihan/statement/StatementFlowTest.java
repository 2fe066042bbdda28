package kz.emtihan.statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.exam.ExamKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 5.34-5.35 through the API, as an attacker would try it: a student applies for an exam of their own with a scan; the
 * dean, the director and the vice-rector sign in that order and nobody else or out of order; the dean's office issues
 * once; the student then starts the exam although its window is closed, the deadline never passes the statement's end,
 * and nothing is taken after it. Every step is audited and visible to the registrar with names.
 */
@SharedEngine
class StatementFlowTest {
    static final byte[] PDF = "%PDF-1.4 medical certificate".getBytes(StandardCharsets.US_ASCII);
    static TestEngine app;
    static String teacher;
    static String other;
    static String dean;
    static String director;
    static String vice;
    static String registrar;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        JsonArray people = new JsonArray();
        String[][] who = {
            {"stm-t", "teacher", "Gulnara Teacher"}, {"stm-t2", "teacher", "Other Teacher"},
            {"stm-dn", "dean", "Dana Dean"}, {"stm-dr", "director", "Daulet Director"},
            {"stm-vr", "vice-rector", "Vera Vice"}, {"stm-rg", "registrar", "Rustem Registrar"},
            {"stm-both", "dean", "Bota Both"}
        };
        for (String[] p : who)
            people.add(new JsonObject()
                    .put("id", p[0])
                    .put("name", p[2])
                    .put("roles", new JsonArray().add(p[1]))
                    .put("password", p[0] + "-password"));
        people.getJsonObject(6).getJsonArray("roles").add("director");
        for (int i = 1; i <= 8; i++)
            people.add(new JsonObject()
                    .put("id", "stm-s" + i)
                    .put("name", "Student Number" + i)
                    .put("roles", new JsonArray().add("student"))
                    .put("password", "stm-s" + i + "-password"));
        assertEquals(200, app.post("/api/v1/users", app.admin(), people).status());
        teacher = app.loginAs("stm-t");
        other = app.loginAs("stm-t2");
        dean = app.loginAs("stm-dn");
        director = app.loginAs("stm-dr");
        vice = app.loginAs("stm-vr");
        registrar = app.loginAs("stm-rg");
    }

    /** An exam on a bank of its own discipline (one attestation per discipline, 5.20.3), with this roster. */
    static String exam(String discipline, Instant opens, Instant closes, String... roster) {
        // approved and reviewed (5.19, 5.24-5.26) so an attestation may be scheduled on it
        String bank = Fixtures.validBank(app, teacher, Fixtures.passport(discipline));
        return Fixtures.exam(app, teacher, Fixtures.attestation(bank, opens, closes), roster);
    }

    /** An exam whose window closed an hour ago: scheduled open, then moved into the past in the store. */
    static String closedExam(String discipline, String... roster) {
        Instant now = Instant.now();
        String id = exam(discipline, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), roster);
        JsonObject json = new JsonObject(
                app.redis(Request.cmd(Command.HGET).arg(ExamKeys.exam(id)).arg("json"))
                        .toString());
        json.put("opensAt", now.minus(Duration.ofDays(3)).toString())
                .put("closesAt", now.minus(Duration.ofHours(1)).toString());
        app.redis(Request.cmd(Command.HSET).arg(ExamKeys.exam(id)).arg("json").arg(json.encode()));
        return id;
    }

    static JsonObject application(String examId, String reason, byte[] scan) {
        return new JsonObject()
                .put("examId", examId)
                .put("reason", reason)
                .put("text", "in hospital")
                .put(
                        "document",
                        new JsonObject().put("base64", Base64.getEncoder().encodeToString(scan)));
    }

    static TestEngine.Reply sign(String token, String id, boolean approved, String reason) {
        return app.post(
                "/api/v1/statements/" + id + "/signatures",
                token,
                new JsonObject().put("approved", approved).put("reason", reason));
    }

    static void refused(TestEngine.Reply r, int status, String code, String rule) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.error(), r.body());
        if (rule != null) {
            assertEquals(rule, r.json().getJsonObject("args").getString("rule"), r.body());
            assertTrue(r.json().getString("message").contains(rule), r.body());
        }
    }

    /** Applies for s on the exam and takes it through the three approvals. */
    static String approved(String examId, String student) {
        TestEngine.Reply applied =
                app.post("/api/v1/statements", app.loginAs(student), application(examId, "illness", PDF));
        assertEquals(201, applied.status(), applied.body());
        String id = applied.json().getString("id");
        assertEquals(200, sign(dean, id, true, "").status());
        assertEquals(200, sign(director, id, true, "").status());
        assertEquals(200, sign(vice, id, true, "").status());
        return id;
    }

    @Test
    void theWholeWayFromApplicationToASittingInThePersonalWindow() { // 5.34-5.35
        String exam = closedExam("Statements 1", "stm-s1", "stm-s2");
        String s1 = app.loginAs("stm-s1");
        // the exam's window is closed: a plain start is refused
        refused(app.post("/api/v1/exams/" + exam + "/attempts", s1, null), 409, "exam-not-open", null);

        TestEngine.Reply applied = app.post("/api/v1/statements", s1, application(exam, "illness", PDF));
        assertEquals(201, applied.status(), applied.body());
        String id = applied.json().getString("id");
        assertEquals("awaiting-dean", applied.json().getString("status"));
        assertEquals("stm-s1", applied.json().getString("studentId"), "the caller, whatever the body says");
        refused(app.post("/api/v1/statements", s1, application(exam, "birth", PDF)), 409, "statement-open", "5.34");

        // out of order, the wrong role, twice
        refused(sign(director, id, true, ""), 409, "statement-wrong-signer", "5.34");
        refused(sign(vice, id, true, ""), 409, "statement-wrong-signer", "5.34");
        assertEquals(403, sign(teacher, id, true, "").status());
        assertEquals(403, sign(s1, id, true, "").status());
        assertEquals(403, sign(registrar, id, true, "").status());
        assertEquals(200, sign(dean, id, true, "").status());
        TestEngine.Reply twice = sign(dean, id, true, "");
        refused(twice, 409, "statement-wrong-signer", "5.34");
        refused(app.post("/api/v1/statements/" + id + "/issue", dean, null), 409, "statement-not-approved", "5.34");
        assertEquals(200, sign(director, id, true, "").status());
        JsonObject all = sign(vice, id, true, "").json();
        assertEquals("approved", all.getString("status"));

        // only the dean's office issues, once
        assertEquals(
                403,
                app.post("/api/v1/statements/" + id + "/issue", registrar, null).status());
        assertEquals(
                403,
                app.post("/api/v1/statements/" + id + "/issue", director, null).status());
        assertEquals(
                403,
                app.post("/api/v1/statements/" + id + "/issue", teacher, null).status());
        assertEquals(
                403, app.post("/api/v1/statements/" + id + "/issue", s1, null).status());
        TestEngine.Reply issued = app.post("/api/v1/statements/" + id + "/issue", dean, null);
        assertEquals(200, issued.status(), issued.body());
        JsonObject statement = issued.json();
        assertEquals("issued", statement.getString("status"));
        Instant from = Instant.parse(statement.getJsonObject("issued").getString("validFrom"));
        Instant until = Instant.parse(statement.getJsonObject("issued").getString("validUntil"));
        assertTrue(Duration.between(from, until).compareTo(Duration.ofDays(14)) > 0);
        assertTrue(Duration.between(from, until).compareTo(Duration.ofDays(15)) <= 0);
        refused(app.post("/api/v1/statements/" + id + "/issue", dean, null), 409, "statement-not-approved", "5.34");

        // the student sits in the personal window; the other student, with no statement, still may not
        refused(
                app.post("/api/v1/exams/" + exam + "/attempts", app.loginAs("stm-s2"), null),
                409,
                "exam-not-open",
                null);
        TestEngine.Reply started = app.post("/api/v1/exams/" + exam + "/attempts", s1, null);
        assertEquals(201, started.status(), started.body());
        JsonObject attempt = started.json();
        Instant deadline = Instant.parse(attempt.getString("deadline"));
        Instant startedAt = Instant.parse(attempt.getString("startedAt"));
        assertEquals(startedAt.plus(Duration.ofMinutes(50)), deadline, "the exam's own duration");
        JsonObject q = attempt.getJsonArray("questions").getJsonObject(0);
        String option = q.getJsonArray("options").getJsonObject(0).getString("id");
        TestEngine.Reply saved = app.put(
                "/api/v1/attempts/" + attempt.getString("id") + "/answers/" + q.getString("id"),
                s1,
                new JsonObject().put("choices", new JsonArray().add(option)).put("seq", 1));
        assertEquals(200, saved.status(), saved.body());
        // once the student sat, a new application for this exam is refused
        assertEquals(1, app.get("/api/v1/statements", s1).array().size());

        // the registrar sees names, each signature's date, the validity, and the audit trail
        JsonObject seen = app.get("/api/v1/statements", registrar).array().stream()
                .map(JsonObject.class::cast)
                .filter(o -> o.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
        assertEquals("Student Number1", seen.getString("studentName"));
        assertEquals("Algebra attestation", seen.getString("examTitle"));
        assertEquals(
                List.of("Dana Dean", "Daulet Director", "Vera Vice"),
                seen.getJsonArray("signatures").stream()
                        .map(g -> ((JsonObject) g).getString("byName"))
                        .toList());
        seen.getJsonArray("signatures").forEach(g -> Instant.parse(((JsonObject) g).getString("at")));
        assertEquals("Dana Dean", seen.getJsonObject("issued").getString("byName"));
        JsonArray audit = app.get("/api/v1/statements/" + id, registrar).json().getJsonArray("audit");
        assertEquals(
                List.of("applied", "approved", "approved", "approved", "issued"),
                audit.stream().map(e -> ((JsonObject) e).getString("type")).toList());
        assertEquals("stm-dn", audit.getJsonObject(4).getString("by"));
    }

    @Test
    void theStudentActsOnlyForThemselfAndOnlyOnTheirExams() { // 5.34
        String exam = closedExam("Statements 2", "stm-s3");
        String s4 = app.loginAs("stm-s4");
        assertEquals(
                403,
                app.post("/api/v1/statements", s4, application(exam, "illness", PDF))
                        .status(),
                "not on it");
        assertEquals(
                403,
                app.post("/api/v1/statements", teacher, application(exam, "illness", PDF))
                        .status());
        assertEquals(
                404,
                app.post("/api/v1/statements", s4, application("nope", "illness", PDF))
                        .status());
        String s3 = app.loginAs("stm-s3");
        refused(
                app.post(
                        "/api/v1/statements",
                        s3,
                        application(exam, "illness", "<html>".getBytes(StandardCharsets.UTF_8))),
                400,
                "bad-scan",
                null);
        refused(app.post("/api/v1/statements", s3, application(exam, "holiday", PDF)), 400, "bad-field", null);
        refused(
                app.post(
                        "/api/v1/statements",
                        s3,
                        application(exam, "other", PDF).put("text", " ")),
                400,
                "bad-field",
                null);
        assertEquals(0, app.get("/api/v1/statements", s3).array().size(), "nothing was stored");

        String id = app.post("/api/v1/statements", s3, application(exam, "death-in-family", PDF))
                .json()
                .getString("id");
        // another student reads neither the application nor its scan; the scan goes to the signers and the registrar
        assertEquals(403, app.get("/api/v1/statements/" + id, s4).status());
        assertEquals(403, app.get("/api/v1/statements/" + id + "/document", s4).status());
        assertEquals(
                403, app.get("/api/v1/statements/" + id + "/document", teacher).status());
        assertEquals(0, app.get("/api/v1/statements", s4).array().size());
        for (String token : List.of(s3, dean, director, vice, registrar)) {
            TestEngine.Reply scan = app.get("/api/v1/statements/" + id + "/document", token);
            assertEquals(200, scan.status());
            assertEquals(
                    "application/pdf", scan.headers().firstValue("Content-Type").orElseThrow());
        }
        assertArrayEquals(PDF, app.getBytes("/api/v1/statements/" + id + "/document", registrar));
    }

    @Test
    void aRefusalNeedsItsReasonEndsItAndLetsTheStudentApplyAgain() { // 5.34
        String exam = closedExam("Statements 3", "stm-s5");
        String s5 = app.loginAs("stm-s5");
        String id = app.post("/api/v1/statements", s5, application(exam, "illness", PDF))
                .json()
                .getString("id");
        assertEquals(200, sign(dean, id, true, "").status());
        refused(sign(director, id, false, ""), 400, "reason-required", null);
        JsonObject r =
                sign(director, id, false, "the certificate is not signed").json();
        assertEquals("refused", r.getString("status"));
        refused(sign(vice, id, true, ""), 409, "statement-not-awaiting", "5.34");
        refused(app.post("/api/v1/statements/" + id + "/issue", dean, null), 409, "statement-not-approved", "5.34");
        assertEquals(
                201,
                app.post("/api/v1/statements", s5, application(exam, "illness", PDF))
                        .status());
        JsonArray audit = app.get("/api/v1/statements/" + id, s5).json().getJsonArray("audit");
        assertEquals("refused", audit.getJsonObject(2).getString("type"));
        assertEquals("the certificate is not signed", audit.getJsonObject(2).getString("reason"));
        // one person holding two signers' roles signs once
        String both = app.loginAs("stm-both");
        String again =
                app.get("/api/v1/statements", s5).array().getJsonObject(0).getString("id");
        assertEquals(200, sign(both, again, true, "").status());
        refused(sign(both, again, true, ""), 409, "statement-signed-already", "5.34");
    }

    @Test
    void aStudentWhoSatGetsNoStatement() { // 5.34
        Instant now = Instant.now();
        String exam =
                exam("Statements 4", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), "stm-s6", "stm-s7");
        String s6 = app.loginAs("stm-s6");
        String id = approved(exam, "stm-s6");
        assertEquals(
                201, app.post("/api/v1/exams/" + exam + "/attempts", s6, null).status());
        refused(app.post("/api/v1/statements/" + id + "/issue", dean, null), 409, "statement-attempt-exists", "5.34");
        String s7 = app.loginAs("stm-s7");
        assertEquals(
                201, app.post("/api/v1/exams/" + exam + "/attempts", s7, null).status());
        refused(
                app.post("/api/v1/statements", s7, application(exam, "illness", PDF)),
                409,
                "statement-attempt-exists",
                "5.34");
    }

    @Test
    void afterTheStatementsEndNothingCounts() { // 5.35
        String exam = closedExam("Statements 5", "stm-s8");
        String s8 = app.loginAs("stm-s8");
        String id = approved(exam, "stm-s8");
        assertEquals(
                200, app.post("/api/v1/statements/" + id + "/issue", dean, null).status());
        JsonObject attempt =
                app.post("/api/v1/exams/" + exam + "/attempts", s8, null).json();
        String attemptId = attempt.getString("id");
        JsonObject q = attempt.getJsonArray("questions").getJsonObject(0);
        String option = q.getJsonArray("options").getJsonObject(0).getString("id");
        // the statement ends now (as it would 14 days on): the attempt's end is moved to the past, as the clock would
        long ended = Instant.now().minusSeconds(1).toEpochMilli();
        app.redis(Request.cmd(Command.HSET)
                .arg(ExamKeys.attempt(attemptId))
                .arg("statementUntil")
                .arg(ended));
        TestEngine.Reply late = app.put(
                "/api/v1/attempts/" + attemptId + "/answers/" + q.getString("id"),
                s8,
                new JsonObject().put("choices", new JsonArray().add(option)).put("seq", 1));
        refused(late, 409, "statement-expired", "5.35");
        refused(
                app.post("/api/v1/attempts/" + attemptId + "/submit", s8, new JsonObject()),
                409,
                "statement-expired",
                "5.35");
        assertEquals(
                "in-progress",
                app.redis(Request.cmd(Command.HGET)
                                .arg(ExamKeys.attempt(attemptId))
                                .arg("status"))
                        .toString(),
                "a refused submit changes nothing");
        assertNull(app.redis(
                Request.cmd(Command.HGET).arg(ExamKeys.answers(attemptId)).arg(q.getString("id"))));
    }

    @Test
    void theDeadlineNeverPassesTheStatementsEndAndAfterItTheStartIsRefused() { // 5.35
        String exam = closedExam("Statements 6", "stm-s1", "stm-s2");
        long now = Instant.now().toEpochMilli();
        // s1's window ends in ten minutes (an issued statement on its 14th day), s2's ended a second ago
        app.redis(Request.cmd(Command.HSET)
                .arg(ExamKeys.personalWindows(exam))
                .arg("stm-s1")
                .arg((now - 86_400_000L) + ":" + (now + 600_000L))
                .arg("stm-s2")
                .arg((now - 86_400_000L) + ":" + (now - 1_000L)));
        JsonObject a = app.post("/api/v1/exams/" + exam + "/attempts", app.loginAs("stm-s1"), null)
                .json();
        assertEquals(Instant.ofEpochMilli(now + 600_000L), Instant.parse(a.getString("deadline")));
        refused(
                app.post("/api/v1/exams/" + exam + "/attempts", app.loginAs("stm-s2"), null),
                409,
                "statement-expired",
                "5.35");
    }

    @Test
    void aStatementIssuedBeforeTheExamOpensDoesNotLetTheStudentInEarly() { // 5.35, and no early look at the questions
        Instant now = Instant.now();
        String exam = exam("Statements 7", now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)), "stm-s4");
        String id = approved(exam, "stm-s4");
        assertEquals(
                200, app.post("/api/v1/statements/" + id + "/issue", dean, null).status());
        refused(
                app.post("/api/v1/exams/" + exam + "/attempts", app.loginAs("stm-s4"), null),
                409,
                "exam-not-open",
                null);
        String window = app.redis(Request.cmd(Command.HGET)
                        .arg(ExamKeys.personalWindows(exam))
                        .arg("stm-s4"))
                .toString();
        assertEquals(now.plus(Duration.ofDays(2)).toEpochMilli(), Long.parseLong(window.split(":")[0]));
    }
}
