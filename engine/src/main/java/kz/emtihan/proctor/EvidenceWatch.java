package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.config.ProctorSettings;
import kz.emtihan.exam.AttemptFacts;
import kz.emtihan.exam.Attempts;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.exam.Exams;
import kz.emtihan.exam.Presence;
import kz.emtihan.exam.SweepIndex;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.live.LiveHub;
import kz.emtihan.proctor.model.EvidenceKind;
import kz.emtihan.proctor.model.EvidenceRule;
import kz.emtihan.proctor.model.Flag;
import kz.emtihan.proctor.model.ProctorTexts;
import kz.emtihan.store.LuaScript;
import kz.emtihan.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own watch over a proctored attempt's evidence (issue 10, 4; docs/proctoring.md "Evidence"). Per exam
 * and kind, {@code exam:{<exam>}:evidence:<kind>} holds each watched attempt with when the kind was last seen; the
 * attempt joins it in the same Lua step that starts it or starts its clock (start-attempt.lua, release-hold.lua).
 * Every node scans the sets of the proctored exams in the sweep index ({@code exam.SweepIndex}) on a timer;
 * {@code evidence-gap.lua} claims a gap atomically, so one node raises one evidence-missing flag per gap and the attempt
 * waits in {@code exam:{<exam>}:evidence:<kind>:gap} until the evidence resumes ({@code evidence-seen.lua}, an audit
 * entry and a live event). The live socket is judged from the exam's presence hash, which the socket refreshes.
 * Issue 14 (2): the sets are per exam, in the slot of its attempts, so the scripts run on one Cluster slot.
 */
final class EvidenceWatch {
    private static final Logger log = LoggerFactory.getLogger(EvidenceWatch.class);
    private static final LuaScript GAP = LuaScript.load("/kz/emtihan/proctor/evidence-gap.lua");
    private static final LuaScript SEEN = LuaScript.load("/kz/emtihan/proctor/evidence-seen.lua");
    private static final int BATCH = 500;
    private static final int TOUCH_CACHE_LIMIT = 200_000;
    private final Vertx vertx;
    private final Redis redis;
    private final Attempts attempts;
    private final Exams exams;
    private final ProctorStore store;
    private final LiveHub live;
    private final ProctorSettings settings;
    private final Map<EvidenceKind, Long> limits = new EnumMap<>(EvidenceKind.class);
    /** When this node last told Redis that an attempt's evidence arrived (attempt/kind → millis): at most twice a limit. */
    private final Map<String, Long> touched = new ConcurrentHashMap<>();

    private long timer = -1;
    private volatile boolean scanning;

    EvidenceWatch(
            Vertx vertx,
            Redis redis,
            Attempts attempts,
            Exams exams,
            ProctorStore store,
            LiveHub live,
            ProctorSettings settings) {
        this.vertx = vertx;
        this.redis = redis;
        this.attempts = attempts;
        this.exams = exams;
        this.store = store;
        this.live = live;
        this.settings = settings;
        int n = settings.evidenceMissingAfter();
        limits.put(EvidenceKind.SNAPSHOTS, EvidenceRule.limitMillis(settings.snapshotSeconds() * 1000L, n));
        limits.put(EvidenceKind.CAMERA_RECORDING, EvidenceRule.limitMillis(settings.chunkMillis(), n));
        limits.put(EvidenceKind.SCREEN_RECORDING, EvidenceRule.limitMillis(settings.chunkMillis(), n));
        limits.put(EvidenceKind.SOCKET, EvidenceRule.limitMillis(settings.socketSeconds() * 1000L, n));
    }

    static String watched(String examId, EvidenceKind k) {
        return ProctorKeys.evidenceWatched(examId, k);
    }

    static String gaps(String examId, EvidenceKind k) {
        return ProctorKeys.evidenceGaps(examId, k);
    }

    List<String> fromStart(Exam exam) {
        return keys(
                exam.id(),
                EvidenceRule.fromStart(
                        exam.proctoring().camera(), exam.proctoring().screen()));
    }

    List<String> fromClock(Exam exam) {
        return keys(exam.id(), EvidenceRule.fromClock(exam.proctoring().camera()));
    }

