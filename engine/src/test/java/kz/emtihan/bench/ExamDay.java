package kz.emtihan.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One exam day over real HTTP, as N browsers would do it: every student logs in; all wait at a barrier
 * (a latch that opens when the last login is answered); then all start the exam at the same instant
 * (some send "start" twice, like a double click); each answers the 30 questions of their paper, spread
 * over the paced window (seq 1); then, as the throughput test, each changes all 30 answers as fast as the
 * connections allow (seq 2, a real store each); then all submit. Finally the results list must hold
 * exactly one row per student, with N distinct attempt ids, each the one that student was given.
 */
final class ExamDay {
    static final long PHASE_LIMIT_MINUTES = 20;
    private final Client client;
    private final Driver driver;
    private final BenchArgs args;
    private final Fixture.Created fx;
    private final java.util.function.IntFunction<BenchNode.Heap> heapCheck;
    private final int n;
    private final Random random;
    private final String[] tokens;
    private final String[] attempt;
    private final boolean[] otherId;
    private final int[] created;
    private final long[] paperAt;
    private final String[][] questionIds;
    private final String[][][] optionIds;
    private int resumed;
    private int wrongPapers;

    /** Everything measured and checked. */
    record Outcome(
            int students,
            Phase login,
            Phase start,
            Phase paced,
            Phase burst,
            Phase submit,
            BenchNode.Heap heap,
            double releaseToLastPaper,
            Check check,
            long fromNanos,
            long toNanos) {}

    /** The one-attempt checks; {@code ok()} when every student has exactly one attempt and the results agree. */
    record Check(
            int withAttempt,
            int created,
            int resumed,
            int duplicates,
            int distinctIds,
            int wrongPapers,
            int resultRows,
            int resultDistinctIds,
            int resultMismatches,
            int submittedRows) {
        boolean ok(int n) {
            return withAttempt == n
                    && created == n
                    && duplicates == 0
                    && distinctIds == n
                    && wrongPapers == 0
                    && resultRows == n
                    && resultDistinctIds == n
                    && resultMismatches == 0
                    && submittedRows == n;
        }
    }

    /** @param heapCheck the engine's heap after a full GC with the given number of attempts open (issue 14, 9) */
    ExamDay(
            Client client,
            BenchArgs args,
            Fixture.Created fx,
            java.util.function.IntFunction<BenchNode.Heap> heapCheck) {
        this.client = client;
        this.heapCheck = heapCheck;
        this.driver = new Driver(client, args.connections());
        this.args = args;
        this.fx = fx;
        this.n = fx.studentIds().length;
        this.random = new Random(args.seed());
        this.tokens = new String[n];
        this.attempt = new String[n];
        this.otherId = new boolean[n];
        this.created = new int[n];
        this.paperAt = new long[n];
        this.questionIds = new String[n][];
        this.optionIds = new String[n][][];
    }

    Outcome run() throws InterruptedException {
        long from = System.nanoTime();
        CountDownLatch everyoneIn = new CountDownLatch(n);
        List<Driver.Task> logins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int s = i;
            String id = fx.studentIds()[i];
            JsonObject body = new JsonObject().put("username", id).put("password", Fixture.Created.password(id));
            logins.add(new Driver.Task(0, () -> client.post("/api/v1/auth/login", null, body), r -> {
                everyoneIn.countDown();
                if (r.status() != 200) return r.label();
                tokens[s] = r.json().getString("token");
                return null;
            }));
        }
        Phase login = await(driver.run("login", "all at once", logins));
        if (!everyoneIn.await(1, TimeUnit.MINUTES)) throw new IllegalStateException("the login barrier never opened");
        progress(login);

        long release = System.nanoTime();
        Phase start = await(driver.run("start", "released together after the barrier", startTasks()));
        long lastPaper = 0;
        for (long t : paperAt) lastPaper = Math.max(lastPaper, t);
        double releaseToLastPaper = lastPaper == 0 ? Double.NaN : (lastPaper - release) / 1e9;
        progress(start);

