package kz.emtihan.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Redis servers working in a directory, as Linux sees them (/proc/<pid>/cwd): how many serve a data dir. */
final class RedisOnDir {
    private RedisOnDir() {}

    static List<Long> servers(Path dir) {
        Path wanted = dir.toAbsolutePath().normalize();
        List<Long> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                try {
                    if (!Files.readSymbolicLink(p.resolve("cwd")).equals(wanted)) return;
                    String exe = Files.readSymbolicLink(p.resolve("exe"))
                            .getFileName()
                            .toString();
                    if (exe.startsWith("redis-server") || exe.startsWith("redis-check-rdb"))
                        found.add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException | SecurityException e) {
                    // gone meanwhile, or not ours to read
                }
            });
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc", e);
        }
        return found;
    }
}
