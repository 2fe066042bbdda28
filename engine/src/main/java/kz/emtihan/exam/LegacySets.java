package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kz.emtihan.proctor.model.EvidenceKind;

/**
 * Issue 14 (2): the work lists of a store written before each exam had its own: one {@code deadlines} sorted set, one
 * {@code to-grade} set, and per evidence kind one watched and one gap sorted set, for all exams together. Each member
 * moves to its exam's set with its score, the exam joins the sweep index, and the old member goes. The migration at
 * start empties them ({@link ExamKeysMigration}); the sweeper looks again each tick until it finds them empty. The
 * attempt's exam is read from its hash; a member whose attempt is gone is dropped.
 *
 * <p>Not atomic per member (the old and the new set are in different slots): an attempt finalised between the copy
 * and the removal leaves an entry behind in its exam's deadlines, which finalise-attempt.lua removes when the sweeper
 * meets it ({@code already}); an attempt graded in between is graded once more (grading is idempotent), a watched one
 * that finished is forgotten by the evidence scan ({@code gone}).
 */
final class LegacySets {
    private final Redis redis;
    private final SweepIndex index;
    private volatile boolean empty;

    LegacySets(Redis redis, SweepIndex index) {
        this.redis = redis;
        this.index = index;
    }

    /** One pass over every old set, at most {@code batch} members of each; how many members it moved or dropped. */
    Future<Integer> adopt(int batch) {
        List<Future<Integer>> all = new ArrayList<>();
        all.add(sorted(ExamKeys.deadlines(), ExamKeys::deadlines, batch));
        all.add(toGrade(batch));
        for (EvidenceKind k : EvidenceKind.values()) {
            String code = k.code();
            all.add(sorted(ExamKeys.evidenceWatched(code), e -> ExamKeys.evidenceWatched(e, code), batch));
            all.add(sorted(ExamKeys.evidenceGaps(code), e -> ExamKeys.evidenceGaps(e, code), batch));
        }
        return sum(all);
    }

    /** Passes until the old sets are empty; how many members moved or were dropped in all. */
    Future<Integer> adoptAll(int batch) {
        return adoptAll(batch, 0);
    }

    private Future<Integer> adoptAll(int batch, int soFar) {
        return adopt(batch).compose(n -> n == 0 ? Future.succeededFuture(soFar) : adoptAll(batch, soFar + n));
    }

    /** The sweeper's pass: one per tick until a pass finds every old set empty, then none on this node. */
    Future<Integer> untilEmpty(int batch) {
        if (empty) return Future.succeededFuture(0);
        return adopt(batch).onSuccess(n -> {
            if (n == 0) empty = true;
        });
    }

    private Future<Integer> sorted(String from, Function<String, String> to, int batch) {
        return redis.send(Request.cmd(Command.ZRANGE)
                        .arg(from)
                        .arg(0)
                        .arg(batch - 1)
                        .arg("WITHSCORES"))
                .compose(r -> sum(pairs(r).stream()
                        .map(p -> move(
                                p[0],
                                exam -> Request.cmd(Command.ZADD)
                                        .arg(to.apply(exam))
                                        .arg(p[1])
                                        .arg(p[0]),
                                Request.cmd(Command.ZREM).arg(from).arg(p[0])))
                        .toList()));
    }

    private Future<Integer> toGrade(int batch) {
        return redis.send(
                        Request.cmd(Command.SRANDMEMBER).arg(ExamKeys.toGrade()).arg(batch))
                .compose(r -> sum(ExamStore.strings(r).stream()
                        .map(id -> move(
                                id,
                                exam -> Request.cmd(Command.SADD)
                                        .arg(ExamKeys.toGrade(exam))
                                        .arg(id),
                                Request.cmd(Command.SREM)
                                        .arg(ExamKeys.toGrade())
                                        .arg(id)))
                        .toList()));
    }

    /** Copies the member into its exam's set, adds the exam to the index, then removes the old member: 1. */
    private Future<Integer> move(String attemptId, Function<String, Request> add, Request remove) {
        return redis.send(Request.cmd(Command.HGET)
                        .arg(ExamKeys.attempt(attemptId))
                        .arg("examId"))
                .compose(exam -> exam == null
                        ? Future.succeededFuture()
                        : Future.all(redis.send(add.apply(exam.toString())), index.add(exam.toString())))
                .compose(x -> redis.send(remove))
                .map(1);
    }

    /** ZRANGE WITHSCORES as (member, score as whole epoch ms): RESP2 gives them flat, RESP3 in pairs. */
    static List<String[]> pairs(Response r) {
        List<String[]> out = new ArrayList<>();
        if (r == null || r.size() == 0) return out;
        if (r.get(0).type() == ResponseType.MULTI) {
            for (Response p : r) out.add(new String[] {p.get(0).toString(), whole(p.get(1))});
        } else {
            for (int i = 0; i + 1 < r.size(); i += 2)
                out.add(new String[] {r.get(i).toString(), whole(r.get(i + 1))});
        }
        return out;
    }

    private static String whole(Response score) {
        return Long.toString(score.toDouble().longValue());
    }

    private static Future<Integer> sum(List<Future<Integer>> all) {
        return Future.all(all).map(done -> {
            int n = 0;
            for (int i = 0; i < done.size(); i++) n += done.<Integer>resultAt(i);
            return n;
        });
    }
}