        Phase paced = null;
        if (args.window() > 0) {
            paced = await(driver.run(
                    "save-paced", "30 answers per student spread over " + args.window() + " s", saveTasks(1, true)));
            progress(paced);
        }
        Phase burst = null;
        if (args.burst()) {
            burst = await(driver.run(
                    "save-burst",
                    "30 changed answers per student, as fast as " + args.connections() + " connections allow",
                    saveTasks(args.window() > 0 ? 2 : 1, false)));
            progress(burst);
        }
        // issue 14 (9): every attempt is open and holds its answers: the engine's heap after a full GC, outside any
        // phase
        int open = 0;
        for (String a : attempt) if (a != null) open++;
        BenchNode.Heap heap = heapCheck.apply(open);
        System.out.printf(
                "  %tT heap        %.0f MB after a full GC with %,d attempts open%n",
                java.time.LocalTime.now(), heap.usedBytes() / 1e6, open);
        List<Driver.Task> submits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (attempt[i] == null) continue;
            String path = "/api/v1/attempts/" + attempt[i] + "/submit";
            String token = tokens[i];
            submits.add(new Driver.Task(
                    0,
                    () -> client.send(HttpMethod.POST, path, token, null),
                    r -> r.status() != 200
                            ? r.label()
                            : "submitted".equals(r.json().getString("status"))
                                    ? null
                                    : "200 status-" + r.json().getString("status")));
        }
        Phase submit = await(driver.run("submit", "all at once", submits));
        progress(submit);
        Check check = verify();
        return new Outcome(
                n, login, start, paced, burst, submit, heap, releaseToLastPaper, check, from, System.nanoTime());
    }

    /** Each student's token, for the storm that follows on the same engine (null where a login failed). */
    String[] tokens() {
        return tokens.clone();
    }

    private List<Driver.Task> startTasks() {
        List<Driver.Task> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (tokens[i] == null) continue;
            int copies = random.nextInt(100) < args.doubleStart() ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                int s = i;
                starts.add(new Driver.Task(
                        0,
                        () -> client.post("/api/v1/exams/" + fx.examId() + "/attempts", tokens[s], null),
                        r -> started(s, r)));
            }
        }
        return starts;
    }

    private String started(int s, Client.Reply r) {
        if (r.status() != 201 && r.status() != 200) return r.label();
        JsonObject a = r.json();
        String id = a.getString("id");
        if (r.status() == 201) created[s]++;
        else resumed++;
        if (attempt[s] == null) {
            attempt[s] = id;
            paperAt[s] = System.nanoTime();
            JsonArray qs = a.getJsonArray("questions");
            questionIds[s] = new String[qs.size()];
            optionIds[s] = new String[qs.size()][];
            for (int q = 0; q < qs.size(); q++) {
                JsonObject question = qs.getJsonObject(q);
                questionIds[s][q] = question.getString("id");
                JsonArray opts = question.getJsonArray("options");
                optionIds[s][q] = new String[opts.size()];
                for (int o = 0; o < opts.size(); o++)
                    optionIds[s][q][o] = opts.getJsonObject(o).getString("id");
            }
            if (qs.size() != 30) wrongPapers++;
        } else if (!attempt[s].equals(id)) {
            otherId[s] = true;
            return r.status() + " second-attempt-id";
        }
        return null;
    }

    /**
     * Question-major order so all students are active together; paced: answer q of 30 at (q + U(0,1)) / 30 of
     * the window. Requests are built when sent, so 300,000 waiting tasks stay small in the shared heap.
     */
    private List<Driver.Task> saveTasks(int seq, boolean paced) {
        List<Driver.Task> saves = new ArrayList<>();
        long windowNanos = TimeUnit.SECONDS.toNanos(args.window());
        Function<Client.Reply, String> check = r -> {
            if (r.status() != 200) return r.label();
            long stored = r.json().getLong("seq", -1L);
            return stored == seq ? null : "200 stored-seq-" + stored;
        };
        for (int q = 0; q < 30; q++) {
            for (int i = 0; i < n; i++) {
                if (attempt[i] == null || q >= questionIds[i].length) continue;
                int s = i, question = q;
                long due = paced ? (long) ((q + random.nextDouble()) / 30 * windowNanos) : 0;
                saves.add(new Driver.Task(due, () -> save(s, question, seq), check));
            }
        }
        return saves;
    }

    /** PUT one answer: a random option of the question, as a student clicking. */
    private Future<Client.Reply> save(int s, int q, int seq) {
        String[] opts = optionIds[s][q];
        Buffer body = new JsonObject()
                .put("choices", new JsonArray().add(opts[random.nextInt(opts.length)]))
                .put("seq", seq)
                .toBuffer();
        return client.send(
                HttpMethod.PUT, "/api/v1/attempts/" + attempt[s] + "/answers/" + questionIds[s][q], tokens[s], body);
    }

    private Check verify() {
        int withAttempt = 0, createdTotal = 0, duplicates = 0;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (attempt[i] != null) {
                withAttempt++;
                ids.add(attempt[i]);
            }
            createdTotal += created[i];
            if (created[i] > 1 || otherId[i]) duplicates++;
        }
        JsonArray rows = client.expect(
                        200,
                        client.send(HttpMethod.GET, "/api/v1/exams/" + fx.examId() + "/results", fx.adminToken(), null),
                        "results")
                .array();
        Set<String> rowIds = new HashSet<>();
        int mismatches = 0, submitted = 0;
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) index.put(fx.studentIds()[i], i);
        for (int k = 0; k < rows.size(); k++) {
            JsonObject row = rows.getJsonObject(k);
            String id = row.getString("attemptId");
            if (id != null) rowIds.add(id);
            Integer i = index.get(row.getString("studentId"));
            if (i == null || id == null || !id.equals(attempt[i])) mismatches++;
            if ("submitted".equals(row.getString("status"))) submitted++;
        }
        return new Check(
                withAttempt,
                createdTotal,
                resumed,
                duplicates,
                ids.size(),
                wrongPapers,
                rows.size(),
                rowIds.size(),
                mismatches,
                submitted);
    }

    /** Waits for the phase on the calling thread, which then samples the CPU counters (see {@link Phase#begin}). */
    static Phase await(Future<Phase> phase) {
        return Client.await(phase, TimeUnit.MINUTES.toSeconds(PHASE_LIMIT_MINUTES))
                .cpuEnd(CpuMeter.sample());
    }

    private static void progress(Phase p) {
        System.out.printf(
                "  %tT %-11s %d requests, %d errors, %.1f s%n",
                java.time.LocalTime.now(), p.name, p.count(), p.errorCount(), p.seconds());
    }
}
