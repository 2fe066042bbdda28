package kz.emtihan.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import kz.emtihan.bank.model.QuestionDraft;
import kz.emtihan.store.Ids;
import kz.emtihan.text.Text;

/** Question JSON in both directions: the API's draft shape, and the stored shape with option ids. */
public final class QuestionJson {
    private QuestionJson() {}

    /** API shape {@code {"id"?, "text", "options":[..], "correct":[indexes], "difficulty", "topic"?}}; wrong types become problems. */
    static QuestionDraft draft(Object item, List<Text> typeProblems) {
        if (!(item instanceof JsonObject o)) {
            typeProblems.add(BankTexts.problem("question.not-object"));
            return new QuestionDraft(Optional.empty(), "", List.of(), List.of(), Optional.empty(), "");
        }
        Optional<String> id = o.getValue("id") instanceof String s ? Optional.of(s) : Optional.empty();
        if (o.containsKey("id") && id.isEmpty()) typeProblems.add(BankTexts.problem("question.id-type"));
        String text = o.getValue("text") instanceof String s ? s : "";
        List<String> options = new ArrayList<>();
        if (o.getValue("options") instanceof JsonArray arr) {
            for (Object v : arr) options.add(v instanceof String s ? s : "");
        } else {
            typeProblems.add(BankTexts.problem("question.options-type"));
        }
        List<Integer> correct = new ArrayList<>();
        if (o.getValue("correct") instanceof JsonArray arr) {
            for (Object v : arr) {
                if (v instanceof Integer i) correct.add(i);
                else
                    typeProblems.add(
                            BankTexts.problem("question.correct-index", "last", Math.max(0, options.size() - 1)));
            }
        } else {
            typeProblems.add(BankTexts.problem("question.correct-type"));
        }
        Optional<Difficulty> difficulty = Difficulty.fromCode(o.getValue("difficulty") instanceof String s ? s : null);
        String topic = o.getValue("topic") instanceof String s ? s : "";
        return new QuestionDraft(id, text, options, correct, difficulty, topic);
    }

    /** Gives a valid draft its stored form: an id, and a random id per option. */
    static Question toQuestion(QuestionDraft d) {
        Set<String> used = new LinkedHashSet<>();
        List<Option> options = new ArrayList<>();
        for (String text : d.options()) {
            String oid;
            do {
                oid = Ids.random(6);
            } while (!used.add(oid));
            options.add(new Option(oid, text));
        }
        Set<String> correct = new LinkedHashSet<>();
        for (int i : d.correct()) correct.add(options.get(i).id());
        return new Question(
                d.id().orElseGet(() -> Ids.prefixed("q")),
                d.text(),
                options,
                correct,
                d.difficulty().orElseThrow(),
                d.topic());
    }

    public static JsonObject stored(Question q) {
        JsonArray options = new JsonArray();
        q.options().forEach(o -> options.add(new JsonObject().put("id", o.id()).put("text", o.text())));
        return new JsonObject()
                .put("id", q.id())
                .put("text", q.text())
                .put("options", options)
                .put("correct", new JsonArray(new ArrayList<>(q.correct())))
                .put("difficulty", q.difficulty().code())
                .put("topic", q.topic());
    }

    public static Question fromStored(String json) {
        JsonObject o = new JsonObject(json);
        List<Option> options = new ArrayList<>();
        for (Object v : o.getJsonArray("options")) {
            JsonObject opt = (JsonObject) v;
            options.add(new Option(opt.getString("id"), opt.getString("text")));
        }
        Set<String> correct = new LinkedHashSet<>();
        for (Object v : o.getJsonArray("correct")) correct.add((String) v);
        return new Question(
                o.getString("id"),
                o.getString("text"),
                options,
                correct,
                Difficulty.fromCode(o.getString("difficulty")).orElseThrow(),
                o.getString("topic", ""));
    }

    /** The teacher's view: options in bank order with their ids, correct as indexes as they were sent. */
    static JsonObject forTeacher(Question q) {
        JsonArray correct = new JsonArray();
        for (int i = 0; i < q.options().size(); i++)
            if (q.correct().contains(q.options().get(i).id())) correct.add(i);
        return new JsonObject()
                .put("id", q.id())
                .put("text", q.text())
                .put(
                        "options",
                        new JsonArray(q.options().stream().map(Option::text).toList()))
                .put("correct", correct)
                .put("difficulty", q.difficulty().code())
                .put("topic", q.topic());
    }
}