    private static List<String> keys(String examId, Set<EvidenceKind> kinds) {
        return kinds.stream().map(k -> watched(examId, k)).toList();
    }

    long limitMillis(EvidenceKind k) {
        return limits.get(k);
    }

    /** Scans every kind's sets once per the shortest interval (at least every 250 ms, at most every 5 s). */
    void start() {
        long every = Math.max(
                250,
                Math.min(
                        5_000,
                        limits.values().stream().mapToLong(l -> l).min().orElse(5_000)
                                / settings.evidenceMissingAfter()));
        timer = vertx.setPeriodic(every, every, t -> {
            if (scanning) return;
            scanning = true;
            scan().onFailure(err -> log.warn("evidence scan failed: {}", err.getMessage()))
                    .onComplete(x -> scanning = false);
        });
    }

    void stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
    }

    /** Evidence of this kind arrived for the attempt. Cheap: one Lua call, at most twice per limit per node. */
    Future<Void> seen(AttemptFacts a, EvidenceKind kind) {
        long now = System.currentTimeMillis();
        String key = touchKey(a.id(), kind);
        Long last = touched.get(key);
        if (last != null && now - last < limits.get(kind) / 2) return Future.succeededFuture();
        if (touched.size() > TOUCH_CACHE_LIMIT) touched.clear();
        touched.put(key, now);
        return SEEN.run(
                        redis,
                        List.of(
                                watched(a.examId(), kind),
                                gaps(a.examId(), kind),
                                ProctorStore.hash(a.id()),
                                ProctorStore.audit(a.id())),
                        List.of(
                                a.id(),
                                kind.code(),
                                live.serverNow().toString(),
                                a.examId(),
                                a.studentId(),
                                ExamKeys.examChannel(a.examId())))
                .mapEmpty();
    }

    private static String touchKey(String attemptId, EvidenceKind kind) {
        return attemptId + "/" + kind.code();
    }

    /** The attempt is finished: it is watched no more. Its exam from its id, or for an attempt begun before, its hash. */
    Future<Void> forget(String attemptId) {
        return ExamKeys.examOf(attemptId)
                .map(Future::succeededFuture)
                .orElseGet(() -> attempts.facts(attemptId).map(AttemptFacts::examId))
                .compose(examId -> forget(examId, attemptId))
                .recover(err -> ProctorAccess.gone(err) ? Future.succeededFuture() : Future.failedFuture(err));
    }

    /** Issue 14 (2): one batch over the exam's sets, all in its slot. */
    private Future<Void> forget(String examId, String attemptId) {
        List<Request> batch = new ArrayList<>();
        for (EvidenceKind k : EvidenceKind.values()) {
            // the attempt's own keys, not a scan of the map: at 10,000 submits a scan per submit blocked the loop
            touched.remove(touchKey(attemptId, k));
            batch.add(Request.cmd(Command.ZREM).arg(watched(examId, k)).arg(attemptId));
            batch.add(Request.cmd(Command.ZREM).arg(gaps(examId, k)).arg(attemptId));
        }
        return redis.batch(batch).mapEmpty();
    }

    /**
     * One pass over every proctored exam in the sweep index and every kind: gaps claimed and flagged; for the socket,
     * gaps that ended closed.
     */
    Future<Integer> scan() {
        return SweepIndex.exams(redis)
                .compose(ids -> Future.all(ids.stream().map(this::scanExam).toList()))
                .map(done -> {
                    int n = 0;
                    for (int i = 0; i < done.size(); i++) n += done.<Integer>resultAt(i);
                    return n;
                });
    }

    private Future<Integer> scanExam(String examId) {
        return exams.exam(examId)
                .map(ProctorExtras::proctored)
                .otherwise(true) // an exam that cannot be read is scanned rather than skipped
                .compose(proctored -> {
                    if (!proctored) return Future.succeededFuture(0);
                    List<Future<Integer>> all = new ArrayList<>();
                    for (EvidenceKind k : EvidenceKind.values()) all.add(scan(examId, k));
                    return Future.all(all).map(done -> {
                        int n = 0;
                        for (int i = 0; i < all.size(); i++) n += done.<Integer>resultAt(i);
                        return n;
                    });
                });
    }

    private Future<Integer> scan(String examId, EvidenceKind kind) {
        long limit = limits.get(kind);
        long before = live.serverNow().toEpochMilli() - limit;
        Future<List<String>> stale = redis.send(Request.cmd(Command.ZRANGEBYSCORE)
                        .arg(watched(examId, kind))
                        .arg("-inf")
                        .arg(before)
                        .arg("LIMIT")
                        .arg(0)
                        .arg(BATCH))
                .map(EvidenceWatch::strings);
        Future<Integer> raised = stale.compose(ids -> Future.join(
                        ids.stream().map(id -> claim(examId, id, kind, limit)).toList()))
                .map(done ->
                        (int) done.list().stream().filter(Boolean.TRUE::equals).count());
        if (kind != EvidenceKind.SOCKET) return raised;
        // a socket that comes back is not an upload the server handles: its return is seen here, from the presence hash
        return raised.compose(n -> redis.send(Request.cmd(Command.ZRANGE)
                        .arg(gaps(examId, kind))
                        .arg(0)
                        .arg(BATCH - 1))
                .map(EvidenceWatch::strings)
                .compose(ids -> Future.join(
                        ids.stream().map(id -> socketBack(examId, id)).toList()))
                .map(n));
    }

    /** Claims the gap and raises the flag if this node won it; true if it raised. */
    private Future<Boolean> claim(String examId, String attemptId, EvidenceKind kind, long limit) {
        return attempts.facts(attemptId)
                .compose(a -> presenceSeen(a, kind)
                        .compose(seen -> GAP.run(
                                        redis,
                                        List.of(
                                                watched(examId, kind),
                                                gaps(examId, kind),
                                                ExamKeys.attempt(attemptId),
                                                ProctorStore.hash(attemptId)),
                                        List.of(attemptId, kind.code(), Long.toString(limit), Long.toString(seen)))
                                .compose(r -> {
                                    if (!"missing".equals(r.get(0).toString())) return Future.succeededFuture(false);
                                    long since = r.get(1).toLong();
                                    Text detail = ProctorTexts.evidenceMissing(
                                            kind,
                                            Instant.ofEpochMilli(since),
                                            settings.evidenceMissingAfter(),
                                            limit / settings.evidenceMissingAfter());
                                    return store.raise(a, Flag.missing(kind, live.serverNow(), detail))
                                            .map(f -> true);
                                })))
                .recover(err -> {
                    // an attempt deleted under the scan: stop watching it
                    if (ProctorAccess.gone(err))
                        return forget(examId, attemptId).map(false);
                    return Future.failedFuture(err);
                });
    }

    private Future<Long> presenceSeen(AttemptFacts a, EvidenceKind kind) {
        if (kind != EvidenceKind.SOCKET) return Future.succeededFuture(0L);
        return redis.send(Request.cmd(Command.HGET)
                        .arg(ExamKeys.presence(a.examId()))
                        .arg(a.studentId()))
                .map(r -> EvidenceRule.socketLastSeen(
                        r == null ? null : r.toString(), 0, live.serverNow().toEpochMilli(), Presence.STALE_MILLIS));
    }

    private Future<Void> socketBack(String examId, String attemptId) {
        return attempts.facts(attemptId)
                .compose(a -> a.status().finished()
                        ? forget(examId, attemptId)
                        : presenceSeen(a, EvidenceKind.SOCKET)
                                .compose(seen -> EvidenceRule.missing(
                                                live.serverNow().toEpochMilli(), seen, limits.get(EvidenceKind.SOCKET))
                                        ? Future.succeededFuture()
                                        : seen(a, EvidenceKind.SOCKET)))
                .recover(err -> ProctorAccess.gone(err) ? forget(examId, attemptId) : Future.failedFuture(err));
    }

    private static List<String> strings(Response r) {
        List<String> out = new ArrayList<>();
        if (r != null) for (Response x : r) out.add(x.toString());
        return out;
    }
}
