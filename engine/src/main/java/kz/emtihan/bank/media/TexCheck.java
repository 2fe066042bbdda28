package kz.emtihan.bank.media;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.emtihan.text.Text;
import org.jsoup.Jsoup;

/**
 * Formulas as Moodle's MathJax filter writes them: {@code \( ... \)}, {@code \[ ... \]}, {@code $$ ... $$}. The page
 * renders them with KaTeX and shows the source of one it cannot; at import, this says which formulas will not render
 * for a reason visible without a TeX engine: a delimiter never closed, unbalanced braces, {@code \left} without
 * {@code \right}, an environment not ended. The question is kept; the note names the formula.
 */
public final class TexCheck {
    private static final Pattern ENVIRONMENT = Pattern.compile("\\\\(begin|end)\\s*\\{([^}]*)}");
    private static final Pattern LEFT = Pattern.compile("\\\\left(?![a-zA-Z])");
    private static final Pattern RIGHT = Pattern.compile("\\\\right(?![a-zA-Z])");
    private static final int SHOWN = 60;

    private TexCheck() {}

    /** The doubtful formulas of these HTML texts, each said once. */
    public static List<Text> doubts(List<String> htmls) {
        List<Text> out = new ArrayList<>();
        for (String html : htmls) {
            if (html == null || !(html.contains("\\(") || html.contains("\\[") || html.contains("$$"))) continue;
            String s = Jsoup.parseBodyFragment(html).body().wholeText();
            int at = 0;
            while (true) {
                int[] open = nextOpen(s, at);
                if (open == null) break;
                String opener = s.substring(open[0], open[0] + 2);
                String closer = opener.equals("$$") ? "$$" : opener.equals("\\(") ? "\\)" : "\\]";
                int end = s.indexOf(closer, open[0] + 2);
                if (end < 0) {
                    out.add(ImportMedia.text("tex.unclosed", "open", opener, "formula", shown(s.substring(open[0]))));
                    break;
                }
                String tex = s.substring(open[0] + 2, end);
                if (!balanced(tex))
                    out.add(ImportMedia.text("tex.unbalanced", "formula", shown(opener + tex + closer)));
                at = end + 2;
            }
        }
        return out;
    }

    /** Braces, {@code \left}/{@code \right} and environments in pairs. */
    static boolean balanced(String tex) {
        int depth = 0;
        for (int i = 0; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (c == '\\') {
                i++; // \{ \} \\ are no group
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        if (depth != 0 || count(LEFT, tex) != count(RIGHT, tex)) return false;
        Deque<String> open = new ArrayDeque<>();
        Matcher m = ENVIRONMENT.matcher(tex);
        while (m.find()) {
            if (m.group(1).equals("begin")) open.push(m.group(2).strip());
            else if (open.isEmpty() || !open.pop().equals(m.group(2).strip())) return false;
        }
        return open.isEmpty();
    }

    private static int[] nextOpen(String s, int from) {
        int best = -1;
        for (String o : new String[] {"\\(", "\\[", "$$"}) {
            int i = s.indexOf(o, from);
            while (i > 0 && o.charAt(0) == '\\' && s.charAt(i - 1) == '\\')
                i = s.indexOf(o, i + 1); // \\( is a line break
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best < 0 ? null : new int[] {best};
    }

    private static int count(Pattern p, String s) {
        int n = 0;
        Matcher m = p.matcher(s);
        while (m.find()) n++;
        return n;
    }

    private static String shown(String formula) {
        String f = formula.strip().replaceAll("\\s+", " ");
        return f.length() <= SHOWN ? f : f.substring(0, SHOWN) + "...";
    }
}
