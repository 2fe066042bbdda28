package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of non-blank lines of a GIFT file: blank lines separate questions. Lines that start with {@code //}
 * (after indentation) are comments; they are kept apart because Moodle writes tags into them. A
 * {@code $CATEGORY:} line is a block of its own wherever it stands, so two category lines in a row, or a category
 * line right above a question, each set the category of what follows and never become question text.
 *
 * @param firstLine the 1-based line number of {@code lines.get(0)}
 */
record GiftBlock(int firstLine, List<String> lines) {
    GiftBlock {
        lines = List.copyOf(lines);
    }

    static final String CATEGORY = "$CATEGORY:";

    static List<GiftBlock> split(String text) {
        String[] all = text.split("\r\n|\r|\n", -1);
        List<GiftBlock> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int start = 1;
        for (int i = 0; i < all.length; i++) {
            if (all[i].isBlank()) {
                if (!current.isEmpty()) blocks.add(new GiftBlock(start, current));
                current = new ArrayList<>();
                start = i + 2;
            } else if (all[i].strip().startsWith(CATEGORY)) {
                if (!current.isEmpty()) blocks.add(new GiftBlock(start, current));
                blocks.add(new GiftBlock(i + 1, List.of(all[i])));
                current = new ArrayList<>();
                start = i + 2;
            } else {
                current.add(all[i]);
            }
        }
        if (!current.isEmpty()) blocks.add(new GiftBlock(start, current));
        return blocks;
    }

    /** The path of a {@code $CATEGORY:} block (escapes still in place), or null for any other block. */
    String category() {
        String first = lines.get(0).strip();
        return lines.size() == 1 && first.startsWith(CATEGORY) ? first.substring(CATEGORY.length()) : null;
    }

    boolean isComment(int index) {
        return lines.get(index).strip().startsWith("//");
    }

    /** The first line at or after {@code from} that is not a comment, or -1. */
    int firstContent(int from) {
        for (int i = from; i < lines.size(); i++) if (!isComment(i)) return i;
        return -1;
    }

    int lineNumber(int index) {
        return firstLine + index;
    }

    /** The lines from {@code from} on, joined with "\n"; comment lines become empty so line numbers still count. */
    String body(int from) {
        List<String> kept = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) kept.add(isComment(i) ? "" : lines.get(i));
        return String.join("\n", kept);
    }

    String comments() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++)
            if (isComment(i)) out.append(lines.get(i).strip()).append('\n');
        return out.toString();
    }
}
