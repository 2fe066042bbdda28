package kz.emtihan.exam.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One student's test: the drawn questions in order, each with its options in the student's order.
 * Stored compactly as {@code qid:o1,o2,o3|qid2:...} so a resume returns exactly the same paper.
 */
public record Paper(List<Item> items) {
    /** A drawn question and the order its options are shown in. */
    public record Item(String questionId, List<String> optionOrder) {
        public Item {
            optionOrder = List.copyOf(optionOrder);
        }
    }

    public Paper {
        items = List.copyOf(items);
    }

    public String encode() {
        StringBuilder b = new StringBuilder();
        for (Item i : items) {
            if (b.length() > 0) b.append('|');
            b.append(i.questionId()).append(':').append(String.join(",", i.optionOrder()));
        }
        return b.toString();
    }

    public static Paper decode(String s) {
        List<Item> items = new ArrayList<>();
        if (s == null || s.isEmpty()) return new Paper(items);
        for (String part : s.split("\\|")) {
            int colon = part.indexOf(':');
            items.add(new Item(
                    part.substring(0, colon), List.of(part.substring(colon + 1).split(","))));
        }
        return new Paper(items);
    }

    public boolean has(String questionId) {
        return items.stream().anyMatch(i -> i.questionId().equals(questionId));
    }

    public java.util.Optional<Item> item(String questionId) {
        return items.stream().filter(i -> i.questionId().equals(questionId)).findFirst();
    }
}
