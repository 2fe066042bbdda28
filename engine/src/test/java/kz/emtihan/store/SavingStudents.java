package kz.emtihan.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import kz.emtihan.TestEngine;

/**
 * Issue 14 (2): students saving answers through the HTTP API, each on its own thread, as fast as the engine answers;
 * a save that is not acknowledged (a 503 while the store fails over, a dropped connection) is sent again with the same
 * seq after a short pause, as the page does (lib/answers.js, there from one second on). Every acknowledged save is
 * remembered: the highest acknowledged seq of each (attempt, question) and the option it chose.
 */
final class SavingStudents implements AutoCloseable {
    /** One student's attempt as the start answered it. */
    record Sitter(String token, String attemptId, List<String> questions, Map<String, List<String>> options) {}

    /** The last acknowledged save of one question. */
    record Acked(long seq, String option) {}

    private static final long RETRY_PAUSE_NANOS = Duration.ofMillis(50).toNanos();
    private final TestEngine app;
    private final ExecutorService threads;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Map<String, Acked> last = new ConcurrentHashMap<>();
    private final List<Sitter> sitters;

    private SavingStudents(TestEngine app, List<Sitter> sitters) {
        this.app = app;
        this.sitters = sitters;
        this.threads = Executors.newFixedThreadPool(sitters.size());
    }

    /** Starts each student's attempt (token from {@code tokens}) and begins saving. */
    static SavingStudents start(TestEngine app, String examId, List<String> tokens) {
        List<Sitter> sitters = new ArrayList<>();
        for (String token : tokens) {
            // as the page does: a 503 (a replica not yet confirming, the store away) is retried, anything else is not
            TestEngine.Reply r = app.post("/api/v1/exams/" + examId + "/attempts", token, null);
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (r.status() == 503 && System.nanoTime() < until) {
                LockSupport.parkNanos(RETRY_PAUSE_NANOS);
                r = app.post("/api/v1/exams/" + examId + "/attempts", token, null);
            }
            if (r.status() != 200 && r.status() != 201) throw new AssertionError("start: " + r.body());
            JsonObject a = r.json();
            List<String> questions = new ArrayList<>();
            Map<String, List<String>> options = new java.util.HashMap<>();
            JsonArray qs = a.getJsonArray("questions");
            for (int i = 0; i < qs.size(); i++) {
                JsonObject q = qs.getJsonObject(i);
                questions.add(q.getString("id"));
                List<String> ids = new ArrayList<>();
                JsonArray os = q.getJsonArray("options");
                for (int j = 0; j < os.size(); j++) ids.add(os.getJsonObject(j).getString("id"));
                options.put(q.getString("id"), ids);
            }
            sitters.add(new Sitter(token, a.getString("id"), questions, options));
        }
        SavingStudents s = new SavingStudents(app, sitters);
        for (Sitter sitter : sitters) s.threads.submit(() -> s.save(sitter));
        return s;
    }

    private void save(Sitter s) {
        long seq = 0;
        while (!stop.get()) {
            seq++;
            String q = s.questions().get((int) (seq % s.questions().size()));
            List<String> opts = s.options().get(q);
            String option = opts.get((int) (seq % opts.size()));
            JsonObject body =
                    new JsonObject().put("choices", new JsonArray().add(option)).put("seq", seq);
            while (!stop.get()) {
                int status;
                try {
                    status = app.put("/api/v1/attempts/" + s.attemptId() + "/answers/" + q, s.token(), body)
                            .status();
                } catch (RuntimeException e) {
                    status = -1; // the connection dropped: not acknowledged
                }
                if (status == 200) {
                    long n = seq;
                    last.merge(s.attemptId() + "/" + q, new Acked(n, option), (a, b) -> b.seq() > a.seq() ? b : a);
                    acked.incrementAndGet();
                    break;
                }
                if (status == 400 || status == 403 || status == 404 || status == 409)
                    throw new AssertionError("a save was refused for good: " + status);
                refused.incrementAndGet();
                LockSupport.parkNanos(RETRY_PAUSE_NANOS);
            }
        }
    }

    long acknowledged() {
        return acked.get();
    }

    long notAcknowledged() {
        return refused.get();
    }

    List<Sitter> sitters() {
        return sitters;
    }

    /** The last acknowledged save of each (attempt, question), keyed {@code attemptId/questionId}. */
    Map<String, Acked> lastAcknowledged() {
        return Map.copyOf(last);
    }

    /** Stops saving and waits for the requests in flight. */
    void stop() {
        stop.set(true);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(60, TimeUnit.SECONDS)) throw new AssertionError("savers did not stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!threads.isShutdown()) stop();
    }
}
