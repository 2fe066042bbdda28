package kz.emtihan.exam;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.exam.model.Paper;

/** The student's view of an attempt (API.md "Attempts"). Never contains which options are correct. */
final class AttemptJson {
    private AttemptJson() {}

    /**
     * A held attempt (its identity step, 5.17.2) shows no question and no answer, and its clock has not started:
     * {@code deadline} is null, {@code clockStarted} false, and {@code closesAt} the window's close that bounds it.
     */
    static JsonObject forStudent(Attempt a, ExamSnapshot snap, Instant serverTime, boolean held) {
        JsonArray questions = new JsonArray();
        for (Paper.Item item :
                held ? java.util.List.<Paper.Item>of() : a.paper().items()) {
            Question q = snap.byId().get(item.questionId());
            Map<String, String> text = new HashMap<>();
            for (Option o : q.options()) text.put(o.id(), o.text());
            JsonArray options = new JsonArray();
            for (String oid : item.optionOrder())
                options.add(new JsonObject().put("id", oid).put("text", text.get(oid)));
            questions.add(new JsonObject()
                    .put("id", q.id())
                    .put("text", q.text())
                    .put("options", options)
                    .put("multiple", q.multiple()));
        }
        JsonObject answers = new JsonObject();
        JsonObject seqs = new JsonObject();
        a.answers().forEach((qid, ans) -> {
            answers.put(qid, new JsonArray(ans.choices()));
            seqs.put(qid, ans.seq());
        });
        JsonObject o = new JsonObject()
                .put("id", a.id())
                .put("examId", a.examId())
                .put("studentId", a.studentId())
                .put("title", snap.exam().title())
                .put("status", a.status().code())
                .put("startedAt", a.startedAt().toString())
                .put("deadline", held ? null : a.deadline().toString())
                .put("clockStarted", !held)
                .put("closesAt", snap.exam().closesAt().toString())
                .put("serverTime", serverTime.toString())
                .put("questions", questions)
                .put("answers", answers)
                .put("seqs", seqs);
        a.finishedAt().ifPresent(f -> o.put("finishedAt", f.toString()));
        return o;
    }
}
