package kz.emtihan.bench;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import kz.emtihan.audit.ReceiptSigner;
import kz.emtihan.audit.model.HashChain;
import kz.emtihan.audit.model.Receipt;

/**
 * Issue 14 (9), the deadline storm: on the engine the exam day just used, every student starts a second attestation
 * whose window closes shortly (so every attempt has that close as its deadline), saves a few answers and vanishes:
 * nobody submits. From the deadline on the bench asks the engine (through its pipe, {@link BenchNode}) every 100 ms
 * how many of those attempts are still open or finalised but ungraded, until none is. Then every student fetches their
 * receipt, and each is checked as a student would check it: timed out, signed by a key the engine publishes, over the
 * answers the student saved, with one log entry per start, save and timeout (a second finalisation would add one).
 */
final class DeadlineStorm {
    static final long POLL_MILLIS = 100;
    private final Client client;
    private final Driver driver;
    private final BenchArgs args;
    private final BenchNode node;
    private final String admin;
    private final String[] students;
    private final String[] tokens;
    private final Duration grace;
    private final int index;
    private final Random random;

    /**
     * What one storm measured. Times are seconds after the common deadline: the first and last finalisation (the
     * receipts' submittedAt, on the store's clock), and when the bench first saw every attempt closed and graded.
     */
    record Result(
            int students,
            int answers,
            Phase start,
            Phase save,
            Phase receipts,
            double graceSeconds,
            double leadSeconds,
            double firstClosed,
            double lastClosed,
            double allGraded,
            int timedOut,
            int verified,
            Map<String, Integer> problems,
            long fromNanos,
            long toNanos,
            String sweeper) {
        /** Attempts finalised per second from the first to the last. */
        double rate() {
            return timedOut / Math.max(0.001, lastClosed - firstClosed);
        }

        boolean ok() {
            return verified == students && problems.isEmpty() && start.errorCount() == 0 && save.errorCount() == 0;
        }
    }

    DeadlineStorm(
            Client client,
            BenchArgs args,
            BenchNode node,
            String admin,
            String[] students,
            String[] tokens,
            Duration grace,
            int index) {
        this.client = client;
        this.driver = new Driver(client, args.connections());
        this.args = args;
        this.node = node;
        this.admin = admin;
        this.students = students;
        this.tokens = tokens;
        this.grace = grace;
        this.index = index;
        this.random = new Random(args.seed() + index);
    }

    /** @param sweeper the engine's sweeper settings, for the report */
    Result run(String sweeper) throws InterruptedException {
        long from = System.nanoTime();
        int n = students.length;
        // time to create the exam, start everyone and save their answers before the window closes
        Instant closes =
                Instant.now().plusSeconds(20 + n * 3L / 1000).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String examId = Fixture.exam(
                client, admin, "Bench storm " + index, "Deadline storm " + index + " (" + n + " students)", closes, 99);
        JsonArray roster = new JsonArray();
        for (String s : students) roster.add(s);
        client.expect(200, client.put("/api/v1/exams/" + examId + "/roster", admin, roster), "storm roster");
        String[] attempt = new String[n];
        String[][] order = new String[n][];
        String[][][] options = new String[n][][]; // the first stormAnswers questions' option ids, per student
        List<Map<String, List<String>>> saved = new ArrayList<>();
        for (int i = 0; i < n; i++) saved.add(new HashMap<>());

        List<Driver.Task> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (tokens[i] == null) continue;
            int s = i;
            starts.add(new Driver.Task(
                    0, () -> client.post("/api/v1/exams/" + examId + "/attempts", tokens[s], null), r -> {
                        if (r.status() != 201) return r.label();
                        JsonObject a = r.json();
                        attempt[s] = a.getString("id");
                        JsonArray qs = a.getJsonArray("questions");
                        order[s] = new String[qs.size()];
                        options[s] = new String[Math.min(qs.size(), args.stormAnswers())][];
                        for (int q = 0; q < qs.size(); q++) {
                            order[s][q] = qs.getJsonObject(q).getString("id");
                            if (q >= options[s].length) continue;
                            JsonArray opts = qs.getJsonObject(q).getJsonArray("options");
                            options[s][q] = new String[opts.size()];
                            for (int o = 0; o < opts.size(); o++)
                                options[s][q][o] = opts.getJsonObject(o).getString("id");
                        }
                        return Instant.parse(a.getString("deadline")).equals(closes) ? null : "201 other-deadline";
                    }));
        }
        Phase start = ExamDay.await(driver.run("storm-start", "all at once, deadline " + closes, starts));
        progress(start);
        List<Driver.Task> saves = new ArrayList<>();
        for (int q = 0; q < args.stormAnswers(); q++) {
            for (int i = 0; i < n; i++) {
                if (attempt[i] == null || q >= options[i].length) continue;
                int s = i, question = q;
                saves.add(new Driver.Task(
                        0,
                        () -> save(s, question, attempt[s], order, options, saved),
                        r -> r.status() == 200 ? null : r.label()));
            }
        }
        Phase save = ExamDay.await(driver.run(
                "storm-save", args.stormAnswers() + " answers per student, as fast as the connections allow", saves));
        progress(save);
        double lead = (closes.toEpochMilli() - System.currentTimeMillis()) / 1e3;

