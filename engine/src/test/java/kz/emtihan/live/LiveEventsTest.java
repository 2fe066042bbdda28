package kz.emtihan.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API.md "Live events": events travel through Redis, so a proctor connected to one engine node sees a
 * student working on another.
 */
class LiveEventsTest {
    static final String SECRET = "live-events-test-secret-0123456789abcdef";
    static TestEngine nodeA;
    static TestEngine nodeB;

    @BeforeAll
    static void start() {
        nodeA = TestEngine.start(Map.of("EMTIHAN_AUTH_JWT_SECRET", SECRET));
        nodeB = TestEngine.start(Map.of(
                "EMTIHAN_AUTH_JWT_SECRET",
                SECRET,
                "EMTIHAN_REDIS_URL",
                nodeA.engine().embeddedRedis().orElseThrow().url()));
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    @Test
    void aProctorOnOneNodeSeesAStudentWorkingOnTheOther() throws Exception {
        nodeA.users("teacher", "t1");
        nodeA.users("proctor", "p1");
        nodeA.users("student", "s1", "s2");
        String teacher = nodeA.loginAs("t1");
        String examId = Fixtures.openExam(nodeA, teacher, Fixtures.validBank(nodeA, teacher), "s1", "s2");

        TestSocket proctor = TestSocket.open(nodeA, nodeA.loginAs("p1"));
        assertEquals("time", proctor.next("time").getString("type"));
        proctor.send(new JsonObject().put("type", "subscribe").put("examId", examId));
        proctor.next("subscribed");

        assertEquals(
                200,
                nodeA.post(
                                "/api/v1/users",
                                nodeA.admin(),
                                new io.vertx.core.json.JsonArray()
                                        .add(new JsonObject()
                                                .put("id", "s1")
                                                .put("name", "Әйгерім Сейітова")
                                                .put("roles", new io.vertx.core.json.JsonArray().add("student"))
                                                .put("password", "s1-password")))
                        .status());
        String student = nodeB.loginAs("s1");
        JsonObject attempt = nodeB.post("/api/v1/exams/" + examId + "/attempts", student, null)
                .json();
        String attemptId = attempt.getString("id");
        JsonObject started = proctor.next("attempt-started");
        assertEquals("s1", started.getString("studentId"));
        assertEquals(attemptId, started.getString("attemptId"));
        // issue 15 (3): the student's name rides on the event (from the token, nothing read), so the dashboard shows a
        // student who was not on its table by name at once
        assertEquals("Әйгерім Сейітова", started.getString("name"));

        TestSocket page = TestSocket.open(nodeB, student);
        Instant serverTime = Instant.parse(page.next("time").getString("serverTime"));
        assertTrue(Math.abs(serverTime.toEpochMilli() - System.currentTimeMillis()) < 5_000);
        page.send(new JsonObject().put("type", "attempt").put("attemptId", attemptId));
        assertEquals("in-progress", page.next("following").getString("status"));
        JsonObject online = proctor.next("presence");
        assertEquals(true, online.getBoolean("connected"));

        JsonObject q = attempt.getJsonArray("questions").getJsonObject(0);
        nodeB.put(
                "/api/v1/attempts/" + attemptId + "/answers/" + q.getString("id"),
                student,
                new JsonObject()
                        .put(
                                "choices",
                                new JsonArray()
                                        .add(q.getJsonArray("options")
                                                .getJsonObject(1)
                                                .getString("id")))
                        .put("seq", 1));
        JsonObject saved = proctor.next("answer-saved");
        assertEquals(1, saved.getInteger("answered"));
        assertTrue(
                !saved.encode()
                        .contains(q.getJsonArray("options").getJsonObject(1).getString("id")),
                "no answer content");

        nodeB.put(
                "/api/v1/attempts/" + attemptId + "/answers/" + q.getString("id"),
                student,
                new JsonObject().put("choices", new JsonArray()).put("seq", 2));
        assertEquals(0, proctor.next("answer-saved").getInteger("answered"), "a cleared answer no longer counts");
        nodeB.put(
                "/api/v1/attempts/" + attemptId + "/answers/" + q.getString("id"),
                student,
                new JsonObject()
                        .put(
                                "choices",
                                new JsonArray()
                                        .add(q.getJsonArray("options")
                                                .getJsonObject(1)
                                                .getString("id")))
                        .put("seq", 3));
        assertEquals(1, proctor.next("answer-saved").getInteger("answered"));

        JsonObject progress = nodeA.get("/api/v1/exams/" + examId + "/progress", nodeA.loginAs("p1"))
                .json();
        JsonObject row = progress.getJsonArray("students").stream()
                .map(r -> (JsonObject) r)
                .filter(r -> r.getString("studentId").equals("s1"))
                .findFirst()
                .orElseThrow();
        assertEquals("in-progress", row.getString("status"));
        assertEquals(1, row.getInteger("answered"));
        assertEquals(true, row.getBoolean("connected"));
        JsonObject other = progress.getJsonArray("students").stream()
                .map(r -> (JsonObject) r)
                .filter(r -> r.getString("studentId").equals("s2"))
                .findFirst()
                .orElseThrow();
        assertEquals("not-started", other.getString("status"));

        nodeA.post("/api/v1/attempts/" + attemptId + "/submit", student, null);
        assertEquals("submitted", page.next("attempt-closed").getString("status"));
        assertEquals("submitted", proctor.next("attempt-finished").getString("status"));

        page.close();
        assertEquals(false, proctor.next("presence").getBoolean("connected"));
        proctor.close();
    }

    @Test
    void aStudentCannotFollowAnExamAndABadTokenIsRefused() throws Exception {
        nodeA.users("student", "s9");
        TestSocket s = TestSocket.open(nodeA, nodeA.loginAs("s9"));
        s.send(new JsonObject().put("type", "subscribe").put("examId", "whatever"));
        assertEquals("forbidden", s.next("error").getString("error"));
        s.close();
        var refused = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(
                        URI.create("ws://localhost:" + nodeA.engine().port() + "/api/v1/ws?token=forged"),
                        new WebSocket.Listener() {});
        assertTrue(refused.handle((ws, err) -> err != null).join(), "a bad token gets no socket");
    }
}
