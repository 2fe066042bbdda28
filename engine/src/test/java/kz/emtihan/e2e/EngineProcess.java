package kz.emtihan.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.emtihan.TestEngine;

/**
 * A second engine as a real operating-system process ({@code java kz.emtihan.Main}) on the test's class
 * path, pointed at another engine's Redis: the multi-node deployment of DESIGN.md on one machine.
 */
public final class EngineProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
    private final Process process;
    private final int port;

    private EngineProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static EngineProcess start(Map<String, String> env) {
        try {
            Path data = Files.createTempDirectory("emtihan-node");
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "kz.emtihan.Main",
                    "--config",
                    TestEngine.configDir().toString());
            pb.environment().put("EMTIHAN_PORT", "0");
            pb.environment().put("EMTIHAN_DATA_DIR", data.toString());
            pb.environment().put("EMTIHAN_HTTP_DRAIN_SECONDS", "0"); // issue 14 (6): no load balancer to wait for
            pb.environment().putAll(env);
            pb.redirectErrorStream(true);
            Process p = pb.start();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader r =
                                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                            String line;
                            while ((line = r.readLine()) != null) {
                                System.out.println("[node-2] " + line);
                                Matcher m = LISTENING.matcher(line);
                                if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                            }
                            port.completeExceptionally(
                                    new IllegalStateException("the second engine exited before listening"));
                        } catch (IOException e) {
                            port.completeExceptionally(e);
                        }
                    },
                    "node-2-log");
            reader.setDaemon(true);
            reader.start();
            return new EngineProcess(p, port.get(60, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the second engine did not start", e);
        }
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** The processes this engine started (the embedded Redis server, when it uses one). */
    public java.util.List<ProcessHandle> children() {
        return process.descendants().toList();
    }

    /** Asks the engine to stop as Ctrl-C would (SIGTERM runs the same shutdown hook as SIGINT); its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("the engine did not stop within 30 s");
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
