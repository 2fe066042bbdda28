package kz.emtihan.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kz.emtihan.TestEngine;
import kz.emtihan.store.EmbeddedRedis;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (3): the engine's chosen answer to its embedded Redis dying is to start it again at once on the same port,
 * password and append-only file (written with appendfsync always, so nothing acknowledged is lost) - the engine
 * keeps serving and the pages retry what was in flight. The password is never written to a file; a second server on
 * the same directory is refused.
 */
class EmbeddedRedisDiesTest {
    @Test
    void killedUnderARunningEngineItIsStartedAgainAndNothingWrittenIsLost() throws Exception {
        ListAppender<ILoggingEvent> said = StoreOutageTest.capture(EmbeddedRedis.class);
        try (TestEngine app = TestEngine.start()) {
            EmbeddedRedis redis = app.engine().embeddedRedis().orElseThrow();
            app.redis(Request.cmd(Command.SET).arg("issue14:kept").arg("before the crash"));
            long first = redis.pid();
            String password = java.net.URI.create(redis.url()).getUserInfo().substring(1);
            String cmdline =
                    Files.readString(Path.of("/proc", Long.toString(first), "cmdline"), StandardCharsets.UTF_8);
            assertFalse(cmdline.contains(password), "the password is not on the command line: " + cmdline);

            ProcessHandle.of(first).orElseThrow().destroyForcibly(); // kill -9
            TestEngine.awaitUntil(
                    "the engine has started its Redis again",
                    () -> redis.pid() != first && app.get("/health/ready", null).status() == 200,
                    Duration.ofSeconds(30));
            assertNotEquals(first, redis.pid());
            assertEquals(
                    "before the crash",
                    app.redis(Request.cmd(Command.GET).arg("issue14:kept")).toString(),
                    "what was written before the crash is there");
            app.users("student", "after-crash");
            assertTrue(app.loginAs("after-crash").length() > 20, "the engine serves writes again");
            List<String> lines =
                    said.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.stream().anyMatch(l -> l.contains("exited with code")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("running again")), lines.toString());

            // a second server on the same files is never started
            Path dataDir = redis.dir().getParent();
            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> EmbeddedRedis.start(dataDir, "always", "auto"));
            assertTrue(refused.getMessage().contains("another Emtihan engine is running"), refused.getMessage());
            assertEquals(List.of(redis.pid()), RedisOnDir.servers(redis.dir()));
            OrphanedRedisTest.assertNoPasswordOnDisk(dataDir);
        }
    }
}
