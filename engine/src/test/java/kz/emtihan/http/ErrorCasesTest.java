package kz.emtihan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint validates; a bad request gets the documented error and changes nothing. */
class ErrorCasesTest {
    static TestEngine app;
    static String teacher;
    static String student;
    static String bankId;
    static String examId;
    static JsonObject attempt;

    @BeforeAll
    static void start() {
        app = TestEngine.start(java.util.Map.of("EMTIHAN_HTTP_BODY_LIMIT_BYTES", "65536"));
        app.users("teacher", "t1", "t2");
        app.users("student", "s1", "s2", "weak", "outsider");
        teacher = app.loginAs("t1");
        student = app.loginAs("s1");
        bankId = Fixtures.validBank(app, teacher);
        examId = Fixtures.openExam(app, teacher, bankId, "s1", "s2");
        TestEngine.Reply r = app.put(
                "/api/v1/exams/" + examId + "/roster",
                teacher,
                new JsonArray()
                        .add("s1")
                        .add("s2")
                        .add(new JsonObject().put("studentId", "weak").put("admissionRating", 42)));
        assertEquals(3, r.json().getInteger("students"));
        attempt =
                app.post("/api/v1/exams/" + examId + "/attempts", student, null).json();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void assertError(TestEngine.Reply r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.error(), r.body());
        assertTrue(r.json().getString("message").length() > 5, "a message for a human");
    }

    int questionCount() {
        return app.get("/api/v1/banks/" + bankId, teacher).json().getInteger("questionCount");
    }

    @Test
    void authentication() {
        assertError(
                app.post(
                        "/api/v1/auth/login",
                        null,
                        new JsonObject().put("username", "s1").put("password", "nope-nope")),
                401,
                "bad-credentials");
        assertError(
                app.post(
                        "/api/v1/auth/login",
                        null,
                        new JsonObject().put("username", "nobody").put("password", "whatever1")),
                401,
                "bad-credentials");
        assertError(app.get("/api/v1/me/exams", null), 401, "unauthorized");
        assertError(app.get("/api/v1/me/exams", "not.a.token"), 401, "unauthorized");
        assertError(app.get("/api/v1/me/exams", teacher), 403, "forbidden");
        assertError(app.post("/api/v1/banks", student, Fixtures.passport()), 403, "forbidden");
        assertError(app.post("/api/v1/users", teacher, new JsonArray()), 403, "forbidden");
    }

    @Test
    void usersAreAllValidOrNoneIsStored() {
        TestEngine.Reply r = app.post(
                "/api/v1/users",
                app.admin(),
                new JsonArray()
                        .add(new JsonObject()
                                .put("id", "fine1")
                                .put("name", "Fine")
                                .put("roles", new JsonArray().add("student"))
                                .put("password", "long-enough"))
                        .add(new JsonObject()
                                .put("id", "bad id")
                                .put("name", "")
                                .put("roles", new JsonArray().add("wizard"))
                                .put("password", "short")));
        assertError(r, 400, "invalid-users");
        assertEquals(4, r.json().getJsonArray("problems").size());
        assertEquals(1, r.json().getJsonArray("problems").getJsonObject(0).getInteger("index"));
        assertError(
                app.post(
                        "/api/v1/auth/login",
                        null,
                        new JsonObject().put("username", "fine1").put("password", "long-enough")),
                401,
                "bad-credentials");
    }

    @Test
    void badJsonAndOversizedBodies() {
        assertError(
                app.send("POST", "/api/v1/banks", teacher, "application/json", "{\"passport\":".getBytes()),
                400,
                "bad-json");
        assertError(
                app.send(
                        "POST", "/api/v1/banks/" + bankId + "/questions", teacher, "application/json", "{}".getBytes()),
                400,
                "bad-json");
        byte[] big = ("[\"" + "x".repeat(70_000) + "\"]").getBytes();
        assertError(
                app.send("POST", "/api/v1/banks/" + bankId + "/questions", teacher, "application/json", big),
                413,
                "body-too-large");
        assertError(
                app.post(
                        "/api/v1/banks",
                        teacher,
                        new JsonObject().put("passport", new JsonObject().put("discipline", "x"))),
                400,
                "invalid-passport");
    }

