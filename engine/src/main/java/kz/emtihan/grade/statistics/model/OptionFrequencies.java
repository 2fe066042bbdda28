package kz.emtihan.grade.statistics.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;

/**
 * How often each option of a question was chosen (Moodle's response analysis for a multiple-choice question), in the
 * bank's option order, with which options are correct. On a multiple-answer question a student may choose several, so
 * the counts may add up to more than the attempts; {@code blank} counts the attempts that chose nothing.
 */
public record OptionFrequencies(String questionId, int attempts, List<Count> options, int blank) {
    /** One option: how many attempts chose it, and whether its author marked it correct. */
    public record Count(String optionId, int chosen, boolean correct, double fraction) {
        /** The share of the attempts that chose it, in percent. */
        public double percent(int attempts) {
            return attempts == 0 ? 0 : 100.0 * chosen / attempts;
        }
    }

    public OptionFrequencies {
        options = List.copyOf(options);
    }

    /** @param choices what each attempt that had the question chose */
    public static OptionFrequencies of(Question q, Collection<Set<String>> choices) {
        List<Count> counts = new ArrayList<>();
        for (Option o : q.options()) {
            int n = 0;
            for (Set<String> c : choices) if (c.contains(o.id())) n++;
            counts.add(new Count(o.id(), n, q.correct().contains(o.id()), o.fraction()));
        }
        int blank = 0;
        for (Set<String> c : choices) if (c.isEmpty()) blank++;
        return new OptionFrequencies(q.id(), choices.size(), counts, blank);
    }
}
