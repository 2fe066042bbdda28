package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Instant;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grace rule of regulation.yaml ({@code answers.graceSeconds}, 20 s as shipped): an answer that was
 * unsent at the deadline (a dropped connection) is still taken shortly after it, and the audit trail says so.
 */
class GraceTest {
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anAnswerJustAfterTheDeadlineIsTakenAndLoggedAsInGrace() {
        app.users("teacher", "t1");
        app.users("student", "s1");
        String teacher = app.loginAs("t1");
        String bankId = Fixtures.validBank(app, teacher);
        Instant now = Instant.now();
        String examId = Fixtures.exam(
                app, teacher, Fixtures.attestation(bankId, now.minusSeconds(60), now.plusSeconds(2)), "s1");
        String token = app.loginAs("s1");
        JsonObject attempt =
                app.post("/api/v1/exams/" + examId + "/attempts", token, null).json();
        String id = attempt.getString("id");
        Instant deadline = Instant.parse(attempt.getString("deadline"));
        DeadlineTest.waitUntil(
                "the server's clock passes the deadline",
                () -> !Instant.parse(
                                app.get("/api/v1/attempts/" + id, token).json().getString("serverTime"))
                        .isBefore(deadline));
        JsonObject q = attempt.getJsonArray("questions").getJsonObject(0);
        TestEngine.Reply late = app.put(
                "/api/v1/attempts/" + id + "/answers/" + q.getString("id"),
                token,
                new JsonObject()
                        .put(
                                "choices",
                                new JsonArray()
                                        .add(q.getJsonArray("options")
                                                .getJsonObject(0)
                                                .getString("id")))
                        .put("seq", 1));
        assertEquals(200, late.status(), late.body());
        assertEquals(
                "in-progress",
                app.get("/api/v1/attempts/" + id, token).json().getString("status"),
                "the sweeper waits for the grace period too");
        String lastLogEntry = app.redis(
                        Request.cmd(Command.LINDEX).arg(ExamKeys.log(id)).arg(-1))
                .toString();
        assertTrue(lastLogEntry.contains("\"type\":\"save-in-grace\""), lastLogEntry);
        TestEngine.Reply submitted = app.post("/api/v1/attempts/" + id + "/submit", token, null);
        assertEquals("submitted", submitted.json().getString("status"), "submitted within the grace period");
    }
}
