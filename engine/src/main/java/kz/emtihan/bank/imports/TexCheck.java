package kz.emtihan.bank.imports;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.text.Text;

/**
 * Whether the TeX of one formula (between its delimiters) would render with KaTeX: the structural faults KaTeX
 * refuses, checked on the server so an import can report them. Braces balance; {@code \left}/{@code \right} pair
 * up and are followed by delimiters; {@code \begin}/{@code \end} pair up and name an environment KaTeX knows;
 * {@code ^}, {@code _} and commands such as {@code \frac} have their arguments; no double superscript; {@code &}
 * only inside an environment. Unknown commands are not refused (a page may define macros): this errs on the side
 * of accepting what KaTeX accepts. The content of {@code \text{...}} is only brace-checked.
 */
final class TexCheck {
    private static final Set<String> DELIMITERS = words("( ) [ ] < > / | . \\{ \\} \\| \\langle \\rangle"
            + " \\lfloor \\rfloor \\lceil \\rceil \\vert \\Vert \\lvert \\rvert \\lVert \\rVert \\backslash"
            + " \\uparrow \\downarrow \\updownarrow \\Uparrow \\Downarrow \\Updownarrow \\lgroup \\rgroup"
            + " \\lmoustache \\rmoustache \\ulcorner \\urcorner \\llcorner \\lrcorner \\llbracket"
            + " \\rrbracket \\lBrace \\rBrace \\lt \\gt \\lbrack \\rbrack \\lbrace \\rbrace \\surd"
            + " \\arrowvert \\Arrowvert \\bracevert");
    /** KaTeX's environments. */
    private static final Set<String> ENVIRONMENTS = words("matrix matrix* pmatrix pmatrix* bmatrix bmatrix*"
            + " Bmatrix Bmatrix* vmatrix vmatrix* Vmatrix Vmatrix* smallmatrix array darray subarray cases dcases"
            + " rcases drcases aligned alignedat gathered split align align* alignat alignat* gather gather*"
            + " equation equation* CD multline multline*");

    private static final Map<String, Integer> ARGUMENTS = arguments();
    /** Commands whose argument is text, not math. */
    private static final Set<String> TEXT = words("\\text \\textrm \\textbf \\textit \\textsf \\texttt"
            + " \\textnormal \\textup \\textmd \\mbox \\hbox \\emph");

    private static final Set<String> END_OF_ARGUMENT = words("} & \\\\ \\right \\end ^ _");

    private TexCheck() {}

