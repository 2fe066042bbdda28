package kz.emtihan.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.bank.model.Authored;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import kz.emtihan.bank.model.QuestionDraft;
import kz.emtihan.bank.model.QuestionDraft.DraftOption;
import kz.emtihan.store.Ids;
import kz.emtihan.text.Text;

/** Question JSON in both directions: the API's draft shape, and the stored shape with option ids. */
public final class QuestionJson {
    private QuestionJson() {}

    /**
     * API shape {@code {"id"?, "text", "options":[..], "correct":[indexes], "difficulty", "topic"?}}, and what a
     * file's author may add: {@code "single"} (one choice; default: one correct index), {@code "fractions"} (one
     * per option, percent; then {@code correct} may be left out, and if given must match), {@code "shuffle"},
     * {@code "fixed"} (indexes of options that keep their place), {@code "feedback"}, {@code "optionFeedback"},
     * {@code "name"}, {@code "idnumber"}, {@code "tags"}. Wrong types become problems.
     */
    static QuestionDraft draft(Object item, List<Text> typeProblems) {
        if (!(item instanceof JsonObject o)) {
            typeProblems.add(BankTexts.problem("question.not-object"));
            return QuestionDraft.plain(Optional.empty(), "", List.of(), List.of(), Optional.empty(), "");
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
        List<Integer> correct = indexes(o, "correct", options.size(), !o.containsKey("fractions"), typeProblems);
        Optional<Difficulty> difficulty = Difficulty.fromCode(o.getValue("difficulty") instanceof String s ? s : null);
        String topic = o.getValue("topic") instanceof String s ? s : "";
        QuestionDraft plain = QuestionDraft.plain(id, text, options, correct, difficulty, topic);
        if (new HashSet<>(correct).size() != correct.size())
            typeProblems.add(BankTexts.problem("question.correct-repeated"));
        boolean single = o.getValue("single") instanceof Boolean b ? b : plain.single();
        List<Double> fractions = fractions(o, options.size(), typeProblems);
        List<Integer> fixed = indexes(o, "fixed", options.size(), false, typeProblems);
        List<String> feedback = strings(o.getValue("optionFeedback"));
        List<DraftOption> drafted = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            double f = fractions.isEmpty()
                    ? Question.plainFraction(single, new HashSet<>(correct).size(), correct.contains(i))
                    : fractions.get(i);
            drafted.add(
                    new DraftOption(options.get(i), f, i < feedback.size() ? feedback.get(i) : "", fixed.contains(i)));
        }
        Authored authored = new Authored(
                string(o, "name"), string(o, "idnumber"), strings(o.getValue("tags")), string(o, "feedback"), 0);
        QuestionDraft d = new QuestionDraft(
                id,
                text,
                drafted,
                single,
                difficulty,
                topic,
                !(o.getValue("shuffle") instanceof Boolean b) || b,
                authored);
        if (o.containsKey("fractions")
                && o.containsKey("correct")
                && !d.correct().equals(correct.stream().sorted().toList()))
            typeProblems.add(BankTexts.problem("question.correct-fractions"));
        return d;
    }

    private static List<Integer> indexes(
            JsonObject o, String field, int options, boolean required, List<Text> typeProblems) {
        List<Integer> out = new ArrayList<>();
        Object value = o.getValue(field);
        if (value == null && !required) return out;
        if (value instanceof JsonArray arr) {
            for (Object v : arr) {
                if (v instanceof Integer i && i >= 0 && i < options) out.add(i);
                else typeProblems.add(BankTexts.problem("question.correct-index", "last", Math.max(0, options - 1)));
            }
        } else {
            typeProblems.add(BankTexts.problem("question.correct-type"));
        }
        return out;
    }

    private static List<Double> fractions(JsonObject o, int options, List<Text> typeProblems) {
        Object value = o.getValue("fractions");
        if (value == null) return List.of();
        List<Double> out = new ArrayList<>();
        if (value instanceof JsonArray arr && arr.size() == options) {
            for (Object v : arr) out.add(v instanceof Number n ? n.doubleValue() : Double.NaN);
            return out;
        }
        typeProblems.add(BankTexts.problem("question.fractions-type"));
        return List.of();
    }

