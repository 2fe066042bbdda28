package kz.emtihan.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (3): after {@code kill -9} of an engine its embedded Redis remains as an orphan; the next start on the same
 * data directory stops it (it is certainly ours: the recorded pid works in that directory) instead of adding a second
 * server on the same files, and a start while an engine runs on the directory is refused with a clear sentence.
 * No file with the Redis password is left anywhere.
 */
class OrphanedRedisTest {
    @Test
    void aStartAfterKill9StopsTheOrphanAndExactlyOneServerServesTheDirectory() throws Exception {
        Path data = Files.createTempDirectory("emtihan-orphan");
        Path redisDir = data.resolve("redis");
        List<Path> tmps = new java.util.ArrayList<>();
        try (NodeProcess first = NodeProcess.start("crashing", data, Map.of())) {
            tmps.add(first.tmp());
            first.awaitListening();
            ProcessHandle orphan = first.redis().orElseThrow(() -> new AssertionError("no embedded Redis child"));
            assertEquals(List.of(orphan.pid()), RedisOnDir.servers(redisDir));
            String pidFile = Files.readString(redisDir.resolve("embedded-redis.pid"));
            assertTrue(pidFile.startsWith(orphan.pid() + " "), "the pid file names the server: " + pidFile);

            first.kill9();
            assertTrue(orphan.isAlive(), "kill -9 of the engine leaves its Redis running (the case to handle)");

            try (NodeProcess second = NodeProcess.start("after-crash", data, Map.of())) {
                tmps.add(second.tmp());
                second.awaitListening();
                orphan.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
                assertFalse(orphan.isAlive(), "the orphan was stopped");
                long fresh = second.redis().orElseThrow().pid();
                assertEquals(List.of(fresh), RedisOnDir.servers(redisDir), "exactly one redis-server serves the dir");
                assertTrue(
                        second.output().stream()
                                .anyMatch(l -> l.contains("left running") && l.contains("" + orphan.pid())),
                        "the log says which orphan was stopped");

                // a second engine on a directory an engine runs on is refused, and touches nothing
                try (NodeProcess third = NodeProcess.start("intruder", data, Map.of())) {
                    int code = third.waitExit(Duration.ofSeconds(60));
                    assertEquals(3, code, "refused with exit code 3: " + third.output());
                    assertTrue(
                            third.output().stream().anyMatch(l -> l.contains("another Emtihan engine is running")),
                            third.output().toString());
                }
                assertEquals(List.of(fresh), RedisOnDir.servers(redisDir), "the running engine's Redis was left alone");

                second.terminate();
                assertEquals(143, second.waitExit(Duration.ofSeconds(60)), "the JVM's exit after SIGTERM, hooks run");
                assertEquals(List.of(), RedisOnDir.servers(redisDir), "a clean stop stops its Redis");
                assertFalse(Files.exists(redisDir.resolve("embedded-redis.pid")), "and forgets it");
            }
        } finally {
            RedisOnDir.servers(redisDir)
                    .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
        for (Path dir : tmps) assertNoPasswordOnDisk(dir);
        assertNoPasswordOnDisk(data);
    }

    /**
     * No file under {@code dir} holds {@code requirepass}: the nodes' own temp directories (where embedded-redis wrote
     * {@code embedded-redis-server_<port>*.conf} before issue 14) and the data directory.
     */
    static void assertNoPasswordOnDisk(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> holding = files.filter(Files::isRegularFile)
                    .filter(p -> !Files.isExecutable(p)) // a redis-server binary names the setting itself
                    .filter(OrphanedRedisTest::holdsAPassword)
                    .toList();
            assertEquals(List.of(), holding, "files holding a Redis password");
        }
    }

    private static boolean holdsAPassword(Path p) {
        try {
            if (Files.size(p) > 10_000_000) return false;
            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains("requirepass");
        } catch (IOException e) {
            return false;
        }
    }
}
