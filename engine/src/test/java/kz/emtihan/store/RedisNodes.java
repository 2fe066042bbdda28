package kz.emtihan.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Issue 14 (2): real Redis servers for the tests of Sentinel and Cluster, each a {@code redis-server} child process
 * (the installed binary; {@code --sentinel} makes one a sentinel) on a free loopback port with its files in one temp
 * directory. {@link #close()} kills every process it started and removes the directory, also when a test failed. A
 * small RESP client ({@link #call}) sets them up and polls them; nothing here sleeps to synchronise.
 */
final class RedisNodes implements AutoCloseable {
    final String password = "ha-" + Ids.random(16);
    private final Path dir;
    private final String binary;
    private final Map<Integer, Process> processes = new LinkedHashMap<>();

    private RedisNodes(Path dir, String binary) {
        this.dir = dir;
        this.binary = binary;
    }

    /** The installed {@code redis-server}, if there is one (test.sh installs it). */
    static Optional<String> binary() {
        return EmbeddedRedis.onPath();
    }

    static RedisNodes create() {
        try {
            return new RedisNodes(Files.createTempDirectory("emtihan-redis-ha"), binary().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slots of the three primaries of {@link #cluster()}. */
    static final int[][] CLUSTER_SLOTS = {{0, 5460}, {5461, 10922}, {10923, 16383}};

    /**
     * Issue 14 (2): three primaries joined into one Cluster (slots split by ADDSLOTSRANGE, joined by CLUSTER MEET, no
     * redis-cli needed), returned once each of them sees the cluster ok; their ports, in the order of
     * {@link #CLUSTER_SLOTS}.
     */
    int[] cluster() {
        int[] ports = new int[3];
        for (int i = 0; i < 3; i++)
            ports[i] = server(
                    "cluster-enabled yes",
                    "cluster-config-file nodes.conf",
                    "cluster-node-timeout 5000",
                    "appendonly no");
        for (int i = 0; i < 3; i++) {
            call(ports[i], "CLUSTER", "ADDSLOTSRANGE", "" + CLUSTER_SLOTS[i][0], "" + CLUSTER_SLOTS[i][1]);
            if (i > 0) call(ports[0], "CLUSTER", "MEET", "127.0.0.1", "" + ports[i]);
        }
        for (int p : ports)
            await(
                    "node " + p + " sees the cluster ok",
                    quietly(() -> {
                        String info = String.valueOf(call(p, "CLUSTER", "INFO"));
                        return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:3");
                    }),
                    Duration.ofSeconds(30));
        return ports;
    }

    /** A data server; {@code extra} lines go into its config file (replicaof, cluster-enabled ...). */
    int server(String... extra) {
        int port = freePort();
        List<String> conf = new ArrayList<>(List.of(
                "port " + port,
                "bind 127.0.0.1",
                "requirepass " + password,
                "masterauth " + password,
                "appendonly yes",
                "appendfsync everysec",
                "save \"\"",
                "dir " + mkdir("n" + port)));
        conf.addAll(List.of(extra));
        start(port, conf, false);
        await("redis on port " + port + " answers", () -> answers(port), Duration.ofSeconds(10));
        return port;
    }

    /** A sentinel watching the primary on {@code primaryPort} as {@code masterName}, quorum 2, quick to act. */
    int sentinel(String masterName, int primaryPort) {
        int port = freePort();
        start(
                port,
                List.of(
                        "port " + port,
                        "bind 127.0.0.1",
                        "dir " + mkdir("s" + port),
                        "requirepass " + password,
                        "sentinel sentinel-pass " + password,
                        "sentinel monitor " + masterName + " 127.0.0.1 " + primaryPort + " 2",
                        "sentinel auth-pass " + masterName + " " + password,
                        "sentinel down-after-milliseconds " + masterName + " 1000",
                        "sentinel failover-timeout " + masterName + " 10000",
                        "sentinel parallel-syncs " + masterName + " 2"),
                true);
        await("sentinel on port " + port + " answers", () -> answers(port), Duration.ofSeconds(10));
        return port;
    }

    /** {@code kill -9}: the server is gone without a word, as when its machine dies. */
    void kill(int port) {
        Process p = processes.remove(port);
        if (p == null) throw new IllegalArgumentException("no server of ours on port " + port);
        p.destroyForcibly();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(int port, List<String> conf, boolean sentinel) {
        try {
            Path file = dir.resolve((sentinel ? "sentinel-" : "redis-") + port + ".conf");
            Files.write(file, conf, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(binary, file.toString()));
            if (sentinel) cmd.add("--sentinel");
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(port + ".log").toFile())
                    .start();
            processes.put(port, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path mkdir(String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers(int port) {
        try {
            return "PONG".equals(call(port, "PING"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** One command; the reply as a String (simple, bulk, integer), a List (arrays), null, or thrown (errors). */
    Object call(int port, String... args) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            write(out, "AUTH", password);
            read(in);
            write(out, args);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field of {@code INFO <section>} of the server on {@code port}. */
    String info(int port, String section, String field) {
        for (String line : ((String) call(port, "INFO", section)).split("\r\n")) {
            if (line.startsWith(field + ":")) return line.substring(field.length() + 1);
        }
        return "";
    }

    private static void write(OutputStream out, String... args) throws IOException {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
            b.append('$').append(bytes.length).append("\r\n").append(a).append("\r\n");
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+', ':' -> {
                return line;
            }
            case '-' -> throw new IllegalStateException(line);
            case '$' -> {
                int n = Integer.parseInt(line);
                if (n < 0) return null;
                byte[] bytes = in.readNBytes(n + 2);
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int n = Integer.parseInt(line);
                if (n < 0) return null;
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < n; i++) items.add(read(in));
                return items;
            }
            default -> throw new IOException("unexpected reply type " + type);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) throw new IOException("connection closed");
            b.write(c);
        }
        in.read();
        return b.toString(StandardCharsets.UTF_8);
    }

    static void await(String what, BooleanSupplier condition, Duration limit) {
        long giveUp = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A condition that treats a failing call as not yet. */
    static BooleanSupplier quietly(BooleanSupplier condition) {
        return () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        };
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process p : processes.values()) p.destroyForcibly();
        for (Process p : processes.values()) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is not worth failing a test for
        }
    }
}