    private static String string(JsonObject o, String field) {
        return o.getValue(field) instanceof String s ? s : "";
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray arr) for (Object v : arr) out.add(v instanceof String s ? s : "");
        return out;
    }

    /** Gives a valid draft its stored form: an id, a random id per option, and its place in the bank. */
    static Question toQuestion(QuestionDraft d, long order) {
        Set<String> used = new LinkedHashSet<>();
        List<String> optionIds = new ArrayList<>();
        for (int i = 0; i < d.options().size(); i++) {
            String oid;
            do {
                oid = Ids.random(6);
            } while (!used.add(oid));
            optionIds.add(oid);
        }
        return withIds(d, d.id().orElseGet(() -> Ids.prefixed("q")), optionIds, order);
    }

    /** The draft as a stored question with the given ids (one per option, in order) and place in the bank. */
    static Question withIds(QuestionDraft d, String id, List<String> optionIds, long order) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < d.options().size(); i++) {
            DraftOption o = d.options().get(i);
            options.add(new Option(optionIds.get(i), o.text(), o.fraction(), o.feedback(), o.fixed()));
        }
        Set<String> correct = new LinkedHashSet<>();
        for (int i : d.correct()) correct.add(optionIds.get(i));
        return new Question(
                id,
                d.text(),
                options,
                correct,
                d.single(),
                d.difficulty(),
                d.topic(),
                d.shuffle(),
                d.authored().withOrder(order));
    }

    public static JsonObject stored(Question q) {
        JsonArray options = new JsonArray();
        for (Option o : q.options()) {
            JsonObject option =
                    new JsonObject().put("id", o.id()).put("text", o.text()).put("fraction", o.fraction());
            if (!o.feedback().isEmpty()) option.put("feedback", o.feedback());
            if (o.fixed()) option.put("fixed", true);
            options.add(option);
        }
        Authored a = q.authored();
        JsonObject out = new JsonObject()
                .put("id", q.id())
                .put("text", q.text())
                .put("options", options)
                .put("correct", new JsonArray(new ArrayList<>(q.correct())))
                .put("single", q.single())
                .put("difficulty", q.difficulty().map(Difficulty::code).orElse(null))
                .put("topic", q.topic())
                .put("shuffle", q.shuffle())
                .put("order", a.order());
        if (!a.name().isEmpty()) out.put("name", a.name());
        if (!a.idNumber().isEmpty()) out.put("idnumber", a.idNumber());
        if (!a.tags().isEmpty()) out.put("tags", new JsonArray(a.tags()));
        if (!a.feedback().isEmpty()) out.put("feedback", a.feedback());
        return out;
    }

    /** The stored shape; a question stored before fractions existed reads as {@link Question#plain} made it. */
    public static Question fromStored(String json) {
        JsonObject o = new JsonObject(json);
        Set<String> correct = new LinkedHashSet<>();
        for (Object v : o.getJsonArray("correct")) correct.add((String) v);
        boolean single = o.getBoolean("single", correct.size() == 1);
        List<Option> options = new ArrayList<>();
        for (Object v : o.getJsonArray("options")) {
            JsonObject opt = (JsonObject) v;
            String id = opt.getString("id");
            Double fraction = opt.getDouble("fraction");
            options.add(new Option(
                    id,
                    opt.getString("text"),
                    fraction != null ? fraction : Question.plainFraction(single, correct.size(), correct.contains(id)),
                    opt.getString("feedback", ""),
                    opt.getBoolean("fixed", false)));
        }
        Authored authored = new Authored(
                o.getString("name", ""),
                o.getString("idnumber", ""),
                strings(o.getValue("tags")),
                o.getString("feedback", ""),
                o.getLong("order", 0L));
        return new Question(
                o.getString("id"),
                o.getString("text"),
                options,
                correct,
                single,
                Difficulty.fromCode(o.getString("difficulty")),
                o.getString("topic", ""),
                o.getBoolean("shuffle", true),
                authored);
    }

    /** The teacher's view: options in bank order, correct as indexes as they were sent, with all the author wrote. */
    static JsonObject forTeacher(Question q) {
        JsonObject out = stored(q);
        JsonArray correct = new JsonArray();
        JsonArray options = new JsonArray();
        JsonArray fractions = new JsonArray();
        JsonArray optionFeedback = new JsonArray();
        JsonArray fixed = new JsonArray();
        for (int i = 0; i < q.options().size(); i++) {
            Option o = q.options().get(i);
            if (q.correct().contains(o.id())) correct.add(i);
            options.add(o.text());
            fractions.add(o.fraction());
            optionFeedback.add(o.feedback());
            if (o.fixed()) fixed.add(i);
        }
        return out.put("options", options)
                .put("correct", correct)
                .put("fractions", fractions)
                .put("optionFeedback", optionFeedback)
                .put("fixed", fixed);
    }

    /** Question and option text is HTML everywhere; text sent as JSON passes the importers' allow-list too. */
    static QuestionDraft sanitised(QuestionDraft d) {
        java.util.List<QuestionDraft.DraftOption> options = d.options().stream()
                .map(o -> new QuestionDraft.DraftOption(
                        kz.emtihan.bank.imports.QuestionHtml.sanitise(o.text()),
                        o.fraction(),
                        kz.emtihan.bank.imports.QuestionHtml.sanitise(o.feedback()),
                        o.fixed()))
                .toList();
        kz.emtihan.bank.model.Authored a = d.authored();
        return new QuestionDraft(
                d.id(),
                kz.emtihan.bank.imports.QuestionHtml.sanitise(d.text()),
                options,
                d.single(),
                d.difficulty(),
                d.topic(),
                d.shuffle(),
                new kz.emtihan.bank.model.Authored(
                        a.name(),
                        a.idNumber(),
                        a.tags(),
                        kz.emtihan.bank.imports.QuestionHtml.sanitise(a.feedback()),
                        a.order()));
    }
}
