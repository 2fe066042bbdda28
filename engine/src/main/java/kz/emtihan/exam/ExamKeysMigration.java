package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import kz.emtihan.config.StoreTopology;
import kz.emtihan.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 (2): a store written before the exam keys carried their exam's hash tag keeps working. Once, at start and
 * before anything is served, the exam-level keys the attempt scripts read are renamed to their tagged names
 * ({@code exam:<id>:roster} -> {@code exam:{<id>}:roster}, and likewise the attempts, admission ratings, midterms,
 * personal windows and extra time), and the members of the old global work lists move to their exams' own sets
 * ({@link LegacySets}). Then {@link ExamKeys#examKeysMigrated} is set and later starts skip it all.
 *
 * <p>Idempotent and safe when several nodes start together: RENAMENX of a key another node has just renamed finds no
 * key and moves on; a member moved twice lands in the same set. Only for standalone and Sentinel stores: a Cluster has
 * no data from before (the old keys could not have run there). Every node must run this version before it serves: a
 * node of the older version would read the old names.
 */
public final class ExamKeysMigration {
    private static final Logger log = LoggerFactory.getLogger(ExamKeysMigration.class);
    private static final int SCAN_COUNT = 1000;
    private static final int BATCH = 500;

    /** The renamed keys: old suffix -> the new name for an exam. */
    private static final Map<String, Function<String, String>> RENAMED = Map.of(
            "attempts", ExamKeys::examAttempts,
            "roster", ExamKeys::roster,
            "admission", ExamKeys::admission,
            "midterms", ExamKeys::midterms,
            "personal", ExamKeys::personalWindows,
            "extra-time", ExamKeys::extraTime);

    private ExamKeysMigration() {}

    /** Runs the migration unless the store is a Cluster or had it already; completes when it is done. */
    public static Future<Void> run(RedisStore store, StoreTopology topology) {
        if (topology.mode() == StoreTopology.Mode.CLUSTER) return Future.succeededFuture();
        return run(store.redis());
    }

    static Future<Void> run(Redis redis) {
        return redis.send(Request.cmd(Command.GET).arg(ExamKeys.examKeysMigrated()))
                .compose(done -> {
                    if (done != null) return Future.succeededFuture();
                    AtomicInteger renamed = new AtomicInteger();
                    return scan(redis, "0", renamed)
                            .compose(x -> new LegacySets(redis, new SweepIndex(redis)).adoptAll(BATCH))
                            .compose(moved -> {
                                if (renamed.get() > 0 || moved > 0)
                                    log.info(
                                            "store from before issue 14: renamed {} exam key(s) to their hash-tagged names and"
                                                    + " moved {} attempt(s) into their exams' work lists",
                                            renamed.get(),
                                            moved);
                                return redis.send(Request.cmd(Command.SET)
                                        .arg(ExamKeys.examKeysMigrated())
                                        .arg(Instant.now().toString()));
                            })
                            .mapEmpty();
                });
    }

    private static Future<Void> scan(Redis redis, String cursor, AtomicInteger renamed) {
        return redis.send(Request.cmd(Command.SCAN)
                        .arg(cursor)
                        .arg("MATCH")
                        .arg("exam:*")
                        .arg("COUNT")
                        .arg(SCAN_COUNT))
                .compose(r -> {
                    String next = r.get(0).toString();
                    List<Future<Void>> renames = ExamStore.strings(r.get(1)).stream()
                            .flatMap(k -> renamed(k).map(n -> rename(redis, k, n, renamed)).stream())
                            .toList();
                    return Future.all(renames)
                            .compose(x -> "0".equals(next) ? Future.succeededFuture() : scan(redis, next, renamed));
                });
    }

    /** The new name of an exam key of before, if it is one of those renamed: {@code exam:<id>:<suffix>}. */
    static Optional<String> renamed(String key) {
        String[] parts = key.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("exam") || !parts[1].matches("[A-Za-z0-9_]+"))
            return Optional.empty();
        return Optional.ofNullable(RENAMED.get(parts[2])).map(f -> f.apply(parts[1]));
    }

    private static Future<Void> rename(Redis redis, String from, String to, AtomicInteger renamed) {
        return redis.send(Request.cmd(Command.RENAMENX).arg(from).arg(to))
                .map(r -> {
                    if (r.toLong() == 1) renamed.incrementAndGet();
                    else log.warn("exam key migration: both {} and {} exist; {} is left as it is", from, to, from);
                    return (Void) null;
                })
                .recover(err -> isNoSuchKey(err) ? Future.succeededFuture() : Future.failedFuture(err));
    }

    private static boolean isNoSuchKey(Throwable err) {
        return err.getMessage() != null && err.getMessage().contains("no such key");
    }
}
