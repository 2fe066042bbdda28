package kz.emtihan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.emtihan.config.StoreTopology;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.proctor.ProctorKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (2): "keys that a Lua script touches share one hash slot, so every script runs on a Cluster". A real Redis
 * Cluster of three primaries (slots split by ADDSLOTSRANGE, joined by CLUSTER MEET); the engine's own client in mode
 * cluster runs the per-attempt scripts over the keys {@link ExamKeys} and {@link ProctorKeys} spell for attempts of
 * several exams, which land on different primaries. docs/redis-ha.md lists the scripts not converted yet.
 */
class ClusterScriptsTest {
    private static final LuaScript SAVE = LuaScript.load("/kz/emtihan/exam/save-answer.lua");
    private static final LuaScript RAISE = LuaScript.load("/kz/emtihan/proctor/raise-flag.lua");
    private static final LuaScript OBSERVE = LuaScript.load("/kz/emtihan/proctor/observe.lua");
    private static RedisNodes nodes;
    private static int[] ports;
    private static Vertx vertx;
    private static RedisStore store;

    @BeforeAll
    static void cluster() {
        assumeTrue(RedisNodes.binary().isPresent(), "needs redis-server on the PATH (test.sh installs it)");
        nodes = RedisNodes.create();
        ports = nodes.cluster();
        vertx = Vertx.vertx();
        List<String> endpoints = List.of("redis://:" + nodes.password + "@127.0.0.1:" + ports[0]);
        store = RedisStore.connect(
                vertx,
                new StoreTopology(StoreTopology.Mode.CLUSTER, endpoints, "mymaster", 0, Duration.ofSeconds(1)),
                Optional.empty(),
                4);
    }

    @AfterAll
    static void stop() {
        if (vertx != null) vertx.close().await();
        if (nodes != null) nodes.close();
    }

    @Test
    void everyKeyOfANewAttemptSharesItsExamsSlot() {
        String attempt = "a" + Ids.random(12) + "-e" + Ids.random(12);
        Set<String> slots = new HashSet<>();
        for (String key : List.of(
                ExamKeys.attempt(attempt),
                ExamKeys.answers(attempt),
                ExamKeys.answered(attempt),
                ExamKeys.log(attempt),
                ExamKeys.receipt(attempt),
                ProctorKeys.proctor(attempt),
                ProctorKeys.flags(attempt),
                ProctorKeys.audit(attempt),
                ProctorKeys.observations(attempt))) {
            slots.add((String) nodes.call(ports[0], "CLUSTER", "KEYSLOT", key));
        }
        assertEquals(1, slots.size(), "one slot for all of the attempt's keys: " + slots);
        String exam = attempt.substring(attempt.lastIndexOf('-') + 1);
        assertEquals(
                nodes.call(ports[0], "CLUSTER", "KEYSLOT", "{" + exam + "}"),
                slots.iterator().next(),
                "the slot of the attempt's exam");
    }

    @Test
    void theSaveFlagAndObservationScriptsRunOnEveryPrimary() throws Exception {
        Set<Integer> primaries = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String attempt = "a" + Ids.random(12) + "-e" + Ids.random(12);
            String exam = attempt.substring(attempt.lastIndexOf('-') + 1);
            primaries.add(owner(ExamKeys.attempt(attempt)));
            send(Request.cmd(Command.HSET)
                    .arg(ExamKeys.attempt(attempt))
                    .arg("status")
                    .arg("in-progress")
                    .arg("deadline")
                    .arg(Long.toString(System.currentTimeMillis() + 3_600_000))
                    .arg("examId")
                    .arg(exam)
                    .arg("studentId")
                    .arg("s" + i));
            Response saved = run(
                    SAVE,
                    List.of(
                            ExamKeys.attempt(attempt),
                            ExamKeys.answers(attempt),
                            ExamKeys.log(attempt),
                            ExamKeys.answered(attempt)),
                    List.of("q1", "1", "o2", "20000", attempt, ExamKeys.examChannel(exam)));
            assertEquals("stored", saved.get(0).toString());
            Response again = run(
                    SAVE,
                    List.of(
                            ExamKeys.attempt(attempt),
                            ExamKeys.answers(attempt),
                            ExamKeys.log(attempt),
                            ExamKeys.answered(attempt)),
                    List.of("q1", "1", "o2", "20000", attempt, ExamKeys.examChannel(exam)));
            assertEquals("already", again.get(0).toString(), "a repeated save stores nothing twice");
            assertTrue(send(Request.cmd(Command.HGET)
                            .arg(ExamKeys.answers(attempt))
                            .arg("q1"))
                    .toString()
                    .endsWith("|o2"));

            JsonObject flag = new JsonObject()
                    .put("kind", "no-face")
                    .put("at", "2026-12-06T10:00:00Z")
                    .put("evidence", "snap1");
            Response id = run(
                    RAISE,
                    List.of(ProctorKeys.flags(attempt), ProctorKeys.proctor(attempt), ProctorKeys.audit(attempt)),
                    List.of(flag.encode(), attempt, exam, "s" + i, ExamKeys.examChannel(exam)));
            assertEquals("f1", id.toString());
            Response window = run(
                    OBSERVE,
                    List.of(ProctorKeys.observations(attempt), ProctorKeys.proctor(attempt)),
                    List.of("1|1", "5", "snap1", "2026-12-06T10:00:00Z", "1"));
            assertEquals(1, window.size());
            assertEquals(
                    "1",
                    send(Request.cmd(Command.HGET)
                                    .arg(ProctorKeys.proctor(attempt))
                                    .arg("snapshots"))
                            .toString(),
                    "the snapshot was counted beside its observation");
        }
        assertTrue(primaries.size() >= 2, "the attempts were spread over the primaries: " + primaries);
    }

    /** The port of the primary that serves the key's slot. */
    private static int owner(String key) {
        int slot = Integer.parseInt((String) nodes.call(ports[0], "CLUSTER", "KEYSLOT", key));
        return slot <= 5460 ? ports[0] : slot <= 10922 ? ports[1] : ports[2];
    }

    private static Response run(LuaScript script, List<String> keys, List<String> args) throws Exception {
        return script.run(store.redis(), keys, args).await(10, TimeUnit.SECONDS);
    }

    private static Response send(Request r) throws Exception {
        return store.redis().send(r).await(10, TimeUnit.SECONDS);
    }
}
