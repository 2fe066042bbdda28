package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.exam.model.AttemptStatus;
import kz.emtihan.exam.model.Draw;
import kz.emtihan.exam.model.Paper;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.statement.model.StatementRefusal;

/**
 * 5.20.3: one attempt per student and exam, started once (start-attempt.lua decides atomically across nodes); a
 * second start resumes the attempt in progress. The hot moment of an exam day: a new attempt is answered from what
 * was just drawn, without reading it back.
 */
final class AttemptStart {
    private final Exams exams;
    private final AttemptStore store;
    private final Regulation regulation;
    private final AttemptViews views;
    private final Supplier<AttemptExtras> extras;
    private final SweepIndex index;
    private final SecureRandom seeds = new SecureRandom();

    AttemptStart(
            Exams exams,
            AttemptStore store,
            Regulation regulation,
            AttemptViews views,
            Supplier<AttemptExtras> extras,
            SweepIndex index) {
        this.exams = exams;
        this.store = store;
        this.regulation = regulation;
        this.views = views;
        this.extras = extras;
        this.index = index;
    }

    Future<Attempts.Started> start(Caller student, String examId) {
        if (!student.has(Role.STUDENT)) return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
        return exams.snapshot(examId).compose(snap -> {
            AttemptExtras x = extras.get();
            long seed = seeds.nextLong();
            Paper paper = Draw.of(
                    snap.pool(), snap.exam().questionCount(), regulation.bank().mixPercent(), seed);
            boolean hold = x.holdAtStart(snap.exam());
            // a held attempt's clock starts when it is released; an unheld one's now, so it is watched from both
            // moments now
            List<String> watched = new ArrayList<>(x.watchFromStart(snap.exam()));
            if (!hold) watched.addAll(x.watchFromClock(snap.exam()));
            int minimum = regulation.rating().minAdmissionRating();
            // issue 14 (2): the sweeper finds the exam's deadlines through the index; the add (at most once a minute
            // per exam and node) is sent together with the script, not before it: the start waits no extra round trip
            Future<Void> indexed = index.add(snap.exam().id());
            return store.startOnce(
                            snap.exam(),
                            student.id(),
                            // issue 15 (3): the name the token carries goes out with attempt-started (no read)
                            student.name(),
                            ExamKeys.newAttemptId(snap.exam().id()), // issue 14 (2): names its exam, for the hash tag
                            seed,
                            paper,
                            minimum,
                            hold,
                            watched,
                            x.watchGraceMillis())
                    .compose(s -> indexed.map(s)) // a failed add fails the start, which the page retries
                    .compose(s -> switch (s.outcome()) {
                        // a new attempt is exactly what was just drawn: no need to read it back (the 10,000-at-once
                        // moment)
                        case "created" -> {
                            Instant startedAt = Instant.ofEpochMilli(s.startedAt());
                            Attempt a = new Attempt(
                                    s.attemptId(),
                                    examId,
                                    student.id(),
                                    AttemptStatus.IN_PROGRESS,
                                    startedAt,
                                    Instant.ofEpochMilli(s.deadline()),
                                    seed,
                                    paper,
                                    Optional.empty(),
                                    Map.of());
                            yield x.decorate(AttemptJson.forStudent(a, snap, startedAt, hold), snap.exam(), hold)
                                    .map(json -> new Attempts.Started(true, json));
                        }
                        case "existing" -> views.forStudent(s.attemptId(), snap).map(json -> resumed(s, json));
                        case "not-on-roster" -> Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
                        // 5.30: start-attempt.lua answers with the student's rating in place of an attempt id
                        case "not-admitted" ->
                            Future.failedFuture(Refusal.of(ExamRefusal.NOT_ADMITTED, rating(s.attemptId()), minimum));
                        case "not-open" ->
                            Future.failedFuture(Refusal.of(
                                    ExamRefusal.EXAM_NOT_OPEN,
                                    snap.exam().opensAt().toString(),
                                    snap.exam().closesAt().toString()));
                        // 5.35: the student's individual statement is over and the exam's window is closed
                        case "statement-expired" ->
                            Future.failedFuture(Refusal.of(
                                    StatementRefusal.STATEMENT_EXPIRED,
                                    "5.35",
                                    Instant.ofEpochMilli(Long.parseLong(s.attemptId()))
                                            .toString()));
                        default -> Future.failedFuture(new IllegalStateException("start-attempt said " + s.outcome()));
                    });
        });
    }

    /** The stored rating as a number: 42 for "42.0", 49.5 as it is. */
    static Number rating(String stored) {
        double r = Double.parseDouble(stored);
        return r == Math.rint(r) ? (Number) (long) r : (Number) r;
    }

    /** 5.20.3: the one attempt resumes while in progress; a finished one is not started again. */
    private static Attempts.Started resumed(AttemptStore.Started s, JsonObject json) {
        String status = json.getString("status");
        if (!"in-progress".equals(status)) {
            throw Refusal.of(
                            ExamRefusal.ATTEMPT_FINISHED,
                            AttemptStatus.fromCode(status)
                                    .map(ExamWords::status)
                                    .orElseThrow())
                    .withDetails(Map.of("attemptId", s.attemptId(), "status", status));
        }
        return new Attempts.Started(false, json);
    }
}