    /** Why the formula would not render, or empty when it would. */
    static Optional<Text> check(String tex) {
        List<String> tokens = tokens(tex);
        Deque<String> open = new ArrayDeque<>(); // "{", "\left", or "\begin{name}"
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            Optional<Text> why = switch (t) {
                case "{" -> push(open, "{");
                case "}" -> close(open);
                case "\\left" -> delimiter(tokens, i, t).or(() -> push(open, "\\left"));
                case "\\middle" ->
                    delimiter(tokens, i, t)
                            .or(() -> open.contains("\\left")
                                    ? Optional.empty()
                                    : Optional.of(ImportTexts.of("tex.middle-outside")));
                case "\\right" -> delimiter(tokens, i, t).or(() -> right(open));
                case "\\begin" -> begin(tokens, i, open);
                case "\\end" -> end(tokens, i, open);
                case "&" ->
                    open.stream().anyMatch(o -> o.startsWith("\\begin"))
                            ? Optional.empty()
                            : Optional.of(ImportTexts.of("tex.ampersand"));
                case "^", "_" -> script(tokens, i);
                default -> arguments(tokens, i, t);
            };
            if (why.isPresent()) return why;
            if (TEXT.contains(t) && i + 1 < tokens.size() && tokens.get(i + 1).equals("{")) {
                int after = groupEnd(tokens, i + 1);
                if (after < 0) return Optional.of(ImportTexts.of("tex.brace-unclosed"));
                i = after - 1; // text mode: only its braces matter, and they balance
            } else if (t.equals("\\begin") || t.equals("\\end")) {
                i = afterArgument(tokens, i + 1) - 1;
            }
        }
        if (open.isEmpty()) return Optional.empty();
        String last = open.peek();
        if (last.equals("{")) return Optional.of(ImportTexts.of("tex.brace-unclosed"));
        if (last.equals("\\left")) return Optional.of(ImportTexts.of("tex.left-unclosed"));
        return Optional.of(ImportTexts.of("tex.env-unclosed", "begin", last));
    }

    private static Optional<Text> push(Deque<String> open, String what) {
        open.push(what);
        return Optional.empty();
    }

    private static Optional<Text> close(Deque<String> open) {
        if (open.isEmpty()) return Optional.of(ImportTexts.of("tex.brace-unopened"));
        String top = open.pop();
        if (top.equals("{")) return Optional.empty();
        if (top.equals("\\left")) return Optional.of(ImportTexts.of("tex.left-unclosed"));
        return Optional.of(ImportTexts.of("tex.env-unclosed", "begin", top));
    }

    private static Optional<Text> right(Deque<String> open) {
        if (!open.isEmpty() && open.peek().equals("\\left")) {
            open.pop();
            return Optional.empty();
        }
        return Optional.of(ImportTexts.of("tex.right-unopened"));
    }

    private static Optional<Text> delimiter(List<String> tokens, int i, String command) {
        String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
        if (DELIMITERS.contains(next)) return Optional.empty();
        return Optional.of(ImportTexts.of("tex.delimiter", "command", command, "token", next.isEmpty() ? "-" : next));
    }

    private static Optional<Text> begin(List<String> tokens, int i, Deque<String> open) {
        Optional<String> name = environment(tokens, i);
        if (name.isEmpty()) return Optional.of(ImportTexts.of("tex.missing-argument", "command", "\\begin"));
        if (!ENVIRONMENTS.contains(name.get()))
            return Optional.of(ImportTexts.of("tex.env-unknown", "env", name.get()));
        open.push("\\begin{" + name.get() + "}");
        return Optional.empty();
    }

    private static Optional<Text> end(List<String> tokens, int i, Deque<String> open) {
        Optional<String> name = environment(tokens, i);
        if (name.isEmpty()) return Optional.of(ImportTexts.of("tex.missing-argument", "command", "\\end"));
        String end = "\\end{" + name.get() + "}";
        if (open.stream().noneMatch(o -> o.startsWith("\\begin")))
            return Optional.of(ImportTexts.of("tex.end-unopened", "end", end));
        String begin = open.pop();
        if (begin.equals("{")) return Optional.of(ImportTexts.of("tex.brace-unclosed"));
        if (begin.equals("\\left")) return Optional.of(ImportTexts.of("tex.left-unclosed"));
        if (begin.equals("\\begin{" + name.get() + "}")) return Optional.empty();
        return Optional.of(ImportTexts.of("tex.env-mismatch", "begin", begin, "end", end));
    }

    /** The {@code {name}} after {@code \begin}/{@code \end} at {@code i}. */
    private static Optional<String> environment(List<String> tokens, int i) {
        if (i + 1 >= tokens.size() || !tokens.get(i + 1).equals("{")) return Optional.empty();
        StringBuilder name = new StringBuilder();
        for (int j = i + 2; j < tokens.size(); j++) {
            if (tokens.get(j).equals("}")) return name.length() == 0 ? Optional.empty() : Optional.of(name.toString());
            name.append(tokens.get(j));
        }
        return Optional.empty();
    }

    /** {@code ^} or {@code _}: an argument, and not a second one of the same kind on the same base. */
    private static Optional<Text> script(List<String> tokens, int i) {
        String kind = tokens.get(i);
        int after = afterArgument(tokens, i + 1);
        if (after < 0) return Optional.of(ImportTexts.of("tex.missing-argument", "command", kind));
        String next = after < tokens.size() ? tokens.get(after) : "";
        if (next.equals(kind)) return Optional.of(ImportTexts.of("tex.double-script", "script", kind));
        if (next.equals("^") || next.equals("_")) {
            int then = afterArgument(tokens, after + 1);
            if (then >= 0
                    && then < tokens.size()
                    && (tokens.get(then).equals("^") || tokens.get(then).equals("_")))
                return Optional.of(ImportTexts.of("tex.double-script", "script", tokens.get(then)));
        }
        return Optional.empty();
    }

    /** A command's required arguments are there ({@code \sqrt} may have {@code [n]} first). */
    private static Optional<Text> arguments(List<String> tokens, int i, String command) {
        Integer count = ARGUMENTS.get(command);
        if (count == null) return Optional.empty();
        int at = i + 1;
        if ((command.equals("\\sqrt") || command.startsWith("\\x"))
                && at < tokens.size()
                && tokens.get(at).equals("[")) {
            while (at < tokens.size() && !tokens.get(at).equals("]")) at++;
            at++;
        }
        for (int k = 0; k < count; k++) {
            at = afterArgument(tokens, at);
            if (at < 0) return Optional.of(ImportTexts.of("tex.missing-argument", "command", command));
        }
        return Optional.empty();
    }

    /**
     * The index after one argument starting at {@code at}: a token or a group; -1 when there is none. A group that
     * is never closed runs to the end (the brace check then names it).
     */
    private static int afterArgument(List<String> tokens, int at) {
        if (at >= tokens.size()) return -1;
        String t = tokens.get(at);
        if (END_OF_ARGUMENT.contains(t)) return -1;
        if (!t.equals("{")) return at + 1;
        int end = groupEnd(tokens, at);
        return end < 0 ? tokens.size() : end;
    }

    /** The index after the group opened at {@code at}, or -1 when it is never closed. */
    private static int groupEnd(List<String> tokens, int at) {
        int depth = 0;
        for (int j = at; j < tokens.size(); j++) {
            if (tokens.get(j).equals("{")) depth++;
            else if (tokens.get(j).equals("}") && --depth == 0) return j + 1;
        }
        return -1;
    }

    /** Commands, control symbols, braces, scripts and single characters; spaces and {@code %} comments dropped. */
    static List<String> tokens(String tex) {
        List<String> out = new ArrayList<>();
        int n = tex.length();
        int i = 0;
        while (i < n) {
            char c = tex.charAt(i);
            if (c == '\\' && i + 1 < n) {
                int j = i + 1;
                if (Character.isLetter(tex.charAt(j))) {
                    while (j < n && Character.isLetter(tex.charAt(j))) j++;
                } else {
                    j++;
                }
                out.add(tex.substring(i, j));
                i = j;
            } else if (c == '%') {
                while (i < n && tex.charAt(i) != '\n') i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                int cp = tex.codePointAt(i);
                out.add(new String(Character.toChars(cp)));
                i += Character.charCount(cp);
            }
        }
        return out;
    }

    private static Map<String, Integer> arguments() {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (String two : words("frac dfrac tfrac cfrac binom dbinom tbinom textcolor colorbox stackrel overset"
                + " underset raisebox")) m.put("\\" + two, 2);
        for (String one : words("sqrt overline underline widehat widetilde hat tilde bar vec dot ddot acute grave"
                + " check breve mathring overrightarrow overleftarrow overbrace underbrace mathrm mathbf mathit"
                + " mathsf mathtt mathcal mathbb mathfrak mathscr boldsymbol bm operatorname boxed cancel bcancel"
                + " xcancel pmod phantom hphantom vphantom substack xrightarrow xleftarrow color text textrm textbf"
                + " textit mbox")) m.put("\\" + one, 1);
        m.put("\\fcolorbox", 3);
        return Map.copyOf(m);
    }

    private static Set<String> words(String spaced) {
        return Set.of(spaced.split(" "));
    }
}
