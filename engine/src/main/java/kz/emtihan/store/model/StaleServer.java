package kz.emtihan.store.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Issue 14 (3): what a start does about a Redis server recorded in {@code <dataDir>/redis/embedded-redis.pid} by an
 * engine that did not stop cleanly ({@code kill -9}, a power cut of the JVM alone). Two servers on the same append-only
 * file would both write it, so a start never adds a second one: it stops the old one when it is certainly our
 * {@code redis-server} working in this very directory, and otherwise refuses with a sentence the operator can act on.
 * The engine holds a lock on the directory while it runs, so a recorded server is an orphan only when that lock
 * was free ({@code lockFree}); a running engine's own server is never touched.
 */
public final class StaleServer {
    private StaleServer() {}

    /** What the start found: the recorded pid and port, and what the operating system says about that pid. */
    public record Recorded(long pid, int port) {
        /** {@code <pid> <port>} as the pid file holds it; empty when the file is damaged. */
        public static Optional<Recorded> parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 2) return Optional.empty();
            try {
                return Optional.of(new Recorded(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        public String line() {
            return pid + " " + port + "\n";
        }
    }

    /**
     * What is known about a live process: its executable, its working directory (Redis works in its {@code dir}) and
     * its command line (Redis shows {@code <bind>:<port>} there); each may be unknown (another user's process, no
     * /proc).
     */
    public record Seen(Optional<String> executable, Optional<Path> workingDir, Optional<String> commandLine) {}

    public sealed interface Decision {}

    /** Nothing to do: no server recorded, or the recorded one is gone. */
    public record Clear() implements Decision {}

    /** An orphan of ours: stop it (SIGTERM, so it flushes its file) before starting a new one. */
    public record Stop(long pid, int port) implements Decision {}

    /** Something is in the way that the engine must not stop: say what, and how to resolve it. */
    public record Refuse(String why) implements Decision {}

    /**
     * @param lockFree the directory's lock was free: no engine runs on it now
     * @param recorded the pid file's content, if there is one
     * @param seen the live process with the recorded pid, if there is one
     * @param dir the directory the new server would work in
     */
    public static Decision decide(boolean lockFree, Optional<Recorded> recorded, Optional<Seen> seen, Path dir) {
        if (!lockFree)
            return new Refuse("another Emtihan engine is running on " + dir.getParent()
                    + " (its lock " + dir.resolve("engine.lock") + " is held); stop it or give this one another"
                    + " dataDir (EMTIHAN_DATA_DIR)");
        if (recorded.isEmpty() || seen.isEmpty()) return new Clear();
        Recorded r = recorded.get();
        Seen s = seen.get();
        boolean redis = s.executable().map(StaleServer::isRedis).orElse(false);
        if (!redis) return new Clear(); // the pid was reused by an unrelated process: leave it alone
        if (s.workingDir().isEmpty())
            return new Refuse("a redis-server (pid " + r.pid() + ") recorded in " + dir.resolve("embedded-redis.pid")
                    + " is still running and its directory cannot be checked; stop it (kill " + r.pid()
                    + ") and start again");
        if (!s.workingDir().get().normalize().equals(dir.normalize())) return new Clear(); // another server's pid
        if (s.commandLine().isPresent() && !s.commandLine().get().contains(":" + r.port()))
            return new Refuse("a redis-server (pid " + r.pid() + ") works in " + dir + " but not on the recorded port "
                    + r.port() + ": it was not started by this engine; stop it (kill " + r.pid() + ") and start again");
        return new Stop(r.pid(), r.port());
    }

    /** The shipped binary is {@code redis-server-6.2...}; Debian's {@code redis-server} links to {@code redis-check-rdb}. */
    static boolean isRedis(String executable) {
        String name = Path.of(executable).getFileName().toString();
        return name.startsWith("redis-server") || name.startsWith("redis-check-rdb");
    }
}
