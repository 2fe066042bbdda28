package kz.emtihan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.audit.ReceiptSigner;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Names;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.BankMediaStore;
import kz.emtihan.bank.BankStore;
import kz.emtihan.bank.Banks;
import kz.emtihan.config.Regulation;
import kz.emtihan.config.StoreTopology;
import kz.emtihan.exam.AttemptExtras;
import kz.emtihan.exam.Attempts;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.exam.ExamModule;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.proctor.ProctorKeys;
import kz.emtihan.proctor.model.EvidenceKind;
import kz.emtihan.refusal.Refusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (2): "keys that a Lua script touches share one hash slot, so every script runs on a Cluster", for the whole
 * life of an attempt. A real Cluster of three primaries; the exam context's own services ({@link ExamModule}) over the
 * engine's client in mode cluster, for exams spread over the primaries: a start (held for its identity step and
 * released where the exam asks for identity), a save, a submit with its grade and receipt, a start of a finished
 * attempt refused, the evidence scripts on the exam's watched sets, and the sweeper timing out and grading attempts
 * left open. The exams are written as the engine stores them (their scheduling, in another script, is not part of
 * this test). Every key of an attempt and of its exam has the exam's slot.
 */
class ClusterAttemptFlowTest {
    private static final LuaScript GAP = LuaScript.load("/kz/emtihan/proctor/evidence-gap.lua");
    private static final LuaScript SEEN = LuaScript.load("/kz/emtihan/proctor/evidence-seen.lua");
    private static final int EXAMS = 6;
    private static RedisNodes nodes;
    private static int[] ports;
    private static Vertx vertx;
    private static RedisStore store;
    private static Regulation regulation;
    private static Attempts attempts;
    private static Path signerDir;

