package kz.emtihan.lti.services;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.lti.services.model.FinalScore;
import kz.emtihan.lti.services.model.GradeTarget;
import kz.emtihan.store.LuaScript;

/**
 * Issue 16 (3): the durable queue of grades for the platforms, in Redis. Every method's {@code examId} is a {@link
 * GradeTarget#key()}: an exam's id, or {@code sitting:} and a sitting's id. A job is written when the result becomes
 * final and leaves the queue only when the platform accepted it or the tool gave up; a node takes a job by pushing it
 * a lease into the future (claim-grades.lua), so a node that dies with a job in flight leaves it to be taken again.
 */
final class GradeStore {
    private static final LuaScript ENQUEUE = LuaScript.load("/kz/emtihan/lti/services/enqueue-grade.lua");
    private static final LuaScript CLAIM = LuaScript.load("/kz/emtihan/lti/services/claim-grades.lua");
    private static final LuaScript SETTLE = LuaScript.load("/kz/emtihan/lti/services/settle-grade.lua");
    private static final LuaScript RESEND = LuaScript.load("/kz/emtihan/lti/services/resend-grade.lua");
    private final Redis redis;

    /** What one try did: the outcome, when to try again, the platform's answer, the links that took the score. */
    record Settle(String outcome, long nextAt, int httpStatus, String body, int tries, List<String> done) {}

    GradeStore(Redis redis) {
        this.redis = redis;
    }

    /** Queues the score unless the same score is already queued, sent or given up; {@code queued} or {@code same}. */
    Future<String> enqueue(FinalScore s, long nowMs) {
        String member = ServiceKeys.member(s.target(), s.studentId());
        GradeTarget target = GradeTarget.of(s.target());
        List<String> args = new ArrayList<>(List.of(member, Long.toString(nowMs), s.digest()));
        args.addAll(List.of(
                target.sitting() ? "sittingId" : "examId",
                target.id(),
                "studentId",
                s.studentId(),
                "scoreGiven",
                Double.toString(s.scoreGiven()),
                "scoreMaximum",
                Double.toString(s.scoreMaximum()),
                "letter",
                s.letter(),
                "timestamp",
                s.timestamp().toString(),
                "source",
                s.source()));
        return ENQUEUE.run(
                        redis,
                        List.of(
                                ServiceKeys.grade(s.target(), s.studentId()),
                                ServiceKeys.gradesOfExam(s.target()),
                                ServiceKeys.due()),
                        args)
                .map(Response::toString);
    }

    /** Up to {@code n} due jobs, leased to this node for {@code leaseMs}. */
    Future<List<String>> claim(long nowMs, long leaseMs, int n) {
        return CLAIM.run(
                        redis,
                        List.of(ServiceKeys.due()),
                        List.of(Long.toString(nowMs), Long.toString(leaseMs), Integer.toString(n)))
                .map(r -> {
                    List<String> out = new ArrayList<>();
                    if (r != null) for (Response m : r) out.add(m.toString());
                    return out;
                });
    }

    /** The job's fields (empty when there is none). */
    Future<Map<String, String>> job(String examId, String studentId) {
        return redis.send(Request.cmd(Command.HGETALL).arg(ServiceKeys.grade(examId, studentId)))
                .map(GradeStore::map);
    }

    /** What one try did; {@code stale} when a newer score was queued meanwhile (it stays queued). */
    Future<String> settle(String examId, String studentId, String gen, Settle s, long nowMs) {
        return SETTLE.run(
                        redis,
                        List.of(ServiceKeys.grade(examId, studentId), ServiceKeys.due()),
                        List.of(
                                ServiceKeys.member(examId, studentId),
                                gen,
                                s.outcome(),
                                Long.toString(nowMs),
                                Long.toString(s.nextAt()),
                                Integer.toString(s.httpStatus()),
                                s.body(),
                                Integer.toString(s.tries()),
                                String.join(" ", s.done())))
                .map(Response::toString);
    }

    /** Queues a given-up grade again: {@code queued}, {@code missing}, or the state it is in. */
    Future<String> resend(String examId, String studentId, long nowMs) {
        return RESEND.run(
                        redis,
                        List.of(ServiceKeys.grade(examId, studentId), ServiceKeys.due()),
                        List.of(ServiceKeys.member(examId, studentId), Long.toString(nowMs)))
                .map(Response::toString);
    }

    /** Every graded student of the exam with their job's fields. */
    Future<Map<String, Map<String, String>>> ofExam(String examId) {
        return redis.send(Request.cmd(Command.SMEMBERS).arg(ServiceKeys.gradesOfExam(examId)))
                .compose(members -> {
                    List<String> students = new ArrayList<>();
                    if (members != null) for (Response m : members) students.add(ServiceKeys.ofMember(m.toString())[1]);
                    if (students.isEmpty()) return Future.succeededFuture(Map.of());
                    List<Request> reads = new ArrayList<>();
                    for (String s : students)
                        reads.add(Request.cmd(Command.HGETALL).arg(ServiceKeys.grade(examId, s)));
                    return redis.batch(reads).map(replies -> {
                        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
                        for (int i = 0; i < students.size(); i++) {
                            Map<String, String> f = map(replies.get(i));
                            if (!f.isEmpty()) out.put(students.get(i), f);
                        }
                        return out;
                    });
                });
    }

    /** Appends an event to the exam's LTI audit trail. */
    Future<Void> audit(String examId, JsonObject event) {
        return redis.send(Request.cmd(Command.RPUSH)
                        .arg(ServiceKeys.audit(examId))
                        .arg(event.encode()))
                .mapEmpty();
    }

    static Map<String, String> map(Response r) {
        Map<String, String> out = new HashMap<>();
        if (r == null) return out;
        for (String k : r.getKeys()) out.put(k, r.get(k).toString());
        return out;
    }
}
