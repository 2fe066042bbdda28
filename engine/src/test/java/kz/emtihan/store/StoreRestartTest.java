package kz.emtihan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "Durability": an acknowledged answer survives a Redis crash (AOF, appendfsync always), and
 * the engine reconnects by itself when Redis comes back.
 */
class StoreRestartTest {
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
    void anAcknowledgedAnswerSurvivesARedisRestartAndTheEngineReconnects() {
        app.users("teacher", "t1");
        app.users("student", "s1");
        String teacher = app.loginAs("t1");
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), "s1");
        String token = app.loginAs("s1");
        JsonObject attempt =
                app.post("/api/v1/exams/" + examId + "/attempts", token, null).json();
        String id = attempt.getString("id");
        JsonObject q = attempt.getJsonArray("questions").getJsonObject(0);
        JsonArray choice =
                new JsonArray().add(q.getJsonArray("options").getJsonObject(3).getString("id"));
        assertEquals(
                200,
                app.put(
                                "/api/v1/attempts/" + id + "/answers/" + q.getString("id"),
                                token,
                                new JsonObject().put("choices", choice).put("seq", 1))
                        .status());

        EmbeddedRedis redis = app.engine().embeddedRedis().orElseThrow();
        redis.stop();
        TestEngine.Reply down = app.get("/health", null);
        assertEquals(503, down.status());
        assertEquals("down", down.json().getString("store"));
        TestEngine.Reply away = app.get("/api/v1/attempts/" + id, token);
        // 503 when the node already knows its store is gone (the token's standing cannot be checked), 500 when a
        // request
        // meets the outage first; never an answer made up, and never a 401 that would sign the student out
        assertTrue(
                away.status() == 503 || away.status() == 500,
                "no answer is invented while the store is away: " + away.body());
        assertFalse(away.body().contains("answers"), away.body());

        redis.restart();
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (app.get("/health", null).status() != 200) {
            if (System.nanoTime() > giveUp) throw new AssertionError("the engine did not reconnect to Redis");
            Thread.onSpinWait();
        }
        JsonObject back = app.get("/api/v1/attempts/" + id, token).json();
        assertEquals(
                choice,
                back.getJsonObject("answers").getJsonArray(q.getString("id")),
                "the acknowledged answer was kept");
        assertEquals(
                200,
                app.put(
                                "/api/v1/attempts/" + id + "/answers/" + q.getString("id"),
                                token,
                                new JsonObject().put("choices", choice).put("seq", 2))
                        .status(),
                "writes work again, Lua scripts reloaded");
    }
}
