package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.exam.model.SweepIndexRule;
import kz.emtihan.proctor.model.EvidenceKind;
import kz.emtihan.store.LuaScript;

/**
 * Issue 14 (2): each exam keeps its work lists in its own Cluster slot ({@code exam:{<id>}:deadlines}, {@code
 * :to-grade}, {@code :evidence:<kind>}, beside its attempts, so the scripts that change them run on one slot); this
 * index ({@link ExamKeys#sweepExams}: exam -> when a node last added it) says which exams the deadline sweeper, the
 * evidence scan and the open-attempts metric look at. When an exam is added and when it leaves: {@link
 * SweepIndexRule}.
 */
public final class SweepIndex {
    private static final LuaScript UNINDEX = LuaScript.load("/kz/emtihan/exam/unindex-exam.lua");
    private static final int MEMORY_LIMIT = 100_000;
    private static final int PRUNE_BATCH = 100;
    private final Redis redis;
    /** When this node last added an exam (exam -> epoch ms). */
    private final Map<String, Long> added = new ConcurrentHashMap<>();

    private volatile long lastPrune;

    SweepIndex(Redis redis) {
        this.redis = redis;
    }

    /**
     * Adds the exam of an attempt being started, unless this node added it within the last minute. The start sends it
     * beside its script, not before it: no extra round trip, and a failure fails the start (which the page retries).
     */
    Future<Void> add(String examId) {
        long now = System.currentTimeMillis();
        if (!SweepIndexRule.mustAdd(added.get(examId), now)) return Future.succeededFuture();
        return redis.send(Request.cmd(Command.ZADD)
                        .arg(ExamKeys.sweepExams())
                        .arg(now)
                        .arg(examId))
                .onSuccess(r -> {
                    if (added.size() > MEMORY_LIMIT) added.clear();
                    added.put(examId, now);
                })
                .mapEmpty();
    }

    /** Every exam in the index: those that may have open, ungraded or watched attempts. */
    public static Future<List<String>> exams(Redis redis) {
        return redis.send(Request.cmd(Command.ZRANGE)
                        .arg(ExamKeys.sweepExams())
                        .arg(0)
                        .arg(-1))
                .map(ExamStore::strings);
    }

    /** The exam's attempts whose deadline is at or before {@code beforeMillis}, at most {@code batch}. */
    Future<List<String>> due(String examId, long beforeMillis, int batch) {
        return redis.send(Request.cmd(Command.ZRANGEBYSCORE)
                        .arg(ExamKeys.deadlines(examId))
                        .arg("-inf")
                        .arg(beforeMillis)
                        .arg("LIMIT")
                        .arg(0)
                        .arg(batch))
                .map(ExamStore::strings);
    }

    /** Some of the exam's finalised attempts not graded yet, at most {@code batch}. */
    Future<List<String>> ungraded(String examId, int batch) {
        return redis.send(Request.cmd(Command.SRANDMEMBER)
                        .arg(ExamKeys.toGrade(examId))
                        .arg(batch))
                .map(ExamStore::strings);
    }

    /**
     * Takes off the index the exams that nobody has added for ten minutes and whose sets are all empty; at most once a
     * minute per node. How many left.
     */
    Future<Integer> prune(long nowMillis) {
        if (nowMillis - lastPrune < SweepIndexRule.REMEMBER_MILLIS) return Future.succeededFuture(0);
        lastPrune = nowMillis;
        long before = SweepIndexRule.leaveBefore(nowMillis);
        return redis.send(Request.cmd(Command.ZRANGEBYSCORE)
                        .arg(ExamKeys.sweepExams())
                        .arg("-inf")
                        .arg("(" + before)
                        .arg("LIMIT")
                        .arg(0)
                        .arg(PRUNE_BATCH))
                .map(ExamStore::strings)
                .compose(exams -> Future.all(
                                exams.stream().map(e -> leaveIfIdle(e, before)).toList())
                        .map(done -> {
                            int n = 0;
                            for (int i = 0; i < done.size(); i++) n += done.<Integer>resultAt(i);
                            return n;
                        }));
    }

    private Future<Integer> leaveIfIdle(String examId, long before) {
        // one command: every set of the exam is in its slot
        Request exists = Request.cmd(Command.EXISTS);
        workLists(examId).forEach(exists::arg);
        return redis.send(exists)
                .compose(r -> r.toLong() > 0
                        ? Future.succeededFuture(0)
                        : UNINDEX.run(redis, List.of(ExamKeys.sweepExams()), List.of(examId, Long.toString(before)))
                                .map(x -> x.toInteger()));
    }

    /** The exam's work lists: open attempts, attempts to grade, and every kind of watched evidence and its gaps. */
    static List<String> workLists(String examId) {
        List<String> keys = new ArrayList<>(List.of(ExamKeys.deadlines(examId), ExamKeys.toGrade(examId)));
        for (EvidenceKind k : EvidenceKind.values()) {
            keys.add(ExamKeys.evidenceWatched(examId, k.code()));
            keys.add(ExamKeys.evidenceGaps(examId, k.code()));
        }
        return keys;
    }
}
