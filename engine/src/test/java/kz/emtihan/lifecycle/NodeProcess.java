package kz.emtihan.lifecycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.emtihan.TestEngine;

/**
 * Issue 14 (3, 6): an engine as an operating-system process ({@code java kz.emtihan.Main} on the test's class path)
 * on a data directory the test chooses, with its output kept, so a test can {@code kill -9} it, send it SIGTERM, and
 * read what it said.
 */
final class NodeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
    private final String name;
    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Path tmp;
    private Thread reader;

    private NodeProcess(String name, Process process, Path tmp) {
        this.name = name;
        this.process = process;
        this.tmp = tmp;
    }

    /** Starts the node; {@link #awaitListening} waits until it serves. */
    static NodeProcess start(String name, Path dataDir, Map<String, String> env) {
        Path tmp;
        try {
            tmp = java.nio.file.Files.createTempDirectory("emtihan-" + name + "-tmp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, // its own: a test can tell what this node wrote there
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "kz.emtihan.Main",
                "--config",
                TestEngine.configDir().toString());
        pb.environment().put("EMTIHAN_PORT", "0");
        pb.environment().put("EMTIHAN_DATA_DIR", dataDir.toString());
        pb.environment().put("EMTIHAN_AUTH_BCRYPT_COST", "4");
        pb.environment().put("EMTIHAN_HTTP_DRAIN_SECONDS", "0");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        try {
            NodeProcess node = new NodeProcess(name, pb.start(), tmp);
            node.reader = new Thread(node::read, name + "-log");
            node.reader.setDaemon(true);
            node.reader.start();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                output.add(line);
                System.out.println("[" + name + "] " + line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) port.complete(Integer.parseInt(m.group(1)));
            }
        } catch (IOException e) {
            // the process is gone
        }
        port.completeExceptionally(new IllegalStateException(name + " exited before listening: " + output));
    }

    NodeProcess awaitListening() {
        try {
            port.get(90, TimeUnit.SECONDS);
            return this;
        } catch (Exception e) {
            throw new AssertionError(name + " did not start listening: " + output, e);
        }
    }

    int port() {
        return port.join();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    /** The node's own temp directory. */
    Path tmp() {
        return tmp;
    }

    long pid() {
        return process.pid();
    }

    /** What the node has written so far, one line each. */
    List<String> output() {
        return output;
    }

    /** The embedded Redis the node started, when it uses one. */
    java.util.Optional<ProcessHandle> redis() {
        return process.descendants()
                .filter(c -> c.info().command().orElse("").matches(".*/redis-(server|check-rdb)[^/]*"))
                .findFirst();
    }

    /** {@code kill -9}: no shutdown hook runs; what the node started stays behind. */
    void kill9() {
        process.destroyForcibly();
        waitExit(Duration.ofSeconds(20));
    }

    /** SIGTERM, as an orchestrator stops a node: its shutdown hook drains. */
    void terminate() {
        // through the handle: Process.destroy() would also close our end of its output, and its last lines be lost
        process.toHandle().destroy();
    }

    /** Waits for the process to end; its exit code. */
    int waitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS))
                throw new AssertionError(name + " did not exit within " + limit);
            reader.join(10_000); // its last lines are read
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
