package kz.emtihan.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import kz.emtihan.bank.model.QuestionDraft;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Problem;
import kz.emtihan.store.Ids;
import kz.emtihan.text.Text;

/**
 * Editing one question in place (PATCH): the fields sent replace the question's, everything else stays as it is,
 * and the result must be a question POST would take, except that it may stay (or become) unclassified (5.23.3).
 *
 * <p>The question keeps its id and its place in the bank. Its options keep their ids when their number stays the
 * same (only texts, fractions, feedback changed: option i keeps option i's id); when options are added or removed
 * an option whose text is unchanged keeps its id and the others get new ones. Exams already scheduled are not
 * touched: each froze its own copy of the questions (ExamSnapshot).
 */
final class QuestionPatch {
    /** The fields of QuestionInput a patch may carry, with the JSON type each must have. */
    private static final Map<String, Class<?>> FIELDS = Map.ofEntries(
            Map.entry("text", String.class),
            Map.entry("options", JsonArray.class),
            Map.entry("correct", JsonArray.class),
            Map.entry("single", Boolean.class),
            Map.entry("fractions", JsonArray.class),
            Map.entry("shuffle", Boolean.class),
            Map.entry("fixed", JsonArray.class),
            Map.entry("feedback", String.class),
            Map.entry("optionFeedback", JsonArray.class),
            Map.entry("name", String.class),
            Map.entry("idnumber", String.class),
            Map.entry("tags", JsonArray.class),
            Map.entry("difficulty", String.class),
            Map.entry("topic", String.class));

    private QuestionPatch() {}

    /** The merged draft, or the problems (each naming its field) that make the patch unusable. */
    record Result(QuestionDraft draft, List<Problem> problems) {}

    static Result apply(Question current, JsonObject patch) {
        List<Problem> problems = new ArrayList<>();
        for (String field : patch.fieldNames()) {
            Object value = patch.getValue(field);
            if (field.equals("id")) {
                if (!current.id().equals(value)) problems.add(Problem.field("id", BankTexts.problem("patch.id")));
            } else if (!FIELDS.containsKey(field)) {
                problems.add(Problem.field(field, BankTexts.problem("patch.unknown-field")));
            } else if (field.equals("difficulty") && value == null) {
                continue; // null: unclassified (5.23.3)
            } else if (!FIELDS.get(field).isInstance(value)) {
                problems.add(Problem.field(field, BankTexts.problem("patch.type")));
            } else if (field.equals("difficulty")
                    && Difficulty.fromCode((String) value).isEmpty()) {
                problems.add(Problem.field(field, FieldProblem.oneOf("easy, medium, hard")));
            }
        }
        if (!problems.isEmpty()) return new Result(null, problems);
        JsonObject merged = QuestionJson.forTeacher(current);
        merged.remove("order");
        merged.remove("id");
        int before = current.options().size();
        int after = patch.getValue("options") instanceof JsonArray a ? a.size() : before;
        boolean plainAnswer = patch.containsKey("correct") && !patch.containsKey("fractions");
        if (plainAnswer) {
            merged.remove("fractions"); // the plain shape: fractions follow from correct
            if (!patch.containsKey("single")) merged.remove("single");
        }
        if (patch.containsKey("fractions") && !patch.containsKey("correct")) merged.remove("correct");
        if (after != before) { // per-option lists of the old options no longer fit: the caller sends them anew
            for (String perOption : List.of("fractions", "correct", "optionFeedback", "fixed"))
                if (!patch.containsKey(perOption)) merged.remove(perOption);
        }
        patch.forEach(e -> merged.put(e.getKey(), e.getValue()));
        List<Text> found = new ArrayList<>();
        QuestionDraft draft = QuestionJson.draft(merged, found);
        found.addAll(draft.problems(false)); // an unclassified question may stay so (5.23.3)
        for (Text t : found) problems.add(Problem.field("question", t));
        return new Result(draft, problems);
    }

    /** The edited question: same id and place, option ids kept as the class comment says. */
    static Question question(Question current, QuestionDraft d) {
        List<String> ids = new ArrayList<>();
        if (d.options().size() == current.options().size()) {
            for (Option o : current.options()) ids.add(o.id());
        } else {
            Set<String> used = new HashSet<>();
            for (QuestionDraft.DraftOption o : d.options()) {
                String kept = current.options().stream()
                        .filter(c -> c.text().equals(o.text()) && !used.contains(c.id()))
                        .map(Option::id)
                        .findFirst()
                        .orElse(null);
                if (kept != null) used.add(kept);
                ids.add(kept);
            }
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i) != null) continue;
                String fresh;
                do {
                    fresh = Ids.random(6);
                } while (!used.add(fresh));
                ids.set(i, fresh);
            }
        }
        return QuestionJson.withIds(d, current.id(), ids, current.authored().order());
    }
}
