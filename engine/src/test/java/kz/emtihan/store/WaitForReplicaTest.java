package kz.emtihan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.exam.ExamKeys;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (2): with {@code waitReplicas: 1} nothing is acknowledged that a replica has not confirmed. A real primary
 * without a replica: the start is answered 503 store-unavailable (the page retries); once a replica follows, the same
 * requests succeed; when the replica is lost, a save is not acknowledged, and its retry (the same seq: the primary
 * may already hold it) is acknowledged once a replica has it again.
 */
class WaitForReplicaTest {
    @Test
    void nothingIsAcknowledgedUntilAReplicaConfirmsIt() {
        assumeTrue(RedisNodes.binary().isPresent(), "needs redis-server on the PATH (test.sh installs it)");
        try (RedisNodes nodes = RedisNodes.create()) {
            int primary = nodes.server();
            try (TestEngine app = TestEngine.start(Map.of(
                    "EMTIHAN_REDIS_URL", "redis://:" + nodes.password + "@127.0.0.1:" + primary + "/0",
                    "EMTIHAN_STORE_WAIT_REPLICAS", "1",
                    "EMTIHAN_STORE_WAIT_TIMEOUT_MILLIS", "1000"))) {
                app.users("teacher", "t1");
                app.users("student", "s1");
                String teacher = app.loginAs("t1");
                String exam = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), "s1");
                String token = app.loginAs("s1");
                String start = "/api/v1/exams/" + exam + "/attempts";

                TestEngine.Reply alone = app.post(start, token, null);
                assertEquals(503, alone.status(), alone.body());
                assertEquals("store-unavailable", alone.error());

                int replica = nodes.server("replicaof 127.0.0.1 " + primary);
                awaitReplicas(nodes, primary, "1");
                TestEngine.Reply started = app.post(start, token, null);
                assertTrue(started.status() == 200 || started.status() == 201, started.body());
                JsonObject attempt = started.json();
                String id = attempt.getString("id");
                JsonObject q = attempt.getJsonArray("questions").getJsonObject(0);
                String option = q.getJsonArray("options").getJsonObject(2).getString("id");
                String path = "/api/v1/attempts/" + id + "/answers/" + q.getString("id");
                JsonObject body = new JsonObject()
                        .put("choices", new JsonArray().add(option))
                        .put("seq", 1);
                assertEquals(200, app.put(path, token, body).status());

                nodes.kill(replica);
                awaitReplicas(nodes, primary, "0");
                JsonObject second = new JsonObject()
                        .put("choices", new JsonArray().add(option))
                        .put("seq", 2);
                TestEngine.Reply unconfirmed = app.put(path, token, second);
                assertEquals(503, unconfirmed.status(), "not acknowledged without a replica: " + unconfirmed.body());
                assertEquals("store-unavailable", unconfirmed.error());

                nodes.server("replicaof 127.0.0.1 " + primary);
                awaitReplicas(nodes, primary, "1");
                TestEngine.Reply retried = app.put(path, token, second);
                assertEquals(200, retried.status(), retried.body());
                String stored = app.redis(Request.cmd(Command.HGET)
                                .arg(ExamKeys.answers(id))
                                .arg(q.getString("id")))
                        .toString();
                assertEquals("2", stored.substring(0, stored.indexOf('|')), "the retried save is stored once");
            }
        }
    }

    private static void awaitReplicas(RedisNodes nodes, int primary, String count) {
        RedisNodes.await(
                count + " replica(s) in sync",
                RedisNodes.quietly(() -> nodes.info(primary, "replication", "connected_slaves")
                                .equals(count)
                        && (count.equals("0")
                                || nodes.info(primary, "replication", "slave0").contains("state=online"))),
                Duration.ofSeconds(20));
    }
}
