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
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.emtihan.store.model.RedisServerChoice;
import kz.emtihan.store.model.RedisServerChoice.Choice;
import kz.emtihan.store.model.RestartPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A Redis server started as a child process when no {@code store.redisUrl} is given: an installed
 * {@code redis-server} of 7 or newer when there is one, otherwise the 6.2 binary shipped inside
 * {@code com.github.codemonstur:embedded-redis} ({@link RedisServerChoice} says why). Loopback only, a generated
 * password, AOF persistence in {@code <dataDir>/redis} with the configured {@code appendfsync} (DESIGN.md
 * "Durability": {@code always} by default).
 *
 * <p>Issue 14 (3): the directory is locked while the engine runs and the server's pid and port are written down, so a
 * start after a crash stops the server the dead engine left ({@link DataDirLock}); the configuration goes in on
 * standard input, never to a file ({@link RedisProcess}); a server that dies is started again on the same port,
 * password and files ({@link RestartPolicy}), and one that keeps dying makes the engine give up ({@link #onGiveUp}).
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private final String binary;
    private final Path dir;
    private final String appendfsync;
    private final int port;
    private final String password;
    private final DataDirLock lock;
    private final RestartPolicy policy = RestartPolicy.standard();
    private volatile RedisProcess server;
    private volatile boolean stopped; // stopped on purpose: not a death to answer with a restart
    private volatile Runnable onGiveUp = () -> {};
    // a JVM that exits without closing the engine (a test run that failed) still stops its server; the engine's own
    // hook replaces this one, because it drains first and needs the store until the end (issue 14, 6)
    private final Thread hook = new Thread(this::stop, "embedded-redis-stop");

    private EmbeddedRedis(String binary, Path dir, String appendfsync, int port, String password, DataDirLock lock) {
        this.binary = binary;
        this.dir = dir;
        this.appendfsync = appendfsync;
        this.port = port;
        this.password = password;
        this.lock = lock;
    }

    public static EmbeddedRedis start(Path dataDir, String appendfsync, String redisServer) {
        Choice choice = RedisServerChoice.choose(redisServer, onPath(), versionOf(redisServer));
        Path dir = dataDir.resolve("redis").toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            String binary = choice instanceof RedisServerChoice.Installed installed
                    ? installed.path()
                    : ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
            DataDirLock lock = DataDirLock.take(dir);
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            EmbeddedRedis redis = null;
            // a free port can be taken by another process between our probe and the server's bind: try another one
            for (int tries = 1; redis == null; tries++) {
                EmbeddedRedis candidate = new EmbeddedRedis(
                        binary, dir, appendfsync, freePort(), HexFormat.of().formatHex(secret), lock);
                try {
                    candidate.launch();
                    redis = candidate;
                } catch (RuntimeException e) {
                    if (tries < 3 && String.valueOf(e.getMessage()).contains("Address already in use")) {
                        log.info(
                                "port {} was taken before the embedded Redis bound it; trying another", candidate.port);
                        continue;
                    }
                    lock.close();
                    throw e;
                }
            }
            Runtime.getRuntime().addShutdownHook(redis.hook);
            log.info(
                    "Redis on 127.0.0.1:{} (pid {}): {} (AOF appendfsync {}, files in {})",
                    redis.port,
                    redis.pid(),
                    choice.describe(),
                    appendfsync,
                    dir);
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start", e);
        }
    }

    private synchronized void launch() {
        RedisProcess started = RedisProcess.start(binary, config(), dir);
        server = started;
        stopped = false;
        lock.record(started.pid(), port);
        started.process().onExit().thenAcceptAsync(exited -> died(started, exited.exitValue()), EmbeddedRedis::watcher);
    }

    /** The whole configuration, password included: it goes to the server's standard input only. */
    private String config() {
        return String.join(
                "\n",
                "bind 127.0.0.1",
                "port " + port,
                "protected-mode yes",
                "requirepass " + password,
                "dir " + RedisProcess.quoted(dir.toString()),
                "appendonly yes",
                "appendfsync " + appendfsync,
                "save \"\"",
                "maxclients 10000",
                "daemonize no",
                "");
    }

    /** The server exited: on purpose (nothing to do), or it died: start it again, or give up after too many deaths. */
    private void died(RedisProcess which, int exitCode) {
        if (stopped || which != server) return;
        log.error(
                "the embedded Redis (pid {}, port {}) exited with code {}; its last output: {}",
                which.pid(),
                port,
                exitCode,
                which.lastOutput());
        while (!stopped) {
            if (!policy.died(Instant.now())) {
                log.error(
                        "the embedded Redis died more than {} times within {}; giving up",
                        policy.limit(),
                        policy.window());
                onGiveUp.run();
                return;
            }
            try {
                synchronized (this) {
                    if (stopped) return;
                    launch();
                }
                log.warn("the embedded Redis is running again (pid {}, port {}, the same files)", pid(), port);
                return;
            } catch (RuntimeException e) {
                log.error("the embedded Redis did not start again: {}", e.getMessage());
                pause();
            }
        }
    }

    /** Deaths are answered on a thread of their own: a start may take seconds, the process reaper must not wait. */
    private static void watcher(Runnable r) {
        Thread t = new Thread(r, "embedded-redis-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void pause() {
        try {
            Thread.sleep(500); // between failed starts only, on the watcher's own thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The engine stops the server itself, after draining (its own shutdown hook replaces this object's). */
    public void stopsWithItsOwner() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs
        }
    }

    /** What the engine does when the server keeps dying (it exits non-zero); nothing by default (tests). */
    public void onGiveUp(Runnable action) {
        this.onGiveUp = action;
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

    /** The running server's process id (it changes when the server is started again). */
    public long pid() {
        return server.pid();
    }

    /** Where the server keeps its files. */
    public Path dir() {
        return dir;
    }

    /** Stops the server on purpose, so it is not started again (a test uses this with {@link #restart()}). */
    public void stop() {
        RedisProcess s;
        synchronized (this) {
            stopped = true;
            s = server;
        }
        if (s != null && s.process().isAlive()) s.stop();
    }

    public void restart() {
        synchronized (this) {
            if (server != null && server.process().isAlive()) return;
            launch();
        }
    }

    /** Stops the server and lets go of the directory. */
    @Override
    public void close() {
        stop();
        lock.close();
        stopsWithItsOwner();
    }
}
