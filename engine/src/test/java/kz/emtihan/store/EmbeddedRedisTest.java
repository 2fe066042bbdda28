package kz.emtihan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import kz.emtihan.store.model.RedisServerChoice;
import org.junit.jupiter.api.Test;

/**
 * The engine starts the Redis that {@code store.redisServer} asks for: {@code embedded} is the shipped
 * 6.2 binary (6.2.11 in embedded-redis 1.4.3), {@code auto} is whatever {@link RedisServerChoice} picks on this machine (an installed
 * redis-server 7+ if there is one). Asked of the running server itself, over its own protocol.
 */
class EmbeddedRedisTest {
    @Test
    void embeddedStartsTheShippedBinary() throws Exception {
        try (EmbeddedRedis redis =
                EmbeddedRedis.start(Files.createTempDirectory("redis-embedded"), "everysec", "embedded")) {
            assertTrue(serverVersion(redis).startsWith("6.2."), "the shipped binary is Redis 6.2");
        }
    }

    @Test
    void autoStartsWhatTheChoiceSaysForThisMachine() throws Exception {
        RedisServerChoice.Choice expected =
                RedisServerChoice.choose("auto", EmbeddedRedis.onPath(), EmbeddedRedis.versionOf("auto"));
        try (EmbeddedRedis redis = EmbeddedRedis.start(Files.createTempDirectory("redis-auto"), "everysec", "auto")) {
            String running = serverVersion(redis);
            if (expected instanceof RedisServerChoice.Installed i) {
                assertEquals(i.version(), running);
                assertTrue(Integer.parseInt(running.split("\\.")[0]) >= 7, running);
            } else {
                assertTrue(running.startsWith("6.2."), running);
            }
        }
    }

    /** {@code INFO server}'s redis_version, after AUTH with the generated password. */
    private static String serverVersion(EmbeddedRedis redis) throws IOException {
        String password = URI.create(redis.url()).getUserInfo().substring(1);
        try (Socket s = new Socket("127.0.0.1", redis.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("AUTH " + password + "\r\nINFO server\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("+OK", in.readLine());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("redis_version:"))
                    return line.substring("redis_version:".length()).trim();
            }
        }
        throw new AssertionError("INFO server named no redis_version");
    }
}
