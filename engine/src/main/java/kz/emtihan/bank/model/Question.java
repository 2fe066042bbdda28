package kz.emtihan.bank.model;

import java.util.List;
import java.util.Set;

/**
 * A bank question as stored. {@code correct} holds option ids (never indexes, so shuffling per student
 * cannot leak it). {@code topic} may be empty. 7.6: five options, one or more correct.
 */
public record Question(
        String id, String text, List<Option> options, Set<String> correct, Difficulty difficulty, String topic) {
    public Question {
        options = List.copyOf(options);
        correct = Set.copyOf(correct);
        topic = topic == null ? "" : topic;
    }

    public boolean multiple() {
        return correct.size() > 1;
    }
}
