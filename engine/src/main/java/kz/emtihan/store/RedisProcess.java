package kz.emtihan.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code redis-server} process (issue 14, 3). Its configuration, password included, goes in on standard input
 * ({@code redis-server -}): nothing with the password is ever written to disk or shown in the process list (the
 * embedded-redis builder used before wrote it to {@code /tmp/embedded-redis-server_<port>*.conf}, removed only at a
 * clean JVM exit). The server runs in a session of its own ({@code setsid}), so a Ctrl-C at the terminal reaches the
 * engine, which drains and then stops it, not the server directly. Its output is read all the time (a full pipe would
 * stall it); the last lines are kept for the log when it fails.
 */
final class RedisProcess {
    private static final int KEPT_LINES = 20;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();

    private RedisProcess(Process process) {
        this.process = process;
    }

    /** Starts the server and returns once it accepts connections; fails with its last output otherwise. */
    static RedisProcess start(String binary, String config, Path workingDir) {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(binary);
        command.add("-");
        try {
            Process p = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            RedisProcess server = new RedisProcess(p);
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> server.read(ready), "embedded-redis-output-" + p.pid());
            reader.setDaemon(true);
            reader.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(config.getBytes(StandardCharsets.UTF_8));
            }
            try {
                ready.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
                throw new IllegalStateException("redis-server did not start: " + server.lastOutput());
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while redis-server started", e);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server could not be run: " + binary, e);
        }
    }

    private void read(CompletableFuture<Void> ready) {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) lastLines.removeFirst();
                }
                if (line.contains("Ready to accept connections")) ready.complete(null);
            }
        } catch (IOException e) {
            // the process went away; its exit is seen by whoever waits on it
        }
        ready.completeExceptionally(new IllegalStateException("redis-server exited"));
    }

    /** The last lines the server wrote, one string. */
    String lastOutput() {
        synchronized (lastLines) {
            return String.join(" | ", lastLines);
        }
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** SIGTERM (Redis fsyncs its append-only file and exits), then SIGKILL if it has not gone within 10 s. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.Optional<String> setsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) return java.util.Optional.of(candidate);
        }
        return java.util.Optional.empty();
    }

    /** A value in redis.conf: quoted, so a directory with spaces works. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
