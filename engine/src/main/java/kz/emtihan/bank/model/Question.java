package kz.emtihan.bank.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A bank question as stored. {@code correct} holds the ids of the options its author marked correct (never
 * indexes, so shuffling per student cannot leak it): on a single-answer question the options worth 100%, on a
 * multiple-answer one those worth more than 0. {@code single} is how the author wrote it (one choice, a radio
 * button), not a count of correct options. {@code difficulty} is empty while the question is unclassified
 * (5.23.3: it is then never drawn). {@code shuffle} false keeps the options in the author's order for every
 * student. 7.6: five options, one or more correct.
 */
public record Question(
        String id,
        String text,
        List<Option> options,
        Set<String> correct,
        boolean single,
        Optional<Difficulty> difficulty,
        String topic,
        boolean shuffle,
        Authored authored) {
    public Question {
        options = List.copyOf(options);
        correct = Set.copyOf(correct);
        topic = topic == null ? "" : topic;
        authored = authored == null ? Authored.NONE : authored;
    }

    /**
     * A question as the API has always taken it: the given options are correct, a single-answer question when
     * one is, with the fractions that reproduce the plain reading ({@link #plainFractions}).
     */
    public static Question plain(
            String id, String text, List<Option> options, Set<String> correct, Difficulty difficulty, String topic) {
        boolean single = correct.size() == 1;
        List<Option> weighted = new ArrayList<>();
        for (Option o : options) {
            double f = plainFraction(single, correct.size(), correct.contains(o.id()));
            weighted.add(new Option(o.id(), o.text(), f, o.feedback(), o.fixed()));
        }
        return new Question(id, text, weighted, correct, single, Optional.of(difficulty), topic, true, Authored.NONE);
    }

    /**
     * The fraction an option has when its author only said which options are correct: 100 for the one correct
     * option of a single-answer question; on a multiple-answer question with k correct ones, 100/k for each
     * correct option and -100/k for each wrong one, so picking everything earns nothing.
     */
    public static double plainFraction(boolean single, int correctCount, boolean correct) {
        if (single) return correct ? 100 : 0;
        return (correct ? 100.0 : -100.0) / Math.max(1, correctCount);
    }

    public boolean multiple() {
        return !single;
    }

    public Question withDifficulty(Optional<Difficulty> difficulty) {
        return new Question(id, text, options, correct, single, difficulty, topic, shuffle, authored);
    }

    public Question withAuthored(Authored authored) {
        return new Question(id, text, options, correct, single, difficulty, topic, shuffle, authored);
    }
}
