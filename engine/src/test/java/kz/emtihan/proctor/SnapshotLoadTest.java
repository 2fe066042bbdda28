package kz.emtihan.proctor;

import static kz.emtihan.proctor.ProctorFixtures.NO_FACE;
import static kz.emtihan.proctor.ProctorFixtures.ONE_FACE;
import static kz.emtihan.proctor.ProctorFixtures.TWO_FACES;
import static kz.emtihan.proctor.ProctorFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (8): camera snapshots through the engine's endpoint. Students sending one snapshot at a time (as the page
 * does) are all analysed, and the throughput is printed; a burst beyond {@code proctoring.faceAnalysis.queue} is
 * answered at once, the excess not analysed, and nothing is left waiting after it.
 */
class SnapshotLoadTest {
    private static final int QUEUE = 8, STEADY = 8, BURST = 12, PER_STUDENT = 6;
    /** Snapshots per student in the timed part; more for a measurement: -Demtihan.snapshotLoad.rounds=100. */
    private static final int ROUNDS = Integer.getInteger("emtihan.snapshotLoad.rounds", 10);

    static TestEngine app;
    static List<String> tokens = new ArrayList<>(), attempts = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestEngine.start(Map.of(
                "EMTIHAN_PROCTORING_UPLOADS_PER_MINUTE",
                "100000",
                "EMTIHAN_PROCTORING_FACE_ANALYSIS_QUEUE",
                String.valueOf(QUEUE)));
        app.users("teacher", "t1");
        String[] ids = new String[BURST];
        for (int i = 0; i < BURST; i++) ids[i] = "s" + i;
        app.users("student", ids);
        String exam = ProctorFixtures.proctoredExam(app, app.loginAs("t1"), ids);
        for (String id : ids) {
            String token = app.loginAs(id);
            tokens.add(token);
            attempts.add(ProctorFixtures.startServed(app, token, exam));
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void studentsSendingOneAtATimeAreAllAnalysed() throws Exception {
        // of every 10 snapshots: 8 one face, 1 none, 1 two faces (that one takes the full-size look)
        byte[][] mix = {
            ONE_FACE, ONE_FACE, ONE_FACE, NO_FACE, ONE_FACE, ONE_FACE, ONE_FACE, ONE_FACE, TWO_FACES, ONE_FACE
        };
        int[] faces = {1, 1, 1, 0, 1, 1, 1, 1, 2, 1};
        ExecutorService students = Executors.newFixedThreadPool(STEADY);
        send(students, mix, faces, 10); // warm-up: JIT, analysers per worker thread
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(), engine0 = engineCpu(), t0 = System.nanoTime();
        send(students, mix, faces, ROUNDS);
        double seconds = (System.nanoTime() - t0) / 1e9, cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        double engineMs = (engineCpu() - engine0) / 1e6;
        students.shutdown();
        int n = STEADY * ROUNDS;
        System.out.printf(
                "snapshot endpoint: %d snapshots from %d students in %.2f s = %.1f/s; CPU per snapshot: engine threads"
                        + " %.1f ms, whole JVM with the test client %.1f ms; %d cores%n",
                n,
                STEADY,
                seconds,
                n / seconds,
                engineMs / n,
                cpuMs / n,
                Runtime.getRuntime().availableProcessors());
    }

    /** CPU time of the engine's own threads (event loops, workers, face analysis), not the test client's. */
    private static long engineCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            String name = info.getThreadName();
            if (name.startsWith("vert.x-") || name.startsWith("emtihan-")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static void send(ExecutorService students, byte[][] mix, int[] faces, int rounds) throws Exception {
        List<Future<String>> done = new ArrayList<>();
        for (int s = 0; s < STEADY; s++) {
            int id = s;
            done.add(students.submit(() -> {
                StringBuilder wrong = new StringBuilder();
                for (int r = 0; r < rounds; r++) {
                    int k = (r + id) % mix.length;
                    TestEngine.Reply reply = snapshot(app, tokens.get(id), attempts.get(id), mix[k]);
                    JsonObject j = reply.status() == 200 ? reply.json() : new JsonObject();
                    if (!j.getBoolean("analysed", false) || j.getInteger("faces") != faces[k]) {
                        wrong.append(reply.status())
                                .append(' ')
                                .append(reply.body())
                                .append('\n');
                    }
                }
                return wrong.toString();
            }));
        }
        for (Future<String> f : done) assertEquals("", f.get(), "replies not analysed as expected");
    }

    @Test
    void aBurstBeyondTheQueueIsAnsweredAtOnceAndTheExcessNotAnalysed() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(BURST * PER_STUDENT);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestEngine.Reply>> replies = new ArrayList<>();
        for (int s = 0; s < BURST; s++) {
            for (int k = 0; k < PER_STUDENT; k++) {
                int id = s;
                replies.add(senders.submit(() -> {
                    go.await();
                    return snapshot(app, tokens.get(id), attempts.get(id), ONE_FACE);
                }));
            }
        }
        go.countDown();
        int analysed = 0, not = 0;
        for (Future<TestEngine.Reply> f : replies) {
            TestEngine.Reply r = f.get();
            assertEquals(200, r.status(), r.body());
            JsonObject j = r.json();
            if (j.getBoolean("analysed")) {
                analysed++;
                assertEquals(1, j.getInteger("faces"));
            } else {
                not++;
                assertEquals(false, j.getBoolean("judgeable"), "not analysed is no evidence");
                assertEquals(0, j.getJsonArray("flags").size(), "and raises no flag");
            }
        }
        senders.shutdown();
        System.out.printf(
                "snapshot burst: %d at once, queue %d: %d analysed, %d not (shed or stale)%n",
                BURST * PER_STUDENT, QUEUE, analysed, not);
        assertTrue(not > 0, BURST * PER_STUDENT + " snapshots at once cannot all wait in a queue of " + QUEUE);
        assertTrue(analysed > 0);
        // nothing is left waiting: the next snapshot of every attempt is analysed
        for (int s = 0; s < BURST; s++) {
            JsonObject j =
                    snapshot(app, tokens.get(s), attempts.get(s), ONE_FACE).json();
            assertTrue(j.getBoolean("analysed"), j.encode());
        }
    }
}
