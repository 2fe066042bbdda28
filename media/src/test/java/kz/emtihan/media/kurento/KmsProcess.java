package kz.emtihan.media.kurento;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Issue 17 (4): a Kurento Media Server of a test's own, to kill and start again, from the build test.sh made
 * ({@code EMTIHAN_KMS_HOME}, {@code target/kms}: {@code tools/kms.sh build}). It listens on a free loopback port of its
 * own with the shared runtime configuration (VP8/H264, ICE on {@code lo}), so killing it leaves the server the other
 * tests use alone. {@link #close} kills it if it runs; tests call it in a {@code finally}.
 */
public final class KmsProcess implements AutoCloseable {
    public static final String HOME_VARIABLE = "EMTIHAN_KMS_HOME";
    private static final Duration START = Duration.ofSeconds(30);

    private final Path home;
    private final Path dir;
    private final int port;
    private Process process;

    private KmsProcess(Path home, Path dir, int port) {
        this.home = home;
        this.dir = dir;
        this.port = port;
    }

    public static Optional<Path> home() {
        String h = System.getenv(HOME_VARIABLE);
        return h == null || h.isBlank() ? Optional.empty() : Optional.of(Path.of(h));
    }

    /** Starts a server on a free port with a copy of the built configuration in {@code dir}. */
    public static KmsProcess start(Path dir) throws IOException {
        Path home = home().orElseThrow(() -> new IllegalStateException(HOME_VARIABLE + " is not set"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("config");
        copy(home.resolve("run").resolve("config"), config);
        Path conf = config.resolve("kurento.conf.json");
        String json = Files.readString(conf);
        if (!json.contains("\"port\": 8888")) throw new IllegalStateException("no port 8888 in " + conf);
        Files.writeString(conf, json.replace("\"port\": 8888", "\"port\": " + port));
        KmsProcess k = new KmsProcess(home, dir, port);
        k.start();
        return k;
    }

    public URI url() {
        return URI.create("ws://127.0.0.1:" + port + "/kurento");
    }

    /** Starts (again) on the same port and waits, with a deadline, until it listens. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) throw new IllegalStateException("already running");
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        ProcessBuilder b = new ProcessBuilder(List.of(
                        home.resolve("build/media-server/server/kurento-media-server")
                                .toString(),
                        "--conf-file=" + dir.resolve("config/kurento.conf.json"),
                        "--modules-config-path=" + dir.resolve("config"),
                        "--logs-path=" + logs))
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(dir.resolve("kms.out").toFile()));
        Map<String, String> env = b.environment();
        env.put("KURENTO_MODULES_PATH", home.resolve("build").toString());
        env.put("GST_PLUGIN_PATH", home.resolve("build").toString());
        env.put("GST_DEBUG", "2");
        env.put("GST_DEBUG_NO_COLOR", "1");
        process = b.start();
        long deadline = System.nanoTime() + START.toNanos();
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("KMS did not start on " + port + "; see " + dir.resolve("kms.out"));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // polling the port, with the deadline above
        }
    }

    /** Kills the server at once (SIGKILL: no goodbye, as a crash) and waits until it is gone. */
    public synchronized void kill() {
        if (process == null) return;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server's process id (the capacity bench reads its CPU). */
    public synchronized long pid() {
        return process.pid();
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public void close() {
        kill();
    }
}
