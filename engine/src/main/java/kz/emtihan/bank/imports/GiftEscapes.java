package kz.emtihan.bank.imports;

/**
 * GIFT's backslash escapes, as Moodle reads them: {@code \~ \= \# \{ \} \:} stand for the character,
 * {@code \n} for a line break, {@code \\} for a backslash; any other backslash is kept as written (so LaTeX
 * such as {@code \(x^2\)} survives). Structure is found on the raw text with {@link #find}, which never
 * matches an escaped character; pieces are {@link #unescape}d last.
 */
final class GiftEscapes {
    private static final String ESCAPABLE = "~=#{}:";

    private GiftEscapes() {}

    /** Index of the first unescaped {@code token} at or after {@code from}, or -1. */
    static int find(String raw, String token, int from) {
        int i = from;
        while (i < raw.length()) {
            if (raw.startsWith(token, i)) return i;
            i += raw.charAt(i) == '\\' ? 2 : 1;
        }
        return -1;
    }

    /** Index of the last unescaped {@code token}, or -1. */
    static int findLast(String raw, String token) {
        int last = -1;
        for (int at = find(raw, token, 0); at >= 0; at = find(raw, token, at + 1)) last = at;
        return last;
    }

    /** Index of the first unescaped character among {@code chars} at or after {@code from}, or -1. */
    static int findAny(String raw, String chars, int from) {
        int i = from;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (chars.indexOf(c) >= 0) return i;
            i += c == '\\' ? 2 : 1;
        }
        return -1;
    }

    static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            char next = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
            if (c == '\\' && (next == '\\' || ESCAPABLE.indexOf(next) >= 0)) {
                out.append(next);
                i++;
            } else if (c == '\\' && next == 'n') {
                out.append('\n');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
