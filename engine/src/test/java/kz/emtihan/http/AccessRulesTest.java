package kz.emtihan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 (3), as an attacker with a valid token of the wrong person: the three holes the issue reproduced on the
 * demo are closed, lists filter by the same rule as one resource, and an assignment changes what a proctor may do
 * at once on every engine node (and ends their live feed).
 */
class AccessRulesTest {
    static final String SECRET = "access-rules-test-secret-0123456789abcdef";
    static TestEngine app;
    /** A second engine node on the same Redis: what one node decides, the other enforces at once. */
    static TestEngine nodeB;

    static AccessFixture f;

    @BeforeAll
    static void start() {
        app = TestEngine.start(java.util.Map.of("EMTIHAN_AUTH_JWT_SECRET", SECRET));
        nodeB = TestEngine.start(java.util.Map.of(
                "EMTIHAN_AUTH_JWT_SECRET",
                SECRET,
                "EMTIHAN_REDIS_URL",
                app.engine().embeddedRedis().orElseThrow().url()));
        f = new AccessFixture(app);
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) nodeB.close();
        if (app != null) app.close();
    }

    private static String bank(String tail) {
        return "/api/v1/banks/" + f.bankId + tail;
    }

    @Test
    void anotherTeacherNeitherReadsNorChangesABankAndItsAnswerKey() {
        for (String tail : List.of("", "/questions", "/validation", "/access")) {
            TestEngine.Reply r = app.get(bank(tail), f.token("tB"));
            assertEquals(403, r.status(), tail + ": " + r.body());
            assertFalse(r.body().contains("\"correct\""), "no answer key in a refusal");
        }
        int before = app.get(bank(""), f.token("tA")).json().getInteger("questionCount");
        assertEquals(
                403,
                app.post(bank("/questions"), f.token("tB"), Fixtures.questions(1, 0, 0))
                        .status());
        assertEquals(
                403,
                app.post(bank("/questions"), f.token("eE"), Fixtures.questions(1, 0, 0))
                        .status(),
                "an expert reviews, never edits");
        assertEquals(before, app.get(bank(""), f.token("tA")).json().getInteger("questionCount"), "nothing was added");
        assertEquals(
                403,
                app.put(
                                bank("/access"),
                                f.token("tB"),
                                new JsonObject()
                                        .put("coAuthors", new JsonArray().add("tB"))
                                        .put("experts", new JsonArray()))
                        .status(),
                "nobody names themself a co-author");
        assertEquals(
                403,
                app.put(bank("/access"), f.token("tC"), f.bankPeople()).status(),
                "a co-author does not name people");
        JsonObject exam = Fixtures.attestation(
                f.bankId, java.time.Instant.now(), java.time.Instant.now().plusSeconds(3600));
        assertEquals(
                403,
                app.post("/api/v1/exams", f.token("tB"), exam).status(),
                "nor schedules an exam from another's bank");
    }

    @Test
    void coAuthorsEditAndExpertsReadWithTheKey() {
        assertEquals(
                200,
                app.post(bank("/questions"), f.token("tC"), Fixtures.questions(1, 0, 0))
                        .status());
        JsonArray questions = app.get(bank("/questions"), f.token("eE")).array();
        assertTrue(questions.getJsonObject(0).containsKey("correct"), "the expert reviews the key");
        JsonObject summary = app.get(bank(""), f.token("eE")).json();
        assertEquals(new JsonArray().add("read"), summary.getJsonArray("yourAccess"));
        assertEquals(new JsonArray().add("eE"), summary.getJsonArray("experts"));
        assertEquals(403, app.get(bank(""), f.token("eF")).status(), "an expert not assigned sees nothing");
    }

    @Test
    void namingPeopleIsCheckedAndAllOrNothing() {
        TestEngine.Reply bad = app.put(
                bank("/access"),
                f.token("tA"),
                new JsonObject()
                        .put("coAuthors", new JsonArray().add("eF").add("nobody"))
                        .put("experts", new JsonArray().add("tB").add("eE").add("eE")));
        assertEquals(400, bad.status(), bad.body());
        assertEquals("invalid-people", bad.error());
        assertEquals(
                4,
                bad.json().getJsonArray("problems").size(),
                "not a teacher, no such user, not an expert, twice: " + bad.body());
        JsonObject now = app.get(bank("/access"), f.token("tA")).json();
        assertEquals(new JsonArray().add("tC"), now.getJsonArray("coAuthors"), "nothing changed");
        assertTrue(now.getBoolean("mayManage"));
        assertTrue(now.getJsonObject("candidates").getJsonArray("experts").stream()
                .anyMatch(p -> "eF".equals(((JsonObject) p).getString("id"))));
        JsonObject asExpert = app.get(bank("/access"), f.token("eE")).json();
        assertFalse(asExpert.getBoolean("mayManage"));
        assertNull(asExpert.getValue("candidates"), "only whoever names people sees whom they could name");
        TestEngine.Reply badProctors = app.put(
                "/api/v1/exams/" + f.examX + "/proctors",
                app.admin(),
                new JsonObject().put("proctors", new JsonArray().add("tA")));
        assertEquals("invalid-people", badProctors.error(), "a teacher is not a proctor");
        assertEquals(
                new JsonArray().add("pP"),
                app.get("/api/v1/exams/" + f.examX + "/proctors", f.token("tA"))
                        .json()
                        .getJsonArray("proctors"));
    }

    @Test
    void aProctorNotAssignedNeitherReadsNorTerminatesAnAttempt() {
        String attempt = "/api/v1/attempts/" + f.attemptX;
        assertEquals(403, app.get(attempt, f.token("pQ")).status());
        assertEquals(403, app.get(attempt + "/receipt", f.token("pQ")).status());
        assertEquals(
                403,
                app.get("/api/v1/exams/" + f.examX + "/proctoring", f.token("pQ"))
                        .status());
        assertEquals(
                403,
                app.get("/api/v1/exams/" + f.examX + "/progress", f.token("pQ")).status());
        TestEngine.Reply t =
                app.post(attempt + "/terminate", f.token("pQ"), new JsonObject().put("reason", "not mine"));
        assertEquals(403, t.status(), t.body());
        assertEquals(403, app.get(attempt, f.token("tB")).status(), "nor another teacher");
        assertEquals(403, app.get(attempt, f.token("s2")).status(), "nor another student");
        assertEquals(
                "in-progress",
                app.get(attempt, f.token("s1")).json().getString("status"),
                "6.14: nothing was terminated");
    }

    @Test
    void listsFilterByTheSameRule() {
        assertFalse(ids(app.get("/api/v1/banks", f.token("tB")).array()).contains(f.bankId));
        assertFalse(ids(app.get("/api/v1/banks", f.token("eF")).array()).contains(f.bankId));
        assertTrue(ids(app.get("/api/v1/banks", f.token("eE")).array()).contains(f.bankId));
        assertTrue(ids(app.get("/api/v1/banks", f.token("tC")).array()).contains(f.bankId));
        assertFalse(ids(app.get("/api/v1/exams", f.token("pQ")).array()).contains(f.examX));
        assertTrue(ids(app.get("/api/v1/exams", f.token("pP")).array()).contains(f.examX));
        assertFalse(ids(app.get("/api/v1/exams", f.token("tB")).array()).contains(f.examX));
        assertTrue(
                ids(app.get("/api/v1/exams", f.token("rR")).array()).contains(f.examX),
                "the registrar reads every exam's results");
    }

    @Test
    void anAssignmentHoldsAtOnceAndEndsTheLiveFeed() throws InterruptedException {
        String examId = Fixtures.exam(
                app,
                f.token("tA"),
                Fixtures.attestation(
                        Fixtures.validBank(app, f.token("tA")),
                        java.time.Instant.now().minusSeconds(60),
                        java.time.Instant.now().plusSeconds(86_400)),
                "s2");
        Fixtures.assignProctors(app, examId, "pQ");
        String attempt = app.post("/api/v1/exams/" + examId + "/attempts", f.token("s2"), null)
                .json()
                .getString("id");
        assertEquals(200, app.get("/api/v1/attempts/" + attempt, f.token("pQ")).status());
        assertEquals(
                200,
                nodeB.get("/api/v1/exams/" + examId + "/proctoring", f.token("pQ"))
                        .status(),
                "node B has seen the exam");
        TestSocket refused = TestSocket.ready(app, f.token("pP"));
        refused.send(new JsonObject().put("type", "subscribe").put("examId", examId));
        assertEquals("forbidden", refused.next("error").getString("error"), "pP is not assigned to this exam");
        refused.close();
        TestSocket feed = TestSocket.ready(app, f.token("pQ"));
        feed.send(new JsonObject().put("type", "subscribe").put("examId", examId));
        feed.next("subscribed");
        Fixtures.assignProctors(app, examId, "pP");
        assertEquals(
                403,
                app.get("/api/v1/attempts/" + attempt, f.token("pQ")).status(),
                "withdrawn: refused on the very next request");
        assertEquals(
                403,
                nodeB.get("/api/v1/exams/" + examId + "/proctoring", f.token("pQ"))
                        .status(),
                "on every node");
        assertEquals(
                403,
                nodeB.post(
                                "/api/v1/attempts/" + attempt + "/terminate",
                                f.token("pQ"),
                                new JsonObject().put("reason", "late"))
                        .status());
        assertEquals(
                200,
                app.get("/api/v1/attempts/" + attempt, f.token("pP")).status(),
                "and the new proctor is let in at once");
        JsonObject ended = feed.next("unsubscribed", Duration.ofSeconds(25));
        assertEquals(examId, ended.getString("examId"));
        feed.close();
    }

    @Test
    void onlyTheExamsWatchersFollowItLive() throws InterruptedException {
        for (String user : List.of("tB", "pQ", "rR", "eE", "s1", "sec", "ch")) {
            TestSocket s = TestSocket.ready(app, f.token(user));
            s.send(new JsonObject().put("type", "subscribe").put("examId", f.examX));
            assertEquals("forbidden", s.next("error").getString("error"), user);
            s.close();
        }
        for (String user : List.of("tA", "pP", "adm1")) {
            TestSocket s = TestSocket.ready(app, f.token(user));
            s.send(new JsonObject().put("type", "subscribe").put("examId", f.examX));
            assertEquals(f.examX, s.next("subscribed").getString("examId"), user);
            s.close();
        }
    }

    private static List<String> ids(JsonArray list) {
        return list.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }
}
