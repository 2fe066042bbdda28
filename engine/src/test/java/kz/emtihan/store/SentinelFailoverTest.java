package kz.emtihan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.exam.ExamKeys;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (2): "kill the primary in the middle of saves, Sentinel promotes a replica, the engine follows by itself,
 * and not one acknowledged answer is lost". A primary, two replicas and three sentinels (real {@code redis-server}
 * processes); the engine in mode sentinel with {@code waitReplicas: 1}; two dozen students saving as fast as they can.
 */
class SentinelFailoverTest {
    private static final int STUDENTS = 24;

    @Test
    void everyAcknowledgedAnswerSurvivesKillingThePrimaryAndSavesResumeByThemselves() {
        assumeTrue(RedisNodes.binary().isPresent(), "needs redis-server on the PATH (test.sh installs it)");
        try (RedisNodes nodes = RedisNodes.create()) {
            int primary = nodes.server();
            int[] replicas = {
                nodes.server("replicaof 127.0.0.1 " + primary), nodes.server("replicaof 127.0.0.1 " + primary)
            };
            RedisNodes.await(
                    "both replicas are in sync",
                    RedisNodes.quietly(() -> nodes.info(primary, "replication", "connected_slaves")
                            .equals("2")),
                    Duration.ofSeconds(20));
            List<Integer> sentinels = new ArrayList<>();
            for (int i = 0; i < 3; i++) sentinels.add(nodes.sentinel("mymaster", primary));
            for (int s : sentinels)
                RedisNodes.await(
                        "sentinel " + s + " knows the replicas and the other sentinels",
                        RedisNodes.quietly(() -> size(nodes.call(s, "SENTINEL", "REPLICAS", "mymaster")) == 2
                                && size(nodes.call(s, "SENTINEL", "SENTINELS", "mymaster")) == 2),
                        Duration.ofSeconds(20));
            String endpoints = String.join(
                    ",",
                    sentinels.stream()
                            .map(p -> "redis://:" + nodes.password + "@127.0.0.1:" + p)
                            .toList());
            try (TestEngine app = TestEngine.start(Map.of(
                    "EMTIHAN_STORE_MODE", "sentinel",
                    "EMTIHAN_STORE_ENDPOINTS", endpoints,
                    "EMTIHAN_STORE_MASTER_NAME", "mymaster",
                    "EMTIHAN_STORE_WAIT_REPLICAS", "1",
                    "EMTIHAN_STORE_WAIT_TIMEOUT_MILLIS", "1000"))) {
                failOverUnderLoad(app, nodes, primary, replicas);
            }
        }
    }

    private static void failOverUnderLoad(TestEngine app, RedisNodes nodes, int primary, int[] replicas) {
        app.users("teacher", "t1");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) ids.add("s" + i);
        app.users("student", ids.toArray(String[]::new));
        String teacher = app.loginAs("t1");
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), ids.toArray(String[]::new));
        List<String> tokens = ids.stream().map(app::loginAs).toList();

        try (SavingStudents students = SavingStudents.start(app, examId, tokens)) {
            TestEngine.awaitUntil(
                    "saves are acknowledged", () -> students.acknowledged() >= 300, Duration.ofSeconds(30));
            nodes.kill(primary);
            long atKill = students.acknowledged();
            // the engine follows by itself: acknowledgements resume once Sentinel has promoted a replica
            TestEngine.awaitUntil(
                    "saves are acknowledged again after the failover",
                    () -> students.acknowledged() >= atKill + 300,
                    Duration.ofSeconds(30));
            students.stop();
            int promoted = nodes.info(replicas[0], "replication", "role").equals("master") ? replicas[0] : replicas[1];
            assertEquals("master", nodes.info(promoted, "replication", "role"), "a replica was promoted");
            assertNotEquals(0, students.notAcknowledged(), "the failover was felt: some saves had to be retried");

            Map<String, SavingStudents.Acked> acked = students.lastAcknowledged();
            assertTrue(acked.size() >= STUDENTS, "every student had answers acknowledged: " + acked.size());
            List<String> lost = new ArrayList<>();
            for (var e : acked.entrySet()) {
                String attempt = e.getKey().substring(0, e.getKey().indexOf('/'));
                String question = e.getKey().substring(e.getKey().indexOf('/') + 1);
                Response stored = app.redis(
                        Request.cmd(Command.HGET).arg(ExamKeys.answers(attempt)).arg(question));
                String[] parts = stored == null ? null : stored.toString().split("\\|", 3);
                if (parts == null || Long.parseLong(parts[0]) < e.getValue().seq()) lost.add(e.getKey());
                else if (Long.parseLong(parts[0]) == e.getValue().seq())
                    assertEquals(e.getValue().option(), parts[2], "the acknowledged choice is stored");
            }
            assertTrue(lost.isEmpty(), "acknowledged answers lost in the failover: " + lost);
            assertNotNull(app.get("/health", null), "the engine still answers");
        }
    }

    private static int size(Object reply) {
        return reply instanceof List<?> l ? l.size() : -1;
    }
}
