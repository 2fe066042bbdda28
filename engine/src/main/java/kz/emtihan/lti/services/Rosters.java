package kz.emtihan.lti.services;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.exam.Exams;
import kz.emtihan.exam.Results;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.lti.LtiDirectory;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.services.model.FinalScore;
import kz.emtihan.lti.services.model.Member;
import kz.emtihan.lti.services.model.RosterPlan;
import kz.emtihan.refusal.Refusal;

/**
 * Issue 16 (4): fills an exam's roster from the course its resource links sit in, and keeps it in sync. The roster
 * is replaced through the exam context's own roster code ({@link Exams#replaceRoster}: who may, the bank's lock of
 * 5.31, the retake rule of 5.36-5.38), with every student's admission rating and midterms (5.30, 6.10) carried over,
 * so a sync changes who is on it and nothing else. The rule of who comes and goes is {@link RosterPlan}.
 */
final class Rosters {
    private final LtiDirectory directory;
    private final CourseMembers members;
    private final Exams exams;
    private final Results results;
    private final Redis redis;
    private final GradeStore grades;
    private final GradeTrigger trigger;
    private final Clock clock;
    private final RosterLock lock;

    Rosters(
            LtiDirectory directory,
            CourseMembers members,
            Exams exams,
            Results results,
            Redis redis,
            GradeStore grades,
            GradeTrigger trigger,
            Clock clock,
            RosterLock lock) {
        this.directory = directory;
        this.members = members;
        this.exams = exams;
        this.results = results;
        this.redis = redis;
        this.grades = grades;
        this.trigger = trigger;
        this.clock = clock;
        this.lock = lock;
    }

    /**
     * {@code {"added","already","skipped","removed","kept","students"}}: the course's active learners put on the roster
     * or found there, the members who are not students (instructors, other roles, inactive), the students taken off
     * and those kept because they have started, and the roster's size after.
     */
    Future<JsonObject> sync(Caller caller, String examId) {
        return exams.allowed(caller, examId, ExamAccess.Action.MANAGE)
                .compose(e -> directory.linksOfExam(examId))
                .compose(links -> {
                    Map<String, ResourceLink> courses = new LinkedHashMap<>();
                    for (ResourceLink l : links)
                        if (l.membershipsUrl() != null)
                            courses.putIfAbsent(l.platformId() + " " + l.membershipsUrl(), l);
                    if (courses.isEmpty()) return Future.failedFuture(Refusal.of(LtiServicesRefusal.NO_COURSE_LINK));
                    List<Future<List<String>>> learners = new ArrayList<>();
                    int[] skipped = {0};
                    Future<Void> chain = Future.succeededFuture();
                    for (ResourceLink l : courses.values())
                        chain = chain.compose(x -> learnersOf(l, skipped).map(ids -> {
                            learners.add(Future.succeededFuture(ids));
                            return null;
                        }));
                    return chain.map(x -> {
                        Set<String> all = new java.util.TreeSet<>();
                        for (Future<List<String>> f : learners) all.addAll(f.result());
                        return new Learners(all, skipped[0]);
                    });
                })
                .compose(
                        l -> lock.holding(examId, () -> apply(caller, examId, l))); // issue 16 (1): not beside a launch
    }

    private record Learners(Set<String> ids, int skipped) {}

    /** The Emtihan ids of the course's active learners (accounts made on first sight); counts everyone else. */
    private Future<List<String>> learnersOf(ResourceLink link, int[] skipped) {
        return directory
                .platform(link.platformId())
                .compose(p -> p.isEmpty()
                        ? Future.failedFuture(Refusal.of(LtiServicesRefusal.NO_COURSE_LINK))
                        : members.of(p.get(), link.membershipsUrl()))
                .recover(err -> err instanceof Refusal
                        ? Future.failedFuture(err)
                        : Future.failedFuture(Refusal.of(
                                LtiServicesRefusal.PLATFORM_REFUSED,
                                PlatformAnswer.of("memberships", err).status())))
                .compose(list -> {
                    Map<String, Member> bySub = new LinkedHashMap<>();
                    for (Member m : list) bySub.putIfAbsent(m.sub(), m);
                    List<Future<String>> ids = new ArrayList<>();
                    for (Member m : bySub.values()) {
                        if (m.active() && m.learner())
                            ids.add(directory.userFor(link.platformId(), m.sub(), m.name(), m.email(), Role.STUDENT));
                        else skipped[0]++;
                    }
                    return Future.all(ids).map(done -> {
                        List<String> out = new ArrayList<>();
                        for (Future<String> f : ids) out.add(f.result());
                        return out;
                    });
                });
    }

    private Future<JsonObject> apply(Caller caller, String examId, Learners learners) {
        return Future.all(
                        exams.view(caller, examId),
                        results.of(caller, examId),
                        redis.send(Request.cmd(Command.SMEMBERS).arg(ServiceKeys.synced(examId))))
                .compose(done -> {
                    JsonObject view = done.resultAt(0);
                    JsonArray rows = done.resultAt(1);
                    Set<String> roster = new java.util.LinkedHashSet<>();
                    view.getJsonArray("roster").forEach(s -> roster.add(String.valueOf(s)));
                    Set<String> started = new HashSet<>();
                    for (Object r : rows)
                        if (r instanceof JsonObject row && !"not-started".equals(row.getString("status")))
                            started.add(row.getString("studentId"));
                    Set<String> before = new HashSet<>();
                    Response synced = done.resultAt(2);
                    if (synced != null) for (Response s : synced) before.add(s.toString());
                    RosterPlan plan = RosterPlan.of(learners.ids(), roster, before, started);
                    Future<Integer> replaced =
                            plan.add().isEmpty() && plan.remove().isEmpty()
                                    ? Future.succeededFuture(roster.size())
                                    : exams.replaceRoster(caller, examId, body(plan.rosterAfter(roster), view));
                    return replaced.compose(n -> remember(examId, plan)
                                    .compose(x -> reconcile(examId, rows))
                                    .compose(x -> audit(caller, examId, plan, learners.skipped()))
                                    .map(n))
                            .map(n -> new JsonObject()
                                    .put("added", plan.add().size())
                                    .put("already", plan.already().size())
                                    .put("skipped", learners.skipped())
                                    .put("removed", plan.remove().size())
                                    .put("kept", plan.kept().size())
                                    .put("students", n));
                });
    }

