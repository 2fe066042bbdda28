package kz.emtihan.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Issue 14 (6): Debian's HAProxy in front of engine nodes, as docs/operations.md tells an operator to set it up:
 * health checks on {@code /health/ready} every 500 ms (a node is out after two failed checks, well within the drain
 * time), and retries of a request that met a closing connection on another node - except POST, which is not
 * idempotent.
 */
final class Haproxy implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path config;

    private Haproxy(Process process, int port, Path config) {
        this.process = process;
        this.port = port;
        this.config = config;
    }

    static Path binary() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) return Path.of(candidate);
        }
        throw new AssertionError("haproxy is not installed (test.sh installs Debian's package haproxy)");
    }

    /** The configuration for a frontend on {@code port} and one server slot per backend port. */
    static String config(int port, List<Integer> backends) {
        String servers = IntStream.range(0, backends.size())
                .mapToObj(i -> "  server slot" + (i + 1) + " 127.0.0.1:" + backends.get(i) + " check")
                .collect(Collectors.joining("\n"));
        return """
                global
                  maxconn 4096
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  timeout tunnel 1h
                  option redispatch
                  retries 3
                  retry-on conn-failure empty-response junk-response response-timeout
                frontend exam
                  bind 127.0.0.1:%d
                  http-request disable-l7-retry if METH_POST
                  default_backend engines
                backend engines
                  balance roundrobin
                  option httpchk GET /health/ready
                  http-check expect status 200
                  default-server inter 500ms fall 2 rise 2
                %s
                """.formatted(port, servers);
    }

    static Haproxy start(List<Integer> backends) {
        try {
            int port = freePort();
            Path config = Files.createTempFile("haproxy-emtihan", ".cfg");
            Files.writeString(config, config(port, backends));
            Path binary = binary();
            Process check = new ProcessBuilder(binary.toString(), "-c", "-f", config.toString())
                    .redirectErrorStream(true)
                    .start();
            String said = new String(check.getInputStream().readAllBytes());
            if (check.waitFor() != 0) throw new AssertionError("haproxy refuses its configuration: " + said);
            Process p = new ProcessBuilder(binary.toString(), "-db", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Haproxy(p, port, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
            Files.deleteIfExists(config);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a temp file left
        }
    }
}
