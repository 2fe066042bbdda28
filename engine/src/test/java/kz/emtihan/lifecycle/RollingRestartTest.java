package kz.emtihan.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.store.EmbeddedRedis;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (6): three engine nodes (child JVMs) share one Redis behind Debian's HAProxy; a few hundred simulated
 * students save answers through HAProxy, retrying as the pages do (a lost connection, 502, 503, 504; never a 4xx),
 * while the nodes are restarted one by one with SIGTERM and replaced. Every acknowledged answer is stored, no request
 * was refused that the pages would not have retried, every live socket was closed with 1012, and every node exited after draining.
 */
class RollingRestartTest {
    private static final int STUDENTS = 240;
    private static final int WORKERS = 24;
    private static final String SECRET = "rolling-restart-test-secret-0123456789abcdef";

    @Test
    void threeNodesRestartedOneByOneBehindHaproxyKeepEveryAcknowledgedAnswer() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(Files.createTempDirectory("emtihan-rolling"), "always", "auto");
                TestEngine app =
                        TestEngine.start(Map.of("EMTIHAN_REDIS_URL", redis.url(), "EMTIHAN_AUTH_JWT_SECRET", SECRET))) {
            Map<String, String> env = Map.of(
                    "EMTIHAN_REDIS_URL",
                    redis.url(),
                    "EMTIHAN_AUTH_JWT_SECRET",
                    SECRET,
                    "EMTIHAN_HTTP_DRAIN_SECONDS",
                    "2");
            List<AutoCloseable> started = new ArrayList<>(); // stopped before the store they share
            try {
                rollingRestart(app, env, started);
            } finally {
                for (int i = started.size() - 1; i >= 0; i--) started.get(i).close();
            }
        }
    }

    private static void rollingRestart(TestEngine app, Map<String, String> env, List<AutoCloseable> started)
            throws Exception {
        List<Integer> slots = List.of(Haproxy.freePort(), Haproxy.freePort(), Haproxy.freePort(), Haproxy.freePort());
        NodeProcess[] inSlot = new NodeProcess[slots.size()];
        for (int i = 0; i < 3; i++) {
            inSlot[i] = node("node-" + (i + 1), slots.get(i), env);
            started.add(inSlot[i]);
        }
        // the roster while the nodes start
        app.users("teacher", "rr-teacher");
        String teacher = app.loginAs("rr-teacher");
        String[] ids = new String[STUDENTS];
        for (int i = 0; i < STUDENTS; i++) ids[i] = "rr-s" + i;
        app.users("student", ids);
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), ids);
        ExecutorService setup = Executors.newFixedThreadPool(8); // sign-ins and starts, while the nodes start
        List<Future<Student>> starting = new ArrayList<>();
        for (String id : ids) starting.add(setup.submit(() -> Student.start(app, examId, id)));
        List<Student> students = new ArrayList<>();
        for (Future<Student> s : starting) students.add(s.get(120, TimeUnit.SECONDS));
        setup.shutdown();

        Haproxy lb = Haproxy.start(slots);
        started.add(lb);
        for (int i = 0; i < 3; i++) inSlot[i].awaitListening();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        TestEngine.awaitUntil(
                "HAProxy serves", () -> status(http, lb.base() + "/health/ready") == 200, Duration.ofSeconds(30));

        // live sockets through HAProxy: round robin puts them on every node
        Map<Integer, Integer> closeCodes = new ConcurrentHashMap<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            sockets.add(open(
                    http, lb.base() + "/api/v1/ws?token=" + students.get(i).token, code -> closeCodes.put(n, code)));
        }

        Load load = new Load(http, lb.base(), students);
        load.start();
        TestEngine.awaitUntil("saves flow", () -> load.acknowledged.get() > 200, Duration.ofSeconds(60));
        int free = 3;
        for (int i = 0; i < 3; i++) {
            NodeProcess leaving = inSlot[i];
            NodeProcess replacement = node("node-" + (4 + i), slots.get(free), env);
            started.add(replacement);
            inSlot[free] = replacement;
            long before = load.acknowledged.get();
            leaving.terminate(); // SIGTERM: ready 503 at once, serves 2 s more, then stops accepting
            assertEquals(
                    143, leaving.waitExit(Duration.ofSeconds(60)), "a drained node exits as a JVM does on SIGTERM");
            assertTrue(leaving.output().stream().anyMatch(l -> l.contains("draining")), "it drained");
            replacement.awaitListening();
            TestEngine.awaitUntil(
                    "the replacement is ready",
                    () -> status(http, replacement.base() + "/health/ready") == 200,
                    Duration.ofSeconds(30));
            TestEngine.awaitUntil("saves go on", () -> load.acknowledged.get() > before + 100, Duration.ofSeconds(60));
            inSlot[i] = null;
            free = i;
        }
        load.stop();
        TestEngine.awaitUntil(
                "every socket was closed", () -> closeCodes.size() == sockets.size(), Duration.ofSeconds(30));

        assertEquals(List.of(), load.refused, "refusals the pages would not have retried");
        assertTrue(closeCodes.values().stream().allMatch(c -> c == 1012), "closed with 1012: " + closeCodes);
        int checked = 0;
        for (Student s : students) {
            JsonObject attempt =
                    app.get("/api/v1/attempts/" + s.attemptId, s.token).json();
            for (var acked : s.acknowledged.entrySet()) {
                assertEquals(
                        acked.getValue(),
                        attempt.getJsonObject("answers").getJsonArray(acked.getKey()),
                        "the acknowledged answer of " + s.id + " to " + acked.getKey());
                checked++;
            }
        }
        System.out.printf(
                "rolling restart: %d saves acknowledged (%d answers checked), %d retried after a connection error,"
                        + " %d after 502/503/504, %d refused%n",
                load.acknowledged.get(),
                checked,
                load.connectionErrors.get(),
                load.retriedStatus.get(),
                load.refused.size());
        assertTrue(checked >= STUDENTS, "every student's answers were checked: " + checked);
    }

    private static NodeProcess node(String name, int port, Map<String, String> env) throws IOException {
        var withPort = new java.util.HashMap<>(env);
        withPort.put("EMTIHAN_PORT", Integer.toString(port));
        return NodeProcess.start(name, Files.createTempDirectory("emtihan-" + name), withPort);
    }

    /** A live socket through the balancer, opened again after a 502/503 or a lost connection, as the pages do. */
    private static WebSocket open(HttpClient http, String url, java.util.function.IntConsumer closed) throws Exception {
        for (int tries = 1; ; tries++) {
            try {
                return http.newWebSocketBuilder()
                        .buildAsync(URI.create(url.replaceFirst("^http", "ws")), new Closes(closed))
                        .get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                boolean retry = !(e.getCause() instanceof java.net.http.WebSocketHandshakeException h)
                        || h.getResponse().statusCode() == 502
                        || h.getResponse().statusCode() == 503;
                if (!retry || tries >= 10) {
                    String said = e.getCause() instanceof java.net.http.WebSocketHandshakeException h
                            ? h.getResponse().statusCode() + " "
                                    + h.getResponse().body()
                            : String.valueOf(e.getCause());
                    throw new AssertionError("the live socket was refused: " + said, e);
                }
                Load.backOff(tries * 5);
            }
        }
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** One student: an attempt started, its questions and options, what the server acknowledged per question. */
    private static final class Student {
        final String id;
        final String token;
        final String attemptId;
        final List<String> questions = new ArrayList<>();
        final Map<String, List<String>> options = new java.util.HashMap<>();
        final Map<String, JsonArray> acknowledged = new ConcurrentHashMap<>();
        int saves;

        private Student(String id, String token, String attemptId) {
            this.id = id;
            this.token = token;
            this.attemptId = attemptId;
        }

        static Student start(TestEngine app, String examId, String id) {
            String token = app.loginAs(id);
            TestEngine.Reply r = app.post("/api/v1/exams/" + examId + "/attempts", token, null);
            assertTrue(r.status() == 201 || r.status() == 200, r.body());
            JsonObject attempt = r.json();
            Student s = new Student(id, token, attempt.getString("id"));
            for (Object o : attempt.getJsonArray("questions")) {
                JsonObject q = (JsonObject) o;
                s.questions.add(q.getString("id"));
                List<String> opts = new ArrayList<>();
                for (Object opt : q.getJsonArray("options")) opts.add(((JsonObject) opt).getString("id"));
                s.options.put(q.getString("id"), opts);
            }
            return s;
        }
    }

    /** The students saving answers, each one change at a time, with the pages' retry rule. */
    private static final class Load {
        final HttpClient http;
        final String base;
        final List<Student> students;
        final AtomicBoolean stopping = new AtomicBoolean();
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong connectionErrors = new AtomicLong();
        final AtomicLong retriedStatus = new AtomicLong();
        final List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        final ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        final List<Future<?>> workers = new ArrayList<>();

        Load(HttpClient http, String base, List<Student> students) {
            this.http = http;
            this.base = base;
            this.students = students;
        }

        void start() {
            for (int w = 0; w < WORKERS; w++) {
                int first = w;
                workers.add(pool.submit(() -> {
                    while (!stopping.get()) {
                        for (int i = first; i < students.size() && !stopping.get(); i += WORKERS) save(students.get(i));
                    }
                }));
            }
        }

        /** One change of one question, sent until a node acknowledges it or refuses it. */
        void save(Student s) {
            String question = s.questions.get(s.saves % s.questions.size());
            List<String> opts = s.options.get(question);
            int seq = s.saves / s.questions.size() + 1;
            JsonArray choices = new JsonArray().add(opts.get(seq % opts.size()));
            s.saves++;
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/attempts/" + s.attemptId + "/answers/" + question))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + s.token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(new JsonObject()
                            .put("choices", choices)
                            .put("seq", seq)
                            .encode()))
                    .build();
            for (int tries = 1; ; tries++) {
                if (tries > 100) {
                    refused.add(s.id + " " + question + ": gave up after 100 tries");
                    return;
                }
                try {
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        s.acknowledged.put(question, choices);
                        acknowledged.incrementAndGet();
                        return;
                    }
                    if (r.statusCode() != 502 && r.statusCode() != 503 && r.statusCode() != 504) {
                        refused.add(s.id + " " + question + ": " + r.statusCode() + " " + r.body());
                        return;
                    }
                    retriedStatus.incrementAndGet();
                } catch (IOException e) {
                    connectionErrors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backOff(tries);
            }
        }

        /** The pages' back-off, shortened: the retry waits a little longer each time. */
        private static void backOff(int tries) {
            try {
                Thread.sleep(Math.min(500, 20L * tries));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Every worker finishes the change it is sending (until acknowledged), then stops. */
        void stop() throws Exception {
            stopping.set(true);
            for (Future<?> w : workers) w.get(60, TimeUnit.SECONDS);
            pool.shutdown();
        }
    }

    /** Keeps reading a live socket and reports the close code it ends with. */
    private record Closes(java.util.function.IntConsumer closed) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.accept(statusCode);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.accept(-1);
        }
    }
}