    @Test
    void unknownIds() {
        assertError(app.get("/api/v1/banks/nope", teacher), 404, "not-found");
        assertError(app.get("/api/v1/attempts/nope", student), 404, "not-found");
        assertError(app.post("/api/v1/exams/nope/attempts", student, null), 404, "not-found");
        assertError(app.get("/api/v1/no-such-endpoint", student), 404, "not-found");
    }

    @Test
    void anInvalidQuestionRejectsTheWholeListAndAddsNothing() { // 7.6
        int before = questionCount();
        JsonArray list = Fixtures.questions(2, 0, 0);
        list.add(new JsonObject()
                .put("text", "No correct option")
                .put(
                        "options",
                        new JsonArray().add("a").add("b").add("c").add("d").add("e"))
                .put("correct", new JsonArray())
                .put("difficulty", "easy"));
        list.add(new JsonObject()
                .put("text", "Bad index")
                .put("options", new JsonArray().add("a").add("b"))
                .put("correct", new JsonArray().add(7))
                .put("difficulty", "impossible"));
        TestEngine.Reply r = app.post("/api/v1/banks/" + bankId + "/questions", teacher, list);
        assertError(r, 400, "invalid-questions");
        JsonArray problems = r.json().getJsonArray("problems");
        assertEquals(2, problems.getJsonObject(0).getInteger("index"));
        assertEquals(
                2,
                problems.stream()
                        .filter(p -> ((JsonObject) p).getInteger("index") == 3)
                        .count(),
                "bad index and unknown difficulty");
        assertEquals(before, questionCount());
    }

    @Test
    void anotherTeachersBankCannotBeChangedNorScheduled() { // 5.21
        String t2 = app.loginAs("t2");
        assertError(
                app.post("/api/v1/banks/" + bankId + "/questions", t2, Fixtures.questions(1, 0, 0)), 403, "forbidden");
        Instant now = Instant.now();
        assertError(
                app.post("/api/v1/exams", t2, Fixtures.attestation(bankId, now, now.plus(Duration.ofDays(1)))),
                403,
                "forbidden");
    }

    @Test
    void malformedImportsReportTheirPositionAndAddNothing() {
        int before = questionCount();
        TestEngine.Reply xml = app.send(
                "POST",
                "/api/v1/banks/" + bankId + "/import?format=moodle-xml",
                teacher,
                "application/xml",
                "<?xml version=\"1.0\"?>\n<quiz>\n<question type=\"multichoice\">\n</quiz>".getBytes());
        assertError(xml, 400, "unparseable-file");
        assertEquals(4, xml.json().getJsonArray("problems").getJsonObject(0).getInteger("line"));
        TestEngine.Reply gift = app.send(
                "POST",
                "/api/v1/banks/" + bankId + "/import?format=gift",
                teacher,
                "text/plain",
                "::Q1:: One {=a ~b}\n\n::Q2:: Two {=a ~b\n\n".getBytes());
        assertError(gift, 400, "unparseable-file");
        assertEquals(3, gift.json().getJsonArray("problems").getJsonObject(0).getInteger("line"));
        assertError(
                app.send(
                        "POST",
                        "/api/v1/banks/" + bankId + "/import?format=docx",
                        teacher,
                        "text/plain",
                        "x".getBytes()),
                400,
                "bad-format");
        assertEquals(before, questionCount());
    }

