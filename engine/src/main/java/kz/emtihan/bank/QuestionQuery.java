package kz.emtihan.bank;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;

/**
 * Which of a bank's questions a teacher asks for (issue 12, 7: a 5,000-question bank is read a page at a time):
 * a topic (exactly; "" is the questions without one), a difficulty or {@code unclassified} (5.23.3), words that
 * must all occur, case-insensitively, in the question's plain text, its options, name, idnumber, tags or id, and
 * a window {@code offset}/{@code limit} over the matching questions in bank order.
 *
 * @param difficulty empty: any; {@code Optional.of(Optional.empty())}: the unclassified ones
 * @param limit how many to return at most; {@link Integer#MAX_VALUE} for all
 */
public record QuestionQuery(
        Optional<String> topic, Optional<Optional<Difficulty>> difficulty, List<String> terms, int offset, int limit) {
    public static final int MAX_LIMIT = 500;
    public static final int MAX_TEXT = 200;
    public static final QuestionQuery ALL =
            new QuestionQuery(Optional.empty(), Optional.empty(), List.of(), 0, Integer.MAX_VALUE);
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0]+");

    public QuestionQuery {
        terms = List.copyOf(terms);
    }

    /** The matching questions, counted before the window is applied. */
    public record Page(int total, List<Numbered> items) {}

    /** A question with its 1-based place in the whole bank (the number a teacher sees). */
    public record Numbered(int number, Question question) {}

    /**
     * Reads the query parameters ({@code param} gives null for an absent one); {@code defaultLimit} applies when no
     * {@code limit} is given. A value out of range is a 400 {@code bad-field} naming the parameter.
     */
    public static QuestionQuery parse(Function<String, String> param, int defaultLimit) {
        Optional<String> topic = Optional.ofNullable(param.apply("topic"));
        Optional<Optional<Difficulty>> difficulty = Optional.empty();
        String d = param.apply("difficulty");
        if (d != null && !d.isEmpty()) {
            if (d.equals("unclassified")) difficulty = Optional.of(Optional.empty());
            else
                difficulty = Optional.of(Optional.of(Difficulty.fromCode(d)
                        .orElseThrow(() -> Refusal.of(
                                CommonRefusal.BAD_FIELD,
                                "difficulty",
                                FieldProblem.oneOf("easy, medium, hard, unclassified")))));
        }
        String q = Optional.ofNullable(param.apply("q")).orElse("");
        if (q.length() > MAX_TEXT) throw Refusal.of(CommonRefusal.BAD_FIELD, "q", FieldProblem.tooLong(MAX_TEXT));
        int offset = number(param.apply("offset"), "offset", 0, 0, Integer.MAX_VALUE);
        int limit = number(param.apply("limit"), "limit", defaultLimit, 1, MAX_LIMIT);
        return new QuestionQuery(topic, difficulty, terms(q), offset, limit);
    }

    private static int number(String value, String field, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) return fallback;
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) return (int) n;
        } catch (NumberFormatException e) {
            // said below
        }
        throw Refusal.of(CommonRefusal.BAD_FIELD, field, FieldProblem.between(min, max));
    }

    /** The words of a search, each folded as {@link #fold} folds the text it is looked for in. */
    static List<String> terms(String q) {
        String folded = fold(q).trim();
        if (folded.isEmpty()) return List.of();
        return Arrays.stream(SPACE.split(folded)).distinct().toList();
    }

    /** The same query without its window: every matching question (classifying "all that match"). */
    public QuestionQuery unwindowed() {
        return new QuestionQuery(topic, difficulty, terms, 0, Integer.MAX_VALUE);
    }

    public boolean matches(Question q) {
        return matches(q, QuestionQuery::haystack);
    }

    /** {@code haystacks} gives what {@link #haystack} would (a caller may have it already). */
    boolean matches(Question q, Function<Question, String> haystacks) {
        if (topic.isPresent() && !topic.get().equals(q.topic())) return false;
        if (difficulty.isPresent() && !difficulty.get().equals(q.difficulty())) return false;
        if (terms.isEmpty()) return true;
        String haystack = haystacks.apply(q);
        for (String term : terms) if (!haystack.contains(term)) return false;
        return true;
    }

    /** Applies the query to a bank's questions in bank order. */
    public Page apply(List<Question> inOrder) {
        return apply(inOrder, QuestionQuery::haystack);
    }

    Page apply(List<Question> inOrder, Function<Question, String> haystacks) {
        List<Numbered> window = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < inOrder.size(); i++) {
            Question q = inOrder.get(i);
            if (!matches(q, haystacks)) continue;
            if (total >= offset && window.size() < limit) window.add(new Numbered(i + 1, q));
            total++;
        }
        return new Page(total, window);
    }

    /** What a search looks in: the plain text of the question and its options, name, idnumber, tags and id. */
    static String haystack(Question q) {
        StringBuilder b = new StringBuilder(q.text().length() + 64 * q.options().size());
        plain(q.text(), b);
        for (Option o : q.options()) plain(o.text(), b.append('\n'));
        b.append('\n').append(q.authored().name());
        b.append('\n').append(q.authored().idNumber());
        for (String tag : q.authored().tags()) b.append('\n').append(tag);
        b.append('\n').append(q.id());
        return fold(b.toString());
    }

    /** Question HTML as the words a reader sees: tags dropped (each a space), the common entities read. */
    static String plain(String html) {
        return plain(html, new StringBuilder()).toString();
    }

    private static StringBuilder plain(String html, StringBuilder out) {
        if (html == null) return out;
        int start = out.length();
        boolean inTag = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (inTag) {
                if (c == '>') inTag = false;
            } else if (c == '<') {
                inTag = true;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        if (out.indexOf("&", start) < 0) return out;
        String text = out.substring(start)
                .replace("&nbsp;", " ")
                .replace("&#160;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
        out.setLength(start);
        return out.append(text);
    }

    /**
     * Case and form folded for comparison: NFC (a letter typed as base + combining mark equals the precomposed one)
     * and lower case by Unicode's rules (Cyrillic and Kazakh letters included). White space is left as it is: the
     * words of a search hold none.
     */
    static String fold(String text) {
        String n = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        return n.toLowerCase(Locale.ROOT);
    }
}
