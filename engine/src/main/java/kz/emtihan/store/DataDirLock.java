package kz.emtihan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.emtihan.store.model.StaleServer;
import kz.emtihan.store.model.StaleServer.Recorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 (3): the embedded Redis directory's lock ({@code engine.lock}, held by the running engine and let go by the
 * operating system when the engine dies, even by {@code kill -9}) and the record of the server it started
 * ({@code embedded-redis.pid}: pid and port). A start takes the lock, then stops an orphan the record names or refuses
 * ({@link StaleServer}).
 */
final class DataDirLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DataDirLock.class);
    static final String LOCK = "engine.lock";
    static final String PID = "embedded-redis.pid";
    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory for this engine; an orphaned server is stopped first. Fails with a sentence otherwise. */
    static DataDirLock take(Path dir) {
        try {
            FileChannel channel =
                    FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very JVM holds it (a second engine in one test JVM)
            }
            Optional<Recorded> recorded = recorded(dir);
            var decision = StaleServer.decide(lock != null, recorded, recorded.flatMap(r -> seen(r.pid())), dir);
            if (decision instanceof StaleServer.Refuse refuse) {
                channel.close();
                throw new IllegalStateException(refuse.why());
            }
            if (decision instanceof StaleServer.Stop stop) stopOrphan(stop, dir);
            return new DataDirLock(dir, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dir, e);
        }
    }

    /** Writes down the server this engine started, so that the next start finds it if this engine dies. */
    void record(long pid, int port) {
        try {
            Path tmp = dir.resolve(PID + ".tmp");
            Files.writeString(tmp, new Recorded(pid, port).line(), StandardCharsets.US_ASCII);
            Files.move(tmp, dir.resolve(PID), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(PID), e);
        }
    }

    /** The server was stopped cleanly: nothing to find any more; the lock is let go. */
    @Override
    public synchronized void close() {
        if (!channel.isOpen()) return;
        try {
            Files.deleteIfExists(dir.resolve(PID));
            lock.release();
            channel.close();
        } catch (IOException e) {
            log.warn("could not let go of {}: {}", dir.resolve(LOCK), e.getMessage());
        }
    }

    private static Optional<Recorded> recorded(Path dir) throws IOException {
        Path file = dir.resolve(PID);
        if (!Files.isRegularFile(file)) return Optional.empty();
        return Recorded.parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** What Linux says about a live process (/proc); empty when it is gone. */
    static Optional<StaleServer.Seen> seen(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) return Optional.empty();
        Path proc = Path.of("/proc", Long.toString(pid));
        Optional<Path> cwd;
        Optional<String> cmdline;
        try {
            cwd = Optional.of(Files.readSymbolicLink(proc.resolve("cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            cwd = Optional.empty();
        }
        try {
            cmdline = Optional.of(Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ')
                    .trim());
        } catch (IOException | SecurityException e) {
            cmdline = Optional.empty();
        }
        return Optional.of(new StaleServer.Seen(handle.get().info().command(), cwd, cmdline));
    }

    private static void stopOrphan(StaleServer.Stop stop, Path dir) {
        ProcessHandle handle = ProcessHandle.of(stop.pid()).orElse(null);
        if (handle == null) return;
        log.warn(
                "Redis server pid {} on port {} was left running on {} by an engine that did not stop cleanly;"
                        + " stopping it (SIGTERM: it writes its append-only file out first)",
                stop.pid(),
                stop.port(),
                dir);
        handle.destroy();
        try {
            handle.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception again) {
                throw new IllegalStateException("the Redis server pid " + stop.pid() + " left running on " + dir
                        + " does not stop; stop it (kill -9 " + stop.pid() + ") and start again");
            }
        }
        log.info("the orphaned Redis server pid {} has stopped", stop.pid());
    }
}
