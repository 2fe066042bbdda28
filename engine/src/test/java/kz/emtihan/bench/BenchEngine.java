package kz.emtihan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kz.emtihan.Engine;
import kz.emtihan.config.ConfigLoader;
import kz.emtihan.config.EmtihanConfig;

/**
 * The engine under test, in this process: the repository's config files, a fresh temp data dir (deleted
 * afterwards), embedded Redis with the configured appendfsync, HTTP on 127.0.0.1 only, bcrypt cost 4.
 * The port is chosen here rather than 0: with port 0 each of the engine's HTTP verticle instances would
 * bind its own random port and only one of them (one event loop) would receive traffic.
 */
final class BenchEngine implements AutoCloseable {
    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final int BCRYPT_COST = 4;
    private final Engine engine;
    private final Path dataDir;

    private BenchEngine(Engine engine, Path dataDir) {
        this.engine = engine;
        this.dataDir = dataDir;
    }

    static BenchEngine start(BenchArgs args) {
        Path data = tempDir("emtihan-bench");
        Map<String, String> env = new HashMap<>();
        env.put("EMTIHAN_PORT", Integer.toString(freePort()));
        env.put("EMTIHAN_HTTP_HOST", Client.HOST);
        env.put("EMTIHAN_DATA_DIR", data.toString());
        env.put("EMTIHAN_AUTH_BCRYPT_COST", Integer.toString(BCRYPT_COST));
        env.put("EMTIHAN_STORE_POOL_SIZE", Integer.toString(args.pool()));
        env.put("EMTIHAN_STORE_APPENDFSYNC", args.appendfsync());
        env.put("EMTIHAN_STORE_REDIS_SERVER", args.redisServer());
        env.put("EMTIHAN_STORE_REDIS_URL", "");
        // issue 14 (2), (5), (9): EMTIHAN_STORE_* (an external primary, waitReplicas ...), EMTIHAN_SWEEPER_* (lanes)
        // and EMTIHAN_METRICS_* (EMTIHAN_METRICS_ENABLED=false: what /metrics costs) of the bench's environment win
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("EMTIHAN_STORE_") || k.startsWith("EMTIHAN_SWEEPER_") || k.startsWith("EMTIHAN_METRICS_"))
                env.put(k, v);
        });
        boolean started = false;
        try {
            EmtihanConfig cfg = ConfigLoader.load(Optional.of(configDir()), env);
            BenchEngine engine = new BenchEngine(Engine.start(cfg, Optional.of(ADMIN_PASSWORD), false), data);
            started = true;
            return engine;
        } finally {
            if (!started) deleteTree(data);
        }
    }

    static Path configDir() {
        return Path.of(System.getProperty("emtihan.config.dir", "../config"));
    }

    int port() {
        return engine.port();
    }

    Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            deleteTree(dataDir);
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free TCP port on the loopback interface. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
