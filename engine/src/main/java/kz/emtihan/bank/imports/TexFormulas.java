package kz.emtihan.bank.imports;

import java.util.Optional;
import kz.emtihan.text.Text;
import org.jsoup.Jsoup;

/**
 * Finds the formulas in a question's text as Moodle's MathJax filter writes them, {@code \( ... \)}, {@code \[
 * ... \]} and {@code $$ ... $$}, and says whether each would render ({@link TexCheck}). The text stays as
 * written: the pages render it with KaTeX. {@code \$} and {@code \\} outside a formula are escapes, not
 * delimiters. A {@code \(} or {@code \[} never closed is a problem too (the student would see raw TeX); a lone
 * {@code $$} is only text (a shell's process id, a price).
 */
final class TexFormulas {
    private static final int SHOWN = 60;

    private TexFormulas() {}

    /** A formula that does not parse: as written (with its delimiters, shortened) and why. */
    record Problem(String formula, Text why) {}

    /** The first formula in safe HTML that would not render, if any. */
    static Optional<Problem> firstProblem(String safeHtml) {
        if (safeHtml.indexOf('\\') < 0 && !safeHtml.contains("$$")) return Optional.empty();
        return firstProblemInText(Jsoup.parseBodyFragment(safeHtml).body().wholeText());
    }

    /** The same for visible text (entities already decoded). */
    static Optional<Problem> firstProblemInText(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            String open = null;
            String close = null;
            if (c == '\\' && i + 1 < n) {
                char d = text.charAt(i + 1);
                if (d == '(') {
                    open = "\\(";
                    close = "\\)";
                } else if (d == '[') {
                    open = "\\[";
                    close = "\\]";
                } else {
                    i += 2; // \$, \\ and other escapes are not delimiters
                    continue;
                }
            } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '$') {
                open = "$$";
                close = "$$";
            }
            if (open == null) {
                i++;
                continue;
            }
            int end = text.indexOf(close, i + 2);
            if (end < 0 && open.equals("$$")) return Optional.empty(); // a lone "$$" is text ("echo $$")
            if (end < 0) {
                return Optional.of(new Problem(
                        shorten(text.substring(i)), ImportTexts.of("tex.unclosed", "open", open, "close", close)));
            }
            String formula = text.substring(i, end + 2);
            Optional<Text> why = TexCheck.check(text.substring(i + 2, end));
            if (why.isPresent()) return Optional.of(new Problem(shorten(formula), why.get()));
            i = end + 2;
        }
        return Optional.empty();
    }

    private static String shorten(String formula) {
        String one = formula.replaceAll("\\s+", " ").strip();
        return one.length() <= SHOWN ? one : one.substring(0, SHOWN - 3) + "...";
    }
}
