package kz.emtihan.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.emtihan.store.model.RedisServerChoice;
import kz.emtihan.store.model.RedisServerChoice.Choice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A Redis server started as a child process when no {@code store.redisUrl} is given: an installed
 * {@code redis-server} of 7 or newer when there is one, otherwise the 6.2 binary shipped inside
 * {@code com.github.codemonstur:embedded-redis} ({@link RedisServerChoice} says why). Loopback only, a generated password, AOF persistence in {@code <dataDir>/redis} with the
 * configured {@code appendfsync} (DESIGN.md "Durability": {@code always} by default).
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private final RedisServer server;
    private final int port;
    private final String password;

    private EmbeddedRedis(RedisServer server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    public static EmbeddedRedis start(Path dataDir, String appendfsync, String redisServer) {
        try {
            Choice choice = RedisServerChoice.choose(redisServer, onPath(), versionOf(redisServer));
            Path dir = dataDir.resolve("redis").toAbsolutePath();
            Files.createDirectories(dir);
            int port = freePort();
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            var builder = RedisServer.newRedisServer();
            if (choice instanceof RedisServerChoice.Installed installed) {
                File binary = new File(installed.path());
                builder.executableProvider(() -> binary);
            }
            RedisServer server = builder.port(port)
                    .bind("127.0.0.1")
                    .setting("protected-mode yes")
                    .setting("requirepass " + password)
                    .setting("dir " + dir)
                    .setting("appendonly yes")
                    .setting("appendfsync " + appendfsync)
                    .setting("save \"\"")
                    .setting("maxclients 10000")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            log.info(
                    "Redis on 127.0.0.1:{}: {} (AOF appendfsync {}, files in {})",
                    port,
                    choice.describe(),
                    appendfsync,
                    dir);
            return new EmbeddedRedis(server, port, password);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start", e);
        }
    }

    /** The {@code redis-server} on the PATH, if any. */
    static Optional<String> onPath() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                return Optional.of(candidate.toString());
        }
        return Optional.empty();
    }

    /** What {@code redis-server --version} prints for the binary {@code auto} or a path would start. */
    static Optional<String> versionOf(String redisServer) {
        if (redisServer.equals("embedded")) return Optional.empty();
        Optional<String> binary = redisServer.equals("auto") ? onPath() : Optional.of(redisServer);
        if (binary.isEmpty()) return Optional.empty();
        try {
            Process p = new ProcessBuilder(binary.get(), "--version")
                    .redirectErrorStream(true)
                    .start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String url() {
        return "redis://:" + password + "@127.0.0.1:" + port + "/0";
    }

    public int port() {
        return port;
    }

    /** Stops the server process (a test uses this with {@link #restart()} to check reconnection). */
    public void stop() {
        try {
            if (server.isActive()) server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
