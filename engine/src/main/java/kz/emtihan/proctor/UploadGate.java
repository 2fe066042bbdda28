package kz.emtihan.proctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.proctor.model.UploadBudget;
import kz.emtihan.refusal.Refusal;

/**
 * Limits what one attempt may upload (issue 4, 7): a rate per minute across chunks, snapshots and events (per
 * engine node), and a floor of free disk space below which recordings are refused rather than filling the disk
 * that Redis also writes to.
 */
final class UploadGate {
    private static final int MAX_TRACKED = 100_000;
    private final int perMinute;
    private final long minFreeBytes;
    private final Map<String, UploadBudget> budgets = new ConcurrentHashMap<>();

    UploadGate(int perMinute, long minFreeBytes) {
        this.perMinute = perMinute;
        this.minFreeBytes = minFreeBytes;
    }

    /** Takes one upload from the attempt's allowance, or refuses (too many). */
    void admit(String attemptId) {
        if (budgets.size() > MAX_TRACKED) budgets.clear();
        long now = System.currentTimeMillis();
        UploadBudget b = budgets.computeIfAbsent(attemptId, id -> new UploadBudget(perMinute, now));
        boolean ok;
        synchronized (b) {
            ok = b.take(now);
        }
        if (!ok) {
            throw Refusal.of(ProctorRefusal.TOO_MANY_UPLOADS, perMinute);
        }
    }

    /** True when the disk under {@code dir} has less free space than the configured floor. Blocking (statfs). */
    boolean diskLow(Path dir) throws IOException {
        return Files.getFileStore(dir).getUsableSpace() < minFreeBytes;
    }
}