    @BeforeAll
    static void cluster() throws Exception {
        assumeTrue(RedisNodes.binary().isPresent(), "needs redis-server on the PATH (test.sh installs it)");
        nodes = RedisNodes.create();
        ports = nodes.cluster();
        vertx = Vertx.vertx();
        store = RedisStore.connect(
                vertx,
                new StoreTopology(
                        StoreTopology.Mode.CLUSTER,
                        List.of("redis://:" + nodes.password + "@127.0.0.1:" + ports[0]),
                        "mymaster",
                        0,
                        Duration.ofSeconds(1)),
                Optional.empty(),
                8);
        regulation = Fixtures.regulation();
        Banks banks = new Banks(vertx, new BankStore(store), new BankMediaStore(store.redis()), regulation.bank());
        signerDir = Files.createTempDirectory("cluster-signer");
        // no accounts here: the names of people are not what this test is about
        Names names =
                new Names(ids -> io.vertx.core.Future.succeededFuture(java.util.Map.of()), System::currentTimeMillis);
        attempts = ExamModule.create(vertx, store, banks, regulation, ReceiptSigner.fromDataDir(signerDir), names)
                .attempts();
        attempts.extras(new Watched());
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) vertx.close().await();
        if (nodes != null) nodes.close();
        if (signerDir != null)
            try (var files = Files.walk(signerDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
    }

    @Test
    void anAttemptStartsIsReleasedSavedSubmittedAndSweptOnEveryPrimary() throws Exception {
        Set<Integer> primaries = new HashSet<>();
        Map<String, String> leftOpen = new LinkedHashMap<>(); // attempt -> exam
        for (int i = 0; i < EXAMS; i++) {
            boolean identity = i % 2 == 0;
            String exam = scheduled(identity, ports[i % 3]);
            primaries.add(owner("{" + exam + "}"));

            Caller s1 = student("s1");
            String id = await(attempts.start(s1, exam)).attempt().getString("id");
            if (identity) {
                assertTrue(
                        await(attempts.holds().release(id, "proctor1")).isPresent(),
                        "release-hold.lua: the clock starts");
                assertNotNull(
                        send(Request.cmd(Command.ZSCORE)
                                .arg(ProctorKeys.evidenceWatched(exam, EvidenceKind.SNAPSHOTS))
                                .arg(id)),
                        "watched from the clock's start");
            }
            JsonObject q = await(attempts.get(s1, id)).getJsonArray("questions").getJsonObject(0);
            String option = q.getJsonArray("options").getJsonObject(0).getString("id");
            JsonObject saved = await(attempts.save(
                    s1,
                    id,
                    q.getString("id"),
                    new JsonObject().put("choices", new JsonArray().add(option)).put("seq", 1)));
            assertEquals(1, saved.getInteger("seq"), saved.encode());
            JsonObject result = await(attempts.submit(s1, id, new JsonObject()));
            assertEquals("submitted", result.getString("status"));
            assertNotNull(send(Request.cmd(Command.GET).arg(ExamKeys.receipt(id))), "graded: MULTI on one slot");
            Throwable again = awaitFailure(attempts.start(s1, exam));
            assertTrue(again instanceof Refusal, "5.20.3: a finished attempt is not started again: " + again);

            String gone = await(attempts.start(student("s2"), exam)).attempt().getString("id");
            if (identity) evidenceGapOpensAndCloses(exam, gone);
            overdue(exam, gone);
            leftOpen.put(gone, exam);
            everyKeyHasTheExamsSlot(exam, id);
            assertNotNull(
                    send(Request.cmd(Command.ZSCORE).arg(ExamKeys.sweepExams()).arg(exam)), "indexed");
        }
        assertTrue(primaries.size() == 3, "the exams lie on every primary: " + primaries);

        // a batch smaller than the exams: the drain goes on while a read comes back full
        int closed = await(attempts.finaliseDue(1, 3));

        assertEquals(EXAMS, closed, "every attempt left open was timed out once");
        for (Map.Entry<String, String> a : leftOpen.entrySet()) {
            assertEquals(
                    "timed-out",
                    send(Request.cmd(Command.HGET)
                                    .arg(ExamKeys.attempt(a.getKey()))
                                    .arg("status"))
                            .toString());
            assertNotNull(send(Request.cmd(Command.GET).arg(ExamKeys.receipt(a.getKey()))), "graded by the sweeper");
            assertEquals(
                    0,
                    send(Request.cmd(Command.ZCARD).arg(ExamKeys.deadlines(a.getValue())))
                            .toLong());
            assertEquals(
                    0,
                    send(Request.cmd(Command.SCARD).arg(ExamKeys.toGrade(a.getValue())))
                            .toLong());
        }
        assertEquals(0, await(attempts.finaliseDue(1, 3)), "nothing left for the next tick");
    }

    /** evidence-gap.lua claims the gap once, evidence-seen.lua ends it: the exam's watched and gap sets. */
    private static void evidenceGapOpensAndCloses(String exam, String attempt) throws Exception {
        EvidenceKind k = EvidenceKind.SOCKET;
        List<String> gapKeys = List.of(
                ProctorKeys.evidenceWatched(exam, k),
                ProctorKeys.evidenceGaps(exam, k),
                ExamKeys.attempt(attempt),
                ProctorKeys.proctor(attempt));
        Response claimed = await(GAP.run(store.redis(), gapKeys, List.of(attempt, k.code(), "-1", "0")));
        assertEquals("missing", claimed.get(0).toString(), "watched from the start, not seen since");
        assertEquals(
                "not-watched",
                await(GAP.run(store.redis(), gapKeys, List.of(attempt, k.code(), "-1", "0")))
                        .get(0)
                        .toString());
        Response resumed = await(SEEN.run(
                store.redis(),
                List.of(
                        ProctorKeys.evidenceWatched(exam, k),
                        ProctorKeys.evidenceGaps(exam, k),
                        ProctorKeys.proctor(attempt),
                        ProctorKeys.audit(attempt)),
                List.of(attempt, k.code(), Instant.now().toString(), exam, "s2", ExamKeys.examChannel(exam))));
        assertEquals("resumed", resumed.toString());
    }

    /** The attempt's deadline and its place on the sweeper's list move past deadline + grace. */
    private static void overdue(String exam, String attempt) throws Exception {
        long now = store.time().await(10, TimeUnit.SECONDS).toEpochMilli();
        String past = Long.toString(now - regulation.answerGrace().toMillis() - 60_000);
        send(Request.cmd(Command.HSET)
                .arg(ExamKeys.attempt(attempt))
                .arg("deadline")
                .arg(past));
        send(Request.cmd(Command.ZADD).arg(ExamKeys.deadlines(exam)).arg(past).arg(attempt));
    }

    private static void everyKeyHasTheExamsSlot(String exam, String attempt) {
        List<String> keys = new ArrayList<>(List.of(
                ExamKeys.attempt(attempt),
                ExamKeys.answers(attempt),
                ExamKeys.answered(attempt),
                ExamKeys.log(attempt),
                ExamKeys.receipt(attempt),
                ProctorKeys.proctor(attempt),
                ProctorKeys.flags(attempt),
                ProctorKeys.audit(attempt),
                ProctorKeys.observations(attempt),
                ExamKeys.examAttempts(exam),
                ExamKeys.roster(exam),
                ExamKeys.admission(exam),
                ExamKeys.midterms(exam),
                ExamKeys.personalWindows(exam),
                ExamKeys.extraTime(exam),
                ExamKeys.deadlines(exam),
                ExamKeys.toGrade(exam)));
        for (EvidenceKind k : EvidenceKind.values()) {
            keys.add(ProctorKeys.evidenceWatched(exam, k));
            keys.add(ProctorKeys.evidenceGaps(exam, k));
        }
        Object slot = nodes.call(ports[0], "CLUSTER", "KEYSLOT", "{" + exam + "}");
        for (String key : keys) assertEquals(slot, nodes.call(ports[0], "CLUSTER", "KEYSLOT", key), key);
    }

    /** An exam open now with six questions, stored as the engine stores it, and s1, s2 on its roster. */
    /** An exam whose slot lies on the primary listening on {@code primary}, so that the exams cover every primary. */
    private static String scheduled(boolean identity, int primary) throws Exception {
        String exam = "e" + Ids.random(12);
        while (owner("{" + exam + "}") != primary) exam = "e" + Ids.random(12);
        Instant now = Instant.now();
        JsonObject json = new JsonObject()
                .put("id", exam)
                .put("bankId", "b" + Ids.random(12))
                .put("title", "Cluster attestation")
                .put("kind", "intermediate-attestation")
                .put("opensAt", now.minus(Duration.ofHours(1)).toString())
                .put("closesAt", now.plus(Duration.ofDays(1)).toString())
                .put("durationMinutes", 50)
                .put("questionCount", 3)
                .put(
                        "proctoring",
                        new JsonObject()
                                .put("camera", identity)
                                .put("screen", false)
                                .put("identity", identity))
                .put("owner", "t1");
        send(Request.cmd(Command.HSET).arg(ExamKeys.exam(exam)).arg("json").arg(json.encode()));
        Request questions = Request.cmd(Command.HSET).arg(ExamKeys.examQuestions(exam));
        String[] levels = {"easy", "medium", "hard"};
        for (int i = 1; i <= 6; i++) {
            String id = "q" + i;
            questions
                    .arg(id)
                    .arg(new JsonObject()
                            .put("id", id)
                            .put("text", i + " + 1?")
                            .put(
                                    "options",
                                    new JsonArray()
                                            .add(new JsonObject()
                                                    .put("id", id + "a")
                                                    .put("text", "" + (i + 1))
                                                    .put("fraction", 1.0))
                                            .add(new JsonObject()
                                                    .put("id", id + "b")
                                                    .put("text", "" + i)
                                                    .put("fraction", 0.0)))
                            .put("correct", new JsonArray().add(id + "a"))
                            .put("single", true)
                            .put("difficulty", levels[i % 3])
                            .put("topic", "sums")
                            .put("shuffle", true)
                            .put("order", i)
                            .encode());
        }
        send(questions);
        send(Request.cmd(Command.SADD).arg(ExamKeys.roster(exam)).arg("s1").arg("s2"));
        return exam;
    }

    private static Caller student(String id) {
        return new Caller(id, id, Set.of(Role.STUDENT));
    }

    /** Proctoring's part as the engine wires it, reduced to the sets: held for identity, the exam's evidence sets. */
    private static final class Watched implements AttemptExtras {
        @Override
        public boolean holdAtStart(Exam exam) {
            return exam.proctoring().identity();
        }

        @Override
        public Future<JsonObject> decorate(JsonObject view, Exam exam, boolean held) {
            return Future.succeededFuture(view);
        }

        @Override
        public List<String> watchFromStart(Exam exam) {
            return exam.proctoring().camera()
                    ? List.of(ProctorKeys.evidenceWatched(exam.id(), EvidenceKind.SOCKET))
                    : List.of();
        }

        @Override
        public List<String> watchFromClock(Exam exam) {
            return exam.proctoring().camera()
                    ? List.of(ProctorKeys.evidenceWatched(exam.id(), EvidenceKind.SNAPSHOTS))
                    : List.of();
        }
    }

    /** The port of the primary that serves the key's slot. */
    private static int owner(String key) {
        int slot = Integer.parseInt((String) nodes.call(ports[0], "CLUSTER", "KEYSLOT", key));
        return slot <= 5460 ? ports[0] : slot <= 10922 ? ports[1] : ports[2];
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.await(30, TimeUnit.SECONDS);
    }

    private static Throwable awaitFailure(Future<?> f) throws Exception {
        try {
            f.await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw e;
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    private static Response send(Request r) throws Exception {
        return store.redis().send(r).await(10, TimeUnit.SECONDS);
    }
}
