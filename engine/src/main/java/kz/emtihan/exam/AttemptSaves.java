package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.auth.Caller;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.model.Paper;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.statement.model.StatementRefusal;

/**
 * Autosave (5.20.3): one answer at a time, acknowledged only once Redis has it. The hot path of an exam: one Lua call
 * per save (save-answer.lua decides store / already / closed on the store's clock), the attempt's unchanging parts
 * cached on this node.
 */
final class AttemptSaves {
    private static final int META_CACHE_LIMIT = 200_000;
    private final Exams exams;
    private final AttemptStore store;
    private final Regulation regulation;
    /** Immutable parts of attempts this node has seen, so that a save costs one Lua call, not three reads. */
    private final Map<String, Future<AttemptStore.Meta>> metas = new ConcurrentHashMap<>();

    AttemptSaves(Exams exams, AttemptStore store, Regulation regulation) {
        this.exams = exams;
        this.store = store;
        this.regulation = regulation;
    }

    /** A stale seq is answered with the stored seq and changes nothing. */
    Future<JsonObject> save(Caller caller, String attemptId, String questionId, JsonObject body) {
        Object seqValue = body.getValue("seq");
        if (!(seqValue instanceof Number n) || n.longValue() < 1 || n.doubleValue() != n.longValue()) {
            return Future.failedFuture(ExamJson.badField("seq", ExamWords.field("seq")));
        }
        long seq = n.longValue();
        if (!(body.getValue("choices") instanceof JsonArray arr)) {
            return Future.failedFuture(ExamJson.badField("choices", ExamWords.field("choices")));
        }
        return meta(attemptId)
                .compose(m -> {
                    if (!m.studentId().equals(caller.id())) return Future.failedFuture(AttemptReads.notYours());
                    return exams.snapshot(m.examId()).compose(snap -> {
                        List<String> choices = choices(m.paper(), snap, questionId, arr);
                        return store.save(
                                attemptId,
                                m.examId(),
                                questionId,
                                seq,
                                choices,
                                regulation.answerGrace().toMillis());
                    });
                })
                .map(saved -> switch (saved.outcome()) {
                    case "stored", "already" ->
                        new JsonObject().put("savedAt", saved.at().toString()).put("seq", saved.seq());
                    case "closed" -> throw Refusal.of(ExamRefusal.ATTEMPT_CLOSED);
                    case "statement-expired" -> // 5.35: a grade after the statement's end does not count
                        throw Refusal.of(
                                StatementRefusal.STATEMENT_EXPIRED,
                                "5.35",
                                java.time.Instant.ofEpochMilli(saved.seq()).toString());
                    case "held-identity" -> throw Refusal.of(ExamRefusal.IDENTITY_REQUIRED);
                    case "held-approval" -> throw Refusal.of(ExamRefusal.IDENTITY_PENDING);
                    default -> throw AttemptReads.notFound(attemptId);
                });
    }

    private Future<AttemptStore.Meta> meta(String attemptId) {
        if (metas.size() > META_CACHE_LIMIT) metas.clear();
        Future<AttemptStore.Meta> f = metas.computeIfAbsent(
                attemptId, id -> store.meta(id).map(m -> m.orElseThrow(() -> AttemptReads.notFound(id))));
        return f.recover(err -> {
            metas.remove(attemptId, f);
            return Future.failedFuture(err);
        });
    }

    /** 400 for a question not on this paper or an option not of this question. */
    private static List<String> choices(Paper paper, ExamSnapshot snap, String questionId, JsonArray arr) {
        Paper.Item item =
                paper.item(questionId).orElseThrow(() -> Refusal.of(ExamRefusal.UNKNOWN_QUESTION, questionId));
        List<String> out = new ArrayList<>();
        for (Object v : arr) {
            if (!(v instanceof String s) || !item.optionOrder().contains(s)) {
                throw Refusal.of(ExamRefusal.UNKNOWN_OPTION, String.valueOf(v), questionId);
            }
            if (!out.contains(s)) out.add(s);
        }
        if (out.size() > 1 && !snap.byId().get(questionId).multiple()) {
            throw Refusal.of(ExamRefusal.SINGLE_ANSWER, questionId);
        }
        return out;
    }
}