        // nobody submits: wait for the deadline, then for the sweeper
        long deadline = closes.toEpochMilli();
        Thread.sleep(Math.max(0, deadline - System.currentTimeMillis()));
        long giveUp = deadline + grace.toMillis() + 300_000;
        CpuMeter.Sample cpuFrom = null;
        long drainFrom = 0;
        long lastLine = 0;
        double allGraded = Double.NaN;
        while (System.currentTimeMillis() < giveUp) {
            JsonObject left = node.call("due " + deadline);
            long now = System.currentTimeMillis();
            if (cpuFrom == null && now >= deadline + grace.toMillis()) {
                cpuFrom = CpuMeter.sample(); // the drain: from deadline + grace until everything is graded
                drainFrom = System.nanoTime();
            }
            if (left.getLong("open") == 0 && left.getLong("toGrade") == 0) {
                allGraded = (now - deadline) / 1e3;
                break;
            }
            if (now - lastLine >= 5_000) {
                lastLine = now;
                System.out.printf(
                        "  %tT storm       +%.0f s: %,d open, %,d to grade%n",
                        java.time.LocalTime.now(),
                        (now - deadline) / 1e3,
                        left.getLong("open"),
                        left.getLong("toGrade"));
            }
            Thread.sleep(POLL_MILLIS);
        }
        System.out.printf(
                "  %tT storm       all %,d closed and graded %.1f s after the deadline%n",
                java.time.LocalTime.now(), n, allGraded);
        long to = System.nanoTime();
        String drainCpu = cpuFrom == null ? "" : CpuMeter.between(cpuFrom, CpuMeter.sample(), (to - drainFrom) / 1e9);
        return receipts(
                n,
                attempt,
                order,
                saved,
                deadline,
                lead,
                allGraded,
                start,
                save,
                from,
                to,
                sweeper + "; cpu during the drain (gen srv redis other idle iowait steal gc ms): " + drainCpu);
    }

    /** PUT one answer: a random option of the question, as a student clicking; remembered for the receipt check. */
    private io.vertx.core.Future<Client.Reply> save(
            int s,
            int q,
            String attemptId,
            String[][] order,
            String[][][] options,
            List<Map<String, List<String>>> saved) {
        String[] opts = options[s][q];
        String option = opts[random.nextInt(opts.length)];
        saved.get(s).put(order[s][q], List.of(option));
        return client.send(
                HttpMethod.PUT,
                "/api/v1/attempts/" + attemptId + "/answers/" + order[s][q],
                tokens[s],
                new JsonObject()
                        .put("choices", new JsonArray().add(option))
                        .put("seq", 1)
                        .toBuffer());
    }

    /** Every student fetches their receipt; each is checked as docs/verification.md says. */
    private Result receipts(
            int n,
            String[] attempt,
            String[][] order,
            List<Map<String, List<String>>> saved,
            long deadline,
            double lead,
            double allGraded,
            Phase start,
            Phase save,
            long from,
            long to,
            String sweeper) {
        JsonObject keyList = client.expect(
                        200,
                        client.send(HttpMethod.GET, kz.emtihan.audit.AuditRoutes.WELL_KNOWN, null, null),
                        "receipt keys")
                .json();
        Map<String, String> keys = new HashMap<>();
        for (Object k : keyList.getJsonArray("keys"))
            keys.put(((JsonObject) k).getString("keyId"), ((JsonObject) k).getString("publicKey"));
        Map<String, Integer> problems = new TreeMap<>();
        long[] closedAt = {Long.MAX_VALUE, Long.MIN_VALUE};
        int[] counts = new int[2]; // timed out, verified
        List<Driver.Task> fetches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (attempt[i] == null) continue;
            int s = i;
            fetches.add(new Driver.Task(
                    0,
                    () -> client.send(HttpMethod.GET, "/api/v1/attempts/" + attempt[s] + "/receipt", tokens[s], null),
                    r -> {
                        if (r.status() != 200) return r.label();
                        JsonObject o = r.json();
                        String problem = check(o, attempt[s], order[s], saved.get(s), keys);
                        if ("timed-out".equals(o.getString("status"))) counts[0]++;
                        long at = Instant.parse(o.getString("submittedAt")).toEpochMilli();
                        closedAt[0] = Math.min(closedAt[0], at);
                        closedAt[1] = Math.max(closedAt[1], at);
                        if (problem == null) counts[1]++;
                        return problem;
                    }));
        }
        Phase receipts =
                ExamDay.await(driver.run("receipts", "every student fetches and checks their receipt", fetches));
        progress(receipts);
        receipts.errors().forEach(problems::put);
        int missing = 0;
        for (String a : attempt) if (a == null) missing++;
        if (missing > 0) problems.put("students without a storm attempt", missing);
        return new Result(
                n,
                args.stormAnswers(),
                start,
                save,
                receipts,
                grace.toMillis() / 1e3,
                lead,
                (closedAt[0] - deadline) / 1e3,
                (closedAt[1] - deadline) / 1e3,
                allGraded,
                counts[0],
                counts[1],
                problems,
                from,
                to,
                sweeper);
    }

    /** Null when the receipt is what the student should hold, else what is wrong with it. */
    private String check(
            JsonObject o, String attemptId, String[] order, Map<String, List<String>> saved, Map<String, String> keys) {
        if (!"timed-out".equals(o.getString("status"))) return "status-" + o.getString("status");
        if (!attemptId.equals(o.getString("attemptId"))) return "other-attempt";
        if (o.getInteger("events") != 2 + saved.size()) return "events-" + o.getInteger("events");
        if (!HashChain.answersDigest(List.of(order), saved).equals(o.getString("answersDigest")))
            return "answers-digest";
        Receipt r = new Receipt(
                o.getString("attemptId"),
                o.getString("studentId"),
                o.getString("examId"),
                o.getString("status"),
                o.getString("answersDigest"),
                o.getInteger("events"),
                o.getString("chainHead"),
                o.getString("submittedAt"));
        String published = keys.get(o.getString("keyId"));
        if (published == null) return "unpublished-key";
        if (!r.signedText().equals(o.getString("signedText"))) return "signed-text";
        return ReceiptSigner.verify(r, o.getString("signature"), published) ? null : "bad-signature";
    }

    private static void progress(Phase p) {
        System.out.printf(
                "  %tT %-11s %d requests, %d errors, %.1f s%n",
                java.time.LocalTime.now(), p.name, p.count(), p.errorCount(), p.seconds());
    }
}
