package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.BankStore;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamCard;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;

/**
 * The student's exams ({@code GET /me/exams}) with what each card says before they start (issue 15, 6): admitted or
 * not (5.30, with the refusal's sentence), what proctoring asks (5.17.2), the window they may start in with the time
 * left (5.20.3, 5.35) and, for an attempt under way, its deadline. The rules are {@link ExamCard}'s; the reads of one
 * exam go out together, so the list costs no more round trips than before (the exam itself is the cached one).
 */
final class StudentExams {
    private final Exams exams;
    private final ExamStore store;
    private final Redis redis;
    private final BankStore banks;
    private final Regulation regulation;

    StudentExams(Exams exams, ExamStore store, Redis redis, BankStore banks, Regulation regulation) {
        this.exams = exams;
        this.store = store;
        this.redis = redis;
        this.banks = banks;
        this.regulation = regulation;
    }

    Future<JsonArray> of(Caller student, Language language) {
        Future<Instant> clock = redis.send(Request.cmd(Command.TIME))
                .map(r -> Instant.ofEpochSecond(r.get(0).toLong(), r.get(1).toLong() * 1000));
        return Future.all(store.examsOf(student.id()), clock)
                .compose(start -> {
                    List<String> ids = start.resultAt(0);
                    Instant now = start.resultAt(1);
                    return Future.all(ids.stream()
                            .map(id -> card(id, student.id(), now, language))
                            .toList());
                })
                .map(all -> new JsonArray(all.<JsonObject>list().stream()
                        .sorted(Comparator.comparing((JsonObject o) -> o.getString("opensAt")))
                        .toList()));
    }

    private Future<JsonObject> card(String examId, String studentId, Instant now, Language language) {
        Future<Exam> exam = exams.exam(examId);
        Future<Optional<BankStore.BankHeader>> bank = exam.compose(e -> banks.header(e.bankId()));
        Future<Optional<JsonObject>> attempt = attempt(examId, studentId, now);
        Future<Response> rating = hget(ExamKeys.admission(examId), studentId);
        Future<Response> personal = hget(ExamKeys.personalWindows(examId), studentId);
        Future<Response> extra = hget(ExamKeys.extraTime(examId), studentId);
        return Future.all(List.of(exam, bank, attempt, rating, personal, extra)).map(done -> {
            Exam e = exam.result();
            JsonObject o = new JsonObject()
                    .put("id", e.id())
                    .put("title", e.title())
                    .put("kind", e.kind().code())
                    .put("opensAt", e.opensAt().toString())
                    .put("closesAt", e.closesAt().toString())
                    .put("durationMinutes", e.durationMinutes())
                    .put("questionCount", e.questionCount())
                    .put("proctoring", ExamJson.toJson(e).getJsonObject("proctoring"));
            // 5.22: the passport's allowed references and language, for the rules page before the test
            bank.result()
                    .ifPresent(b -> o.put("discipline", b.passport().discipline())
                            .put("language", b.passport().language())
                            .put("references", new JsonArray(b.passport().references())));
            o.put("attempt", attempt.result().orElse(null));
            // issue 15 (6): the card
            ExamCard.Admission admission = ExamCard.admission(
                    Optional.ofNullable(rating.result()).map(r -> Double.parseDouble(r.toString())),
                    regulation.rating().minAdmissionRating());
            Duration duration = e.duration()
                    .plusMillis(Optional.ofNullable(extra.result())
                            .map(r -> Long.parseLong(r.toString()))
                            .orElse(0L));
            ExamCard.Timing timing = ExamCard.timing(
                    new ExamCard.Window(e.opensAt(), e.closesAt()), window(personal.result()), duration, now);
            return o.put("serverTime", now.toString())
                    .put("admission", admission(admission, language))
                    .put(
                            "requirements",
                            new JsonArray(ExamCard.requirements(e.proctoring()).stream()
                                    .map(ExamCard.Requirement::code)
                                    .toList()))
                    .put("window", window(timing))
                    .put(
                            "canStart",
                            admission.admitted()
                                    && timing.phase() == ExamCard.Phase.OPEN
                                    && attempt.result().isEmpty());
        });
    }

    private static JsonObject admission(ExamCard.Admission a, Language language) {
        JsonObject o = new JsonObject()
                .put("admitted", a.admitted())
                .put("rule", ExamCard.ADMISSION_RULE)
                .put("minimum", a.minimum())
                .put(
                        "rating",
                        a.rating().map(r -> AttemptStart.rating(r.toString())).orElse(null));
        // the sentence start would answer with, in the caller's language
        if (!a.admitted())
            o.put(
                    "reason",
                    Refusal.of(
                                    ExamRefusal.NOT_ADMITTED,
                                    AttemptStart.rating(a.rating().orElseThrow().toString()),
                                    a.minimum())
                            .message(language));
        return o;
    }

    private static JsonObject window(ExamCard.Timing t) {
        return new JsonObject()
                .put("phase", t.phase().code())
                .put("opensAt", t.window().opensAt().toString())
                .put("closesAt", t.window().closesAt().toString())
                .put("personal", t.personal())
                .put("secondsLeft", t.secondsLeft())
                .put("minutesIfStarted", t.minutesIfStarted().orElse(null));
    }

    /** 5.35: the personal window {@code fromMs:untilMs} of an individual statement, if the student holds one. */
    private static Optional<ExamCard.Window> window(Response stored) {
        if (stored == null) return Optional.empty();
        String[] parts = stored.toString().split(":");
        if (parts.length != 2) return Optional.empty();
        return Optional.of(new ExamCard.Window(
                Instant.ofEpochMilli(Long.parseLong(parts[0])), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
    }

    /** The student's attempt {id, status} and, while its clock runs, its deadline and the seconds left. */
    private Future<Optional<JsonObject>> attempt(String examId, String studentId, Instant now) {
        return hget(ExamKeys.examAttempts(examId), studentId).compose(r -> {
            if (r == null) return Future.succeededFuture(Optional.<JsonObject>empty());
            String id = r.toString();
            return redis.send(Request.cmd(Command.HMGET)
                            .arg(ExamKeys.attempt(id))
                            .arg("status")
                            .arg("deadline")
                            .arg("hold"))
                    .map(f -> {
                        String status = f.get(0) == null ? "unknown" : f.get(0).toString();
                        JsonObject a = new JsonObject().put("id", id).put("status", status);
                        // a held attempt (its identity step) has no deadline of its own yet
                        if ("in-progress".equals(status) && f.get(1) != null && f.get(2) == null) {
                            Instant deadline = Instant.ofEpochMilli(f.get(1).toLong());
                            a.put("deadline", deadline.toString())
                                    .put(
                                            "secondsLeft",
                                            Math.max(
                                                    0,
                                                    Duration.between(now, deadline)
                                                            .toSeconds()));
                        }
                        return Optional.of(a);
                    });
        });
    }

    private Future<Response> hget(String key, String field) {
        return redis.send(Request.cmd(Command.HGET).arg(key).arg(field));
    }
}