    /** The roster entries: each student with the admission rating or midterms the roster already gave them. */
    static JsonArray body(Set<String> students, JsonObject view) {
        JsonObject admission = view.getJsonObject("admission", new JsonObject());
        JsonObject midterms = view.getJsonObject("midterms", new JsonObject());
        JsonArray out = new JsonArray();
        for (String s : students) {
            JsonObject entry = new JsonObject().put("studentId", s);
            if (midterms.containsKey(s)) entry.put("midterms", midterms.getValue(s));
            else if (admission.containsKey(s)) entry.put("admissionRating", admission.getValue(s));
            out.add(entry);
        }
        return out;
    }

    private Future<Void> remember(String examId, RosterPlan plan) {
        List<Request> tx = new ArrayList<>();
        tx.add(Request.cmd(Command.MULTI));
        tx.add(Request.cmd(Command.DEL).arg(ServiceKeys.synced(examId)));
        if (!plan.synced().isEmpty()) {
            Request add = Request.cmd(Command.SADD).arg(ServiceKeys.synced(examId));
            plan.synced().forEach(add::arg);
            tx.add(add);
        }
        tx.add(Request.cmd(Command.ZADD)
                .arg(ServiceKeys.syncedExams())
                .arg(clock.millis())
                .arg(examId));
        tx.add(Request.cmd(Command.EXEC));
        return redis.batch(tx).mapEmpty();
    }

    /**
     * Issue 16 (3): a final result of a linked exam with no grade queued (its node died between the two, or knew of no
     * link yet) is queued now; the score is the one the results list shows.
     */
    private Future<Void> reconcile(String examId, JsonArray rows) {
        trigger.forget(examId);
        return Future.all(trigger.linked(examId), exams.exam(examId), grades.ofExam(examId))
                .compose(all -> {
                    if (!all.<Boolean>resultAt(0)) return Future.succeededFuture();
                    int max = all.<kz.emtihan.exam.model.Exam>resultAt(1).questionCount();
                    Map<String, Map<String, String>> known = all.resultAt(2);
                    List<Future<String>> queued = new ArrayList<>();
                    for (Object r : rows) {
                        if (!(r instanceof JsonObject row) || row.getString("letter") == null) continue;
                        String student = row.getString("studentId");
                        Double points = row.getDouble("points");
                        if (known.containsKey(student) || points == null || max <= 0) continue;
                        queued.add(grades.enqueue(
                                new FinalScore(
                                        examId,
                                        student,
                                        Math.max(0, Math.min(points, max)),
                                        max,
                                        row.getString("letter"),
                                        clock.instant(),
                                        "attempt"),
                                clock.millis()));
                    }
                    return Future.all(queued).mapEmpty();
                });
    }

    /**
     * Issue 16 (4): the periodic sync. Every exam whose roster was once filled from its course is synced again, in its
     * teacher's name (the same rules as their click); one node at a time per exam (a lock as long as the period).
     */
    Future<Integer> syncAll(long periodMillis) {
        return redis.send(Request.cmd(Command.ZRANGE)
                        .arg(ServiceKeys.syncedExams())
                        .arg(0)
                        .arg(-1))
                .compose(ids -> {
                    List<Future<Boolean>> each = new ArrayList<>();
                    if (ids != null) for (Response id : ids) each.add(syncOnce(id.toString(), periodMillis));
                    return Future.join(each).map(x -> (int) each.stream()
                            .filter(f -> f.succeeded() && f.result())
                            .count());
                });
    }

    private Future<Boolean> syncOnce(String examId, long periodMillis) {
        return redis.send(Request.cmd(Command.SET)
                        .arg(ServiceKeys.syncLock(examId))
                        .arg(clock.millis())
                        .arg("NX")
                        .arg("PX")
                        .arg(Math.max(1000, periodMillis - 500)))
                .compose(locked -> {
                    if (locked == null) return Future.succeededFuture(false);
                    return exams.exam(examId)
                            .compose(e -> sync(new Caller(e.owner(), "", Set.of(Role.TEACHER)), examId))
                            .map(true);
                });
    }

    private Future<Void> audit(Caller caller, String examId, RosterPlan plan, int skipped) {
        if (plan.add().isEmpty() && plan.remove().isEmpty()) return Future.succeededFuture();
        return grades.audit(
                examId,
                new JsonObject()
                        .put("at", clock.instant().toString())
                        .put("actor", caller.id())
                        .put("event", "roster-synced")
                        .put("added", new JsonArray(new ArrayList<>(plan.add())))
                        .put("removed", new JsonArray(new ArrayList<>(plan.remove())))
                        .put("skipped", skipped));
    }
}
