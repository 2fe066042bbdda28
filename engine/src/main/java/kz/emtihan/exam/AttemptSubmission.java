package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kz.emtihan.auth.Caller;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.statement.model.StatementRefusal;

/**
 * The end of an attempt by a person: the student's submit (5.20.3) and a proctor's termination for a violation
 * (6.14). Both finalise once (finalise-attempt.lua) and grade.
 */
final class AttemptSubmission {
    private final AttemptReads reads;
    private final AttemptSaves saves;
    private final AttemptStore store;
    private final AttemptGrading grading;
    private final Regulation regulation;

    AttemptSubmission(
            AttemptReads reads, AttemptSaves saves, AttemptStore store, AttemptGrading grading, Regulation regulation) {
        this.reads = reads;
        this.saves = saves;
        this.store = store;
        this.grading = grading;
        this.regulation = regulation;
    }

    /**
     * Merges the client's copy (each answer {@code [ids]} or {@code {"choices","seq"}}, by the seq rule; a bare
     * list only fills a question with nothing stored), finalises once, grades and signs. A repeated submit
     * returns the same result.
     */
    Future<JsonObject> submit(Caller caller, String attemptId, JsonObject body) {
        Object answers = body.getValue("answers");
        if (answers != null && !(answers instanceof JsonObject)) {
            return Future.failedFuture(ExamJson.badField("answers", ExamWords.field("answers")));
        }
        return reads.owned(caller, attemptId)
                .compose(a -> {
                    Future<Void> merged = a.status().finished() || answers == null
                            ? Future.succeededFuture()
                            : merge(caller, a, (JsonObject) answers);
                    return merged.compose(v -> store.finalise(
                            a.examId(),
                            attemptId,
                            false,
                            regulation.answerGrace().toMillis(),
                            caller.id()));
                })
                .compose(outcome -> {
                    if ("statement-expired"
                            .equals(outcome[0])) // 5.35: a grade after the statement's end does not count
                    return Future.failedFuture(Refusal.of(
                            StatementRefusal.STATEMENT_EXPIRED,
                            "5.35",
                            java.time.Instant.ofEpochMilli(Long.parseLong(outcome[1]))
                                    .toString()));
                    if (!"held".equals(outcome[0])) return grading.grade(attemptId);
                    return Future.failedFuture(Refusal.of(
                            "approval".equals(outcome[1])
                                    ? ExamRefusal.IDENTITY_PENDING
                                    : ExamRefusal.IDENTITY_REQUIRED));
                })
                .map(result -> new JsonObject()
                        .put("status", result.getString("status"))
                        .put("points", result.getDouble("points"))
                        .put("percent", result.getDouble("percent"))
                        .put("letter", result.getString("letter"))
                        .put("gpa", result.getDouble("gpa"))
                        .put("traditional", result.getString("traditional"))
                        .put("receipt", result.getJsonObject("receipt")));
    }

    private Future<Void> merge(Caller caller, Attempt a, JsonObject answers) {
        Future<Void> chain = Future.succeededFuture();
        for (String qid : answers.fieldNames()) {
            Object v = answers.getValue(qid);
            JsonObject one;
            if (v instanceof JsonObject o) one = o;
            else if (v instanceof JsonArray arr) {
                if (a.answers().containsKey(qid)) continue;
                one = new JsonObject().put("choices", arr).put("seq", 1);
            } else {
                return Future.failedFuture(ExamJson.badField("answers." + qid, ExamWords.field("answer")));
            }
            chain = chain.compose(x -> saves.save(caller, a.id(), qid, one)
                    .<Void>mapEmpty()
                    .recover(err -> err instanceof Refusal r && r.code() == ExamRefusal.ATTEMPT_CLOSED
                            ? Future.succeededFuture()
                            : Future.failedFuture(err)));
        }
        return chain;
    }

    /**
     * Ends the attempt for a violation (6.14: access blocked, recorded as an unexcused absence): the student's
     * page is told at once through the attempt-closed event, and the attempt is graded as zero.
     */
    Future<JsonObject> terminate(String attemptId, String actor, String reason) {
        return store.examOf(attemptId) // issue 14 (2): its exam's work lists are in the script's keys
                .compose(exam -> exam.isEmpty()
                        ? Future.succeededFuture(new String[] {"missing", ""})
                        : store.terminate(exam.get(), attemptId, actor, reason))
                .compose(r -> switch (r[0]) {
                    case "finalised" -> grading.grade(attemptId).map(x -> new JsonObject().put("status", "terminated"));
                    case "already" -> Future.failedFuture(Refusal.of(ExamRefusal.ATTEMPT_CLOSED));
                    default -> Future.failedFuture(AttemptReads.notFound(attemptId));
                });
    }
}
