package kz.emtihan.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import kz.emtihan.TestEngine;
import kz.emtihan.http.Problems;
import kz.emtihan.store.EmbeddedRedis;
import kz.emtihan.store.StoreHealth;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 (4): while the store is unreachable every API request is answered 503 {@code store-unavailable} with
 * Retry-After, in the caller's language, without a stack trace per request; the log says once that the store is
 * down and once that it is back, with the duration; {@code /health/ready} follows, {@code /health/live} does not.
 */
class StoreOutageTest {
    @Test
    void anOutageIsAnswered503WithRetryAfterAndLoggedOnceEachWay() {
        ListAppender<ILoggingEvent> health = capture(StoreHealth.class);
        ListAppender<ILoggingEvent> problems = capture(Problems.class);
        try (TestEngine app = TestEngine.start()) {
            app.users("student", "s1");
            String token = app.loginAs("s1");
            assertEquals(200, app.get("/api/v1/me/exams", token).status());
            assertEquals(200, app.get("/health/ready", null).status());
            EmbeddedRedis redis = app.engine().embeddedRedis().orElseThrow();

            redis.stop();
            // at once: the first requests meet the outage before any PING has seen it, the later ones after
            for (int i = 0; i < 20; i++) {
                TestEngine.Reply r = app.send("GET", "/api/v1/me/exams", token, null, null, "Accept-Language", "kk");
                assertEquals(503, r.status(), r.body());
                assertEquals("store-unavailable", r.error());
                assertEquals(
                        kz.emtihan.refusal.Refusal.of(kz.emtihan.refusal.CommonRefusal.STORE_UNAVAILABLE)
                                .message(kz.emtihan.text.Language.KK),
                        r.json().getString("message"),
                        "in the caller's language");
                assertEquals("kk", r.headers().firstValue("Content-Language").orElse(""));
                assertEquals(
                        String.valueOf(Problems.RETRY_AFTER_SECONDS),
                        r.headers().firstValue("Retry-After").orElse(""),
                        "Retry-After");
            }
            TestEngine.Reply write = app.put(
                    "/api/v1/attempts/a-1/answers/q-1",
                    token,
                    new JsonObject()
                            .put("choices", new io.vertx.core.json.JsonArray())
                            .put("seq", 1));
            assertEquals(503, write.status(), write.body());
            TestEngine.awaitUntil(
                    "/health/ready says 503",
                    () -> app.get("/health/ready", null).status() == 503,
                    Duration.ofSeconds(10));
            assertEquals("store-down", app.get("/health/ready", null).json().getString("status"));
            assertEquals(200, app.get("/health/live", null).status(), "the process itself is alive: no restart");

            redis.restart();
            TestEngine.awaitUntil(
                    "/health/ready says 200",
                    () -> app.get("/health/ready", null).status() == 200,
                    Duration.ofSeconds(20));
            assertEquals(200, app.get("/api/v1/me/exams", token).status(), "served again");
        }
        List<String> said =
                health.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(
                1, said.stream().filter(l -> l.startsWith("the store is down")).count(), said.toString());
        assertEquals(
                1,
                said.stream()
                        .filter(l -> l.matches("the store is back after \\d+\\.\\d s"))
                        .count(),
                said.toString());
        List<ILoggingEvent> traces = problems.list.stream()
                .filter(e -> e.getThrowableProxy() != null)
                .toList();
        assertEquals(List.of(), traces, "no stack trace per request");
    }

    static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }
}
