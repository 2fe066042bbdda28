package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.proctor.model.EvidenceKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 (4): a finished attempt leaves the sets that watch for its evidence, by its own keys (a submit never scans
 * what the node remembers of other attempts); an exam without proctoring was never watched, and its submit adds no
 * watch key at all.
 */
class EvidenceForgetTest {
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("teacher", "t1");
        app.users("student", "s1", "s2");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<String> watchedKeys(String exam) {
        return Arrays.stream(EvidenceKind.values())
                .map(k -> EvidenceWatch.watched(exam, k))
                .toList();
    }

    private static String score(String key, String attempt) {
        var r = app.redis(Request.cmd(Command.ZSCORE).arg(key).arg(attempt));
        return r == null ? null : r.toString();
    }

    private static void submit(String token, String attempt) {
        TestEngine.Reply r = app.post("/api/v1/attempts/" + attempt + "/submit", token, new JsonObject());
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void aSubmittedProctoredAttemptIsWatchedNoMore() {
        String teacher = app.loginAs("t1");
        String student = app.loginAs("s1");
        String exam = Fixtures.exam(
                app,
                teacher,
                Fixtures.attestation(
                        Fixtures.validBank(app, teacher),
                        Instant.now().minus(Duration.ofHours(1)),
                        Instant.now().plus(Duration.ofDays(1))),
                "s1");
        String attempt = ProctorFixtures.start(app, student, exam);
        String socket = EvidenceWatch.watched(exam, EvidenceKind.SOCKET);
        assertNotNull(score(socket, attempt), "watched from its start");

        submit(student, attempt);
        TestEngine.awaitUntil(
                "the attempt gone from every watched set",
                () -> watchedKeys(exam).stream().allMatch(k -> score(k, attempt) == null),
                Duration.ofSeconds(10));
    }

    @Test
    void anExamWithoutProctoringIsNeverWatched() {
        String teacher = app.loginAs("t1");
        String student = app.loginAs("s2");
        JsonObject body = Fixtures.attestation(
                Fixtures.validBank(app, teacher),
                Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1)));
        body.put(
                "proctoring",
                new JsonObject().put("camera", false).put("screen", false).put("identity", false));
        String exam = Fixtures.exam(app, teacher, body, "s2");
        String attempt = ProctorFixtures.start(app, student, exam);
        submit(student, attempt);
        for (String key : watchedKeys(exam)) {
            var exists = app.redis(Request.cmd(Command.EXISTS).arg(key));
            assertEquals(0, exists.toInteger(), key + " exists");
            assertNull(score(key, attempt));
        }
    }
}
