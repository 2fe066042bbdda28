package kz.emtihan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import kz.emtihan.e2e.EngineProcess;
import org.junit.jupiter.api.Test;

/** Issue 2 §1: stopping the engine stops its embedded Redis too; nothing is left running. */
class ShutdownTest {
    @Test
    void stoppingTheEngineStopsItsEmbeddedRedis() throws Exception {
        EngineProcess engine = EngineProcess.start(Map.of("EMTIHAN_ADMIN_PASSWORD", "shutdown-test-pw"));
        try {
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(engine.base() + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertTrue(health.body().contains("\"store\":\"up\""), health.body());
            List<ProcessHandle> children = engine.children();
            // the shipped binary is redis-server-*; Debian's /usr/bin/redis-server links to redis-check-rdb, which runs
            // as the server
            assertTrue(
                    children.stream()
                            .anyMatch(c -> c.info().command().orElse("").matches(".*/redis-(server|check-rdb)[^/]*")),
                    "the embedded Redis runs as a child process: "
                            + children.stream()
                                    .map(c -> c.info().command().orElse("?"))
                                    .toList());
            engine.stop();
            for (ProcessHandle child : children) {
                child.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertFalse(
                        child.isAlive(),
                        "left running: " + child.info().command().orElse("?"));
            }
        } finally {
            engine.close();
        }
    }
}