    @Test
    void anExamBeyondTheRegulationCitesTheClause() { // 5.20.3
        Instant now = Instant.now();
        JsonObject exam = Fixtures.attestation(bankId, now, now.plus(Duration.ofDays(1)))
                .put("durationMinutes", 90)
                .put("questionCount", 40);
        TestEngine.Reply r = app.post("/api/v1/exams", teacher, exam);
        assertError(r, 400, "exam-beyond-limits");
        assertTrue(r.json().getString("message").startsWith("5.20.3"), r.body());
        assertEquals(2, r.json().getJsonArray("problems").size());
        String weakBank =
                app.post("/api/v1/banks", teacher, Fixtures.passport()).json().getString("id");
        app.post("/api/v1/banks/" + weakBank + "/questions", teacher, Fixtures.questions(20, 20, 10));
        TestEngine.Reply invalidBank =
                app.post("/api/v1/exams", teacher, Fixtures.attestation(weakBank, now, now.plus(Duration.ofDays(1))));
        assertError(invalidBank, 400, "exam-beyond-limits");
        assertTrue(invalidBank.body().contains("7.6"), invalidBank.body());
        assertError(app.post("/api/v1/exams", teacher, exam.put("kind", "quiz")), 400, "bad-field");
        assertError(
                app.post(
                        "/api/v1/exams",
                        teacher,
                        Fixtures.attestation(bankId, now, now).put("opensAt", "tomorrow")),
                400,
                "bad-field");
    }

    @Test
    void startingRequiresTheRosterAdmissionAndAnOpenWindow() { // 5.30, 5.20.3
        assertError(app.post("/api/v1/exams/" + examId + "/attempts", app.loginAs("outsider"), null), 403, "forbidden");
        TestEngine.Reply weak = app.post("/api/v1/exams/" + examId + "/attempts", app.loginAs("weak"), null);
        assertError(weak, 403, "not-admitted");
        assertEquals(
                new JsonObject().put("rating", 42).put("minimum", 50),
                weak.json().getJsonObject("args"));
        Instant now = Instant.now();
        String later = Fixtures.exam(
                app,
                teacher,
                // 5.20.3: another bank's, since this bank's discipline has its attestation this period
                Fixtures.attestation(
                        Fixtures.validBank(app, teacher), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))),
                "s2");
        assertError(app.post("/api/v1/exams/" + later + "/attempts", app.loginAs("s2"), null), 409, "exam-not-open");
        assertError(
                app.put(
                        "/api/v1/exams/" + examId + "/roster",
                        teacher,
                        new JsonArray().add("ok").add("bad id").add("ok")),
                400,
                "invalid-roster");
    }

    @Test
    void answersAreCheckedAgainstThePaper() {
        String id = attempt.getString("id");
        JsonObject single = attempt.getJsonArray("questions").getJsonObject(0);
        String qid = single.getString("id");
        JsonArray options = single.getJsonArray("options");
        String path = "/api/v1/attempts/" + id + "/answers/";
        assertError(
                app.put(
                        path + "not-on-paper",
                        student,
                        new JsonObject().put("choices", new JsonArray()).put("seq", 1)),
                400,
                "unknown-question");
        assertError(
                app.put(
                        path + qid,
                        student,
                        new JsonObject()
                                .put("choices", new JsonArray().add("zzz"))
                                .put("seq", 1)),
                400,
                "unknown-option");
        assertError(
                app.put(
                        path + qid,
                        student,
                        new JsonObject()
                                .put(
                                        "choices",
                                        new JsonArray()
                                                .add(options.getJsonObject(0).getString("id"))
                                                .add(options.getJsonObject(1).getString("id")))
                                .put("seq", 1)),
                400,
                "single-answer");
        assertError(
                app.put(
                        path + qid,
                        student,
                        new JsonObject().put("choices", new JsonArray()).put("seq", 0)),
                400,
                "bad-field");
        assertError(
                app.put(
                        path + qid,
                        student,
                        new JsonObject().put("choices", "a").put("seq", 1)),
                400,
                "bad-field");
        assertError(
                app.put(
                        path + qid,
                        app.loginAs("s2"),
                        new JsonObject().put("choices", new JsonArray()).put("seq", 1)),
                403,
                "forbidden");
        assertError(app.get("/api/v1/attempts/" + id + "/receipt", app.loginAs("s2")), 403, "forbidden");
        assertError(app.get("/api/v1/attempts/" + id + "/receipt", student), 409, "no-receipt");
        assertEquals(
                new JsonObject(),
                app.get("/api/v1/attempts/" + id, student).json().getJsonObject("answers"),
                "nothing was stored");
    }
}
