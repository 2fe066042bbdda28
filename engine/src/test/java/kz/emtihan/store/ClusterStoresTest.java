package kz.emtihan.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.emtihan.TestEngine;
import kz.emtihan.auth.AuthKeys;
import kz.emtihan.bank.BankKeys;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.proctor.ProctorStoreProbe;
import kz.emtihan.sitting.SittingKeys;
import kz.emtihan.statement.StatementKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (2): "Redis Cluster through vertx-redis-client's own mode" for everything but the attempt lifecycle (the
 * exam context's start, save, submit and sweeper have their own Cluster test; the two join once both exist). A real
 * Cluster of three primaries and the engine on it in mode cluster, driven through the HTTP API: sign-in with its
 * throttle, sessions and their ending, accounts created in one request with photos, banks and their life
 * (update-life.lua), an exam scheduled (schedule-exam.lua) with its roster, extra time and a statement through to its
 * personal window (apply- and replace-statement.lua), the proctor's store, a sitting to its draw. The ids land on all
 * three primaries; the keys that must change together are checked to share a slot by the servers themselves.
 */
class ClusterStoresTest {
    private static ClusterEngine cluster;
    private static TestEngine app;

    @BeforeAll
    static void start() {
        assumeTrue(ClusterEngine.available(), "needs redis-server on the PATH (test.sh installs it)");
        cluster = ClusterEngine.start();
        app = cluster.app();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    @Test
    void slotsAreComputedAsTheServersDo() {
        List<String> keys = new ArrayList<>(List.of("foo", "{user1000}.following", "foo{}{bar}", "foo{{bar}}zap"));
        for (int i = 0; i < 40; i++) keys.add("k" + Ids.random(i % 9 + 1) + (i % 3 == 0 ? "{" + i + "}x" : ""));
        for (String k : keys) assertEquals(cluster.slot(k), Slots.of(k), k);
        assertEquals(cluster.slot(BankKeys.bank("b1")), cluster.slot(BankKeys.bankTrail("b1")));
        assertEquals(cluster.slot(AuthKeys.user("u.1@x")), cluster.slot(AuthKeys.userPhoto("u.1@x")));
        assertEquals(cluster.slot(SittingKeys.seed("s1")), cluster.slot("sitting:s1"));
        assertEquals(cluster.slot(ExamKeys.extraTime("e1")), cluster.slot(StatementKeys.accommodationsAudit("e1")));
        String statement = StatementKeys.newId("e1");
        for (String k : List.of(
                StatementKeys.statement(statement),
                StatementKeys.audit(statement),
                StatementKeys.scan(statement),
                StatementKeys.openGuard("e1", "s1")))
            assertEquals(cluster.slot(ExamKeys.personalWindows("e1")), cluster.slot(k), k);
    }

    @Test
    void pipelinesAndTransactionsGoPerSlotWithRepliesInOrder() throws Exception {
        RedisStore store = app.engine().services().store();
        assertTrue(store.cluster());
        List<Request> writes = new ArrayList<>();
        List<Request> reads = new ArrayList<>();
        Set<Integer> primaries = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String key = "probe:" + Ids.random(8);
            primaries.add(cluster.primary(key));
            writes.add(Request.cmd(Command.SET).arg(key).arg("v" + i));
            writes.add(Request.cmd(Command.INCR).arg(Slots.beside(key, ":n")));
            reads.add(Request.cmd(Command.GET).arg(key));
        }
        assertEquals(3, primaries.size(), "keys on every primary");
        List<Response> done = store.atomically(writes).await(10, TimeUnit.SECONDS);
        assertEquals("OK", done.get(0).toString());
        assertEquals(1, done.get(1).toInteger(), "the replies of each MULTI in the order of the requests");
        List<Response> values = store.pipeline(reads).await(10, TimeUnit.SECONDS);
        for (int i = 0; i < 30; i++) assertEquals("v" + i, values.get(i).toString());
    }

    @Test
    void signInThrottleSessionsAndTheirEnd() {
        app.users("student", "cl-a", "cl-b", "cl-c");
        assertEquals(
                401,
                app.post(
                                "/api/v1/auth/login",
                                null,
                                new JsonObject().put("username", "cl-a").put("password", "wrong-password"))
                        .status());
        Response failures = app.redis(
                Request.cmd(Command.HGET).arg(AuthKeys.loginFailuresOf("cl-a")).arg("n"));
        assertEquals("1", failures.toString(), "the failure was counted on every counter");
        String token = app.loginAs("cl-a");
        assertEquals("cl-a", app.get("/api/v1/me", token).json().getString("id"));
        assertEquals(
                200,
                app.put("/api/v1/users/me/language", token, new JsonObject().put("language", "kk"))
                        .status());
        assertEquals(204, app.post("/api/v1/auth/logout", token, null).status());
        assertEquals(401, app.get("/api/v1/me", token).status(), "an ended token is refused");

        String b = app.loginAs("cl-b");
        String b2 = app.loginAs("cl-b");
        assertEquals(204, app.post("/api/v1/auth/logout-all", b, null).status());
        assertEquals(401, app.get("/api/v1/me", b2).status(), "every token of the account ended");

        String c = app.loginAs("cl-c");
        assertEquals(
                200, app.post("/api/v1/users/cl-c/disable", app.admin(), null).status());
        assertEquals(401, app.get("/api/v1/me", c).status(), "a disabled account's token is refused");
        assertEquals(
                200, app.post("/api/v1/users/cl-c/enable", app.admin(), null).status());
        assertEquals("cl-c", app.get("/api/v1/me", app.loginAs("cl-c")).json().getString("id"));
    }

    @Test
    void standingChangesAnnouncedOnAnyPrimaryReachTheNode() {
        // the node's copies of standings are trusted only while its subscription hears every change (issue 10, 1)
        for (int primary = 0; primary < 3; primary++) {
            String user = "cl-w" + primary;
            java.util.concurrent.atomic.AtomicBoolean heard = new java.util.concurrent.atomic.AtomicBoolean();
            Runnable stop = app.engine().services().sessions().watch(user, () -> heard.set(true));
            try {
                cluster.publishOn(primary, AuthKeys.standingChannel(), user);
                TestEngine.awaitUntil("the announcement on primary " + primary, heard::get, Duration.ofSeconds(10));
            } finally {
                stop.run();
            }
        }
    }

    @Test
    void aClusterIsNeverRenamedAtStart() throws Exception {
        RedisStore store = app.engine().services().store();
        assertEquals(0, kz.emtihan.upgrade.SlottedKeys.migrate(store).await(10, TimeUnit.SECONDS));
        assertEquals(
                0,
                app.redis(Request.cmd(Command.EXISTS).arg(kz.emtihan.upgrade.SlottedKeys.MARKER))
                        .toInteger(),
                "no marker: the start did not run the renaming on a Cluster");
    }

    @Test
    void accountsInOneRequestWithTheirPhotos() {
        JsonArray people = new JsonArray();
        Set<Integer> primaries = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String id = "cl-p" + i;
            primaries.add(cluster.primary(AuthKeys.user(id)));
            people.add(new JsonObject()
                    .put("id", id)
                    .put("name", "Person " + i)
                    .put("roles", new JsonArray().add("student"))
                    .put("password", id + "-password"));
        }
        assertEquals(3, primaries.size(), "accounts on every primary");
        TestEngine.Reply stored = app.post("/api/v1/users", app.admin(), people);
        assertEquals(200, stored.status(), stored.body());
        byte[] face = ClusterFlows.face();
        for (int i = 0; i < 12; i += 2) {
            TestEngine.Reply put =
                    app.send("PUT", "/api/v1/users/cl-p" + i + "/photo", app.admin(), "image/jpeg", face);
            assertEquals(200, put.status(), put.body());
        }
        JsonArray listed = app.get("/api/v1/users", app.admin()).array();
        int withPhoto = 0;
        int mine = 0;
        for (Object o : listed) {
            JsonObject u = (JsonObject) o;
            if (!u.getString("id").startsWith("cl-p")) continue;
            mine++;
            int n = Integer.parseInt(u.getString("id").substring(4));
            assertEquals(n % 2 == 0, u.getBoolean("photo"), u.encode());
            if (u.getBoolean("photo")) withPhoto++;
        }
        assertEquals(12, mine, "every account listed");
        assertEquals(6, withPhoto);
        assertArrayEquals(face, app.getBytes("/api/v1/users/cl-p4/photo", app.admin()));
        assertEquals(
                204,
                app.send("DELETE", "/api/v1/users/cl-p4/photo", app.admin(), null, null)
                        .status());
        assertEquals(404, app.get("/api/v1/users/cl-p4/photo", app.admin()).status());
    }

    @Test
    void anExamWithItsBankRosterExtraTimeAndAStatementToItsPersonalWindow() {
        String[] students = new String[9];
        for (int i = 0; i < students.length; i++) students[i] = "cl-s" + i;
        ClusterFlows.examWithAStatement(cluster, students);
    }

    @Test
    void theProctorsStoreForAttemptsOfExamsOnEveryPrimary() throws Exception {
        List<String> attempts = new ArrayList<>();
        Set<Integer> primaries = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            String attempt = "a" + Ids.random(12) + "-e" + Ids.random(12);
            attempts.add(attempt);
            primaries.add(cluster.primary(kz.emtihan.proctor.ProctorKeys.proctor(attempt)));
        }
        assertTrue(primaries.size() >= 2, "attempts on several primaries: " + primaries);
        ProctorStoreProbe.recordAndRead(app.engine().services().store(), attempts);
    }

    @Test
    void aSittingToItsDraw() {
        ClusterFlows.sittingDrawn(cluster);
    }
}
