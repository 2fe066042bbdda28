package kz.emtihan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * issue 14 (5): {@code /metrics} is Prometheus text that a strict parser takes, and the engine's counters move by
 * exactly what was done through the API: an attempt started (once, not again on resume), answers saved (stored and
 * stale), identity photos, a snapshot and a recording chunk uploaded (a resent chunk not counted), a flag raised, the
 * attempt submitted (once), a live socket opened and closed; HTTP by route template, Redis, event loops and the JVM
 * are there too, and no id of a person, an attempt or an exam is anywhere in the text. An engine of its own: its
 * registry counts only this class's requests.
 */
class MetricsTest {
    static TestEngine app;
    static String teacher;
    static final String STUDENT = "metrics-student-q7x";

    @BeforeAll
    static void start() {
        app = TestEngine.start(Map.of("EMTIHAN_ANSWERS_GRACE_SECONDS", "0"));
        app.users("teacher", "metrics-teacher");
        app.users("student", STUDENT, "metrics-vanished-k2");
        teacher = app.loginAs("metrics-teacher");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static PrometheusText scrape() {
        TestEngine.Reply r = app.get("/metrics", null);
        assertEquals(200, r.status(), r.body());
        assertTrue(
                r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                r.headers().toString());
        return PrometheusText.parse(r.body());
    }

    @Test
    void countersMoveByExactlyWhatWasDoneAndTheTextIsPrometheusFormat() throws Exception {
        Instant now = Instant.now();
        JsonObject spec = Fixtures.attestation(
                Fixtures.validBank(app, teacher), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        spec.getJsonObject("proctoring").put("identity", true);
        String exam = Fixtures.exam(app, teacher, spec, STUDENT);
        String student = app.loginAs(STUDENT);
        PrometheusText before = scrape();

        TestEngine.Reply started = app.post("/api/v1/exams/" + exam + "/attempts", student, null);
        assertEquals(201, started.status(), started.body());
        String attempt = started.json().getString("id");
        assertEquals(
                200,
                app.post("/api/v1/exams/" + exam + "/attempts", student, null).status(),
                "resumed");
        byte[] face = jpeg("face_grace_hopper.jpg");
        byte[] document = jpeg("face_astronaut_eileen_collins.png");
        TestEngine.Reply identity = identity(student, attempt, face, document);
        assertEquals("pending", identity.json().getString("status"), identity.body());
        assertEquals(1, scrape().value("emtihan_open_attempts"), "the attempt is open in the store");

        JsonArray questions =
                app.get("/api/v1/attempts/" + attempt, student).json().getJsonArray("questions");
        for (int i = 0; i < 3; i++)
            assertEquals(
                    200, save(student, attempt, questions.getJsonObject(i), 2).status());
        assertEquals(200, save(student, attempt, questions.getJsonObject(0), 1).status(), "a stale seq: answered");

        TestEngine.Reply snapshot =
                app.send("POST", "/api/v1/attempts/" + attempt + "/snapshots", student, "image/jpeg", face);
        assertEquals(200, snapshot.status(), snapshot.body());
        TestEngine.Reply hidden = app.post(
                "/api/v1/attempts/" + attempt + "/events", student, new JsonObject().put("type", "tab-hidden"));
        assertEquals(200, hidden.status(), hidden.body());
        byte[] chunk = new byte[12_345];
        Arrays.fill(chunk, (byte) 'w');
        assertEquals(200, chunk(student, attempt, chunk).status());
        assertEquals(200, chunk(student, attempt, chunk).status(), "a resent chunk is answered, not stored again");

        TestSocket socket = TestSocket.open(app, student);
        TestEngine.awaitUntil(
                "the scrape counts the open socket",
                () -> scrape().value("emtihan_live_sockets") == 1,
                Duration.ofSeconds(10));
        socket.close();
        TestEngine.awaitUntil(
                "the scrape counts the socket closed",
                () -> scrape().value("emtihan_live_sockets") == 0,
                Duration.ofSeconds(10));

        assertEquals(
                200,
                app.post("/api/v1/attempts/" + attempt + "/submit", student, null)
                        .status());
        assertEquals(
                200,
                app.post("/api/v1/attempts/" + attempt + "/submit", student, null)
                        .status(),
                "repeated");

        TestEngine.Reply raw = app.get("/metrics", null);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/metrics-sample.txt"), raw.body()); // to read
        PrometheusText after = PrometheusText.parse(raw.body());
        assertEquals(1, delta(before, after, "emtihan_started_attempts_total"), "started once, resumed not counted");
        assertEquals(3, delta(before, after, "emtihan_answer_saves_total", "outcome", "stored"));
        assertEquals(1, delta(before, after, "emtihan_answer_saves_total", "outcome", "already"));
        assertEquals(1, delta(before, after, "emtihan_finished_attempts_total", "how", "submitted"), "submitted once");
        assertEquals(0, delta(before, after, "emtihan_finished_attempts_total", "how", "timed-out"));
        assertEquals(1, delta(before, after, "emtihan_raised_flags_total", "kind", "tab-hidden"));
        assertEquals(1, delta(before, after, "emtihan_raised_flags_total"), "no other flag");
        assertEquals(1, delta(before, after, "emtihan_uploads_total", "kind", "snapshot"));
        assertEquals(1, delta(before, after, "emtihan_uploads_total", "kind", "recording-chunk"));
        assertEquals(1, delta(before, after, "emtihan_uploads_total", "kind", "identity-photo"));
        assertEquals(face.length, delta(before, after, "emtihan_stored_bytes_total", "kind", "snapshot"));
        assertEquals(chunk.length, delta(before, after, "emtihan_stored_bytes_total", "kind", "recording-chunk"));
        assertEquals(
                face.length + document.length,
                delta(before, after, "emtihan_stored_bytes_total", "kind", "identity-photo"));
        assertEquals(3, delta(before, after, "emtihan_face_analysis_seconds_count"), "two photos and one snapshot");
        assertTrue(delta(before, after, "emtihan_face_analysis_seconds_sum") > 0);
        assertEquals(0, after.value("emtihan_open_attempts"), "submitted: nothing open");
        assertEquals(0, after.value("emtihan_sweeper_lag_seconds"));

        // HTTP by route template: the four saves are one series, whatever the attempt and question
        assertEquals(
                4,
                delta(
                        before,
                        after,
                        "vertx_http_server_requests_total",
                        "route",
                        "/api/v1/>/attempts/:attemptId/answers/:questionId",
                        "method",
                        "PUT",
                        "code",
                        "200"),
                routes(after));
        assertTrue(after.value("vertx_http_server_response_time_seconds_bucket", "le", "+Inf") > 0);
        // the engine's Redis client (latency, and its connection pool), its event loops, the JVM
        assertTrue(delta(before, after, "vertx_pool_completed_total", "pool_type", "redis") > 0, "Redis pool");
        after.family("vertx_pool_queue_time_seconds");
        assertTrue(after.value("vertx_redis_processing_time_seconds_count")
                > before.value("vertx_redis_processing_time_seconds_count"));
        assertTrue(after.value("emtihan_event_loop_delay_seconds_count") > 0);
        assertTrue(after.value("jvm_memory_used_bytes", "area", "heap") > 0);
        assertTrue(after.value("jvm_threads_live_threads") > 0);
        after.family("jvm_gc_memory_allocated_bytes_total");

        // every family explains itself; ours carry their unit in the name
        after.families
                .values()
                .forEach(f -> assertFalse(
                        f.help == null || f.help.isBlank() || f.help.equals(f.name), f.name + " has no help text"));
        for (String ours : new String[] {
            "emtihan_started_attempts_total",
            "emtihan_finished_attempts_total",
            "emtihan_answer_saves_total",
            "emtihan_raised_flags_total",
            "emtihan_uploads_total",
            "emtihan_stored_bytes_total",
            "emtihan_face_analysis_seconds",
            "emtihan_live_sockets",
            "emtihan_open_attempts",
            "emtihan_sweeper_lag_seconds",
            "emtihan_event_loop_delay_seconds"
        }) after.family(ours);

        // nothing personal: no user, attempt or exam id anywhere, no raw path
        for (String secret : new String[] {STUDENT, "metrics-teacher", attempt, exam})
            assertFalse(raw.body().contains(secret), secret + " leaked into /metrics");
    }

    @Test
    void anAttemptLeftOpenIsTimedOutBySweeperAndCountedSo() {
        String bank = Fixtures.validBank(app, teacher);
        Instant now = Instant.now();
        String exam = Fixtures.exam(
                app,
                teacher,
                Fixtures.attestation(bank, now.minusSeconds(60), now.plusSeconds(4)),
                "metrics-vanished-k2");
        PrometheusText before = scrape();
        TestEngine.Reply r = app.post("/api/v1/exams/" + exam + "/attempts", app.loginAs("metrics-vanished-k2"), null);
        assertEquals(201, r.status(), r.body());
        TestEngine.awaitUntil(
                "the sweeper times the attempt out",
                () -> delta(before, scrape(), "emtihan_finished_attempts_total", "how", "timed-out") == 1,
                Duration.ofSeconds(20));
        PrometheusText after = scrape();
        assertEquals(1, delta(before, after, "emtihan_started_attempts_total"));
        assertEquals(1, delta(before, after, "emtihan_finished_attempts_total"), "only the timeout");
    }

    static double delta(PrometheusText before, PrometheusText after, String sample, String... labels) {
        return after.value(sample, labels) - before.value(sample, labels);
    }

    static String routes(PrometheusText p) {
        StringBuilder out = new StringBuilder("routes seen:");
        p.family("vertx_http_server_requests_total")
                .samples
                .forEach(s -> out.append("\n  ").append(s.labels()));
        return out.toString();
    }

    static TestEngine.Reply save(String token, String attempt, JsonObject question, long seq) {
        String option = question.getJsonArray("options").getJsonObject(0).getString("id");
        return app.put(
                "/api/v1/attempts/" + attempt + "/answers/" + question.getString("id"),
                token,
                new JsonObject().put("choices", new JsonArray().add(option)).put("seq", seq));
    }

    static TestEngine.Reply chunk(String token, String attempt, byte[] body) {
        return app.send(
                "PUT",
                "/api/v1/attempts/" + attempt + "/recordings/camera/0/0",
                token,
                "video/webm",
                body,
                "X-Segment-Start",
                Instant.now().toString());
    }

    static TestEngine.Reply identity(String token, String attempt, byte[] face, byte[] document) {
        return kz.emtihan.proctor.ProctorFixtures.identity(app, token, attempt, face, document);
    }

    /** A face fixture as the page's canvas sends it: JPEG. */
    static byte[] jpeg(String name) {
        try (InputStream in = MetricsTest.class.getResourceAsStream("/fixtures/faces/" + name)) {
            BufferedImage src = ImageIO.read(in);
            BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(src, 0, 0, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(rgb, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
