package kz.emtihan.bank.imports;

import java.nio.charset.Charset;
import java.util.List;

/**
 * How much a file's bytes, read in one 8-bit Cyrillic encoding, look like real text: Windows-1251 and KOI8-R put
 * the same 64 letters at the same bytes in a different order and with capitals and small letters swapped, so a
 * file read in the wrong one still gives letters, but the wrong ones.
 *
 * <p>{@code points} adds, for every Cyrillic letter, the log of its frequency in Russian text whatever its case
 * (the wrong reading turns frequent letters into rare ones, and swaps the case, so case alone would be fooled by a
 * line in capitals), less a penalty for every small letter followed by a capital inside a word ("мОСКВА"): the
 * right reading scores higher even on a word such as "НЕТ" or "Да". {@code firstBadLine} is the first line (1-based) with a byte the encoding does not
 * define or that decodes to a control character or a box-drawing sign (KOI8-R's reading of Windows-1251
 * punctuation), 0 if none. {@code firstMixedLine} is the first line whose words mix Cyrillic and Latin letters
 * when more than half of the lines with non-ASCII bytes do (a Western 8-bit file, "caf\u0439"), 0 otherwise.
 */
record CyrillicScore(Charset charset, double points, int firstBadLine, int firstMixedLine) {
    /** Russian letters from the most to the least frequent, with their share of letters in percent. */
    private static final String LETTERS = "оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъё";

    private static final double[] SHARE = {
        10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21, 2.98, 2.81, 2.62, 2.01, 1.90, 1.74,
        1.70, 1.65, 1.59, 1.44, 1.21, 0.97, 0.94, 0.73, 0.64, 0.48, 0.36, 0.32, 0.26, 0.04, 0.04
    };
    private static final double OTHER_CYRILLIC = 0.01;
    private static final double CASE_SWAP = 2;

    static CyrillicScore of(List<byte[]> lines, Charset charset) {
        double points = 0;
        int firstBad = 0;
        int firstMixed = 0;
        int nonAscii = 0;
        int mixed = 0;
        for (int i = 0; i < lines.size(); i++) {
            byte[] bytes = lines.get(i);
            if (firstBad == 0 && TextEncoding.firstError(bytes, 0, charset) >= 0) firstBad = i + 1;
            String line = new String(bytes, charset);
            boolean hasHigh = false;
            for (byte b : bytes) hasHigh |= b < 0;
            if (hasHigh) nonAscii++;
            if (mixesScripts(line)) {
                mixed++;
                if (firstMixed == 0) firstMixed = i + 1;
            }
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (firstBad == 0 && isBad(c)) firstBad = i + 1;
                if (!isCyrillic(c)) continue;
                points += letterPoints(c);
                if (k > 0
                        && isCyrillic(line.charAt(k - 1))
                        && Character.isLowerCase(line.charAt(k - 1))
                        && Character.isUpperCase(c)) points -= CASE_SWAP;
            }
        }
        return new CyrillicScore(charset, points, firstBad, mixed * 2 > nonAscii ? firstMixed : 0);
    }

    static boolean hasNonAsciiLetter(String text) {
        return text.chars().anyMatch(c -> c > 0x7F && Character.isLetter(c));
    }

    private static double letterPoints(char c) {
        char small = Character.toLowerCase(c);
        int rank = LETTERS.indexOf(small);
        double share = rank >= 0 ? SHARE[rank] : OTHER_CYRILLIC;
        return Math.log(share / 100);
    }

    private static boolean isBad(char c) {
        if (c < 0x20) return c != '\t' && c != '\r' && c != '\f';
        if (c >= 0x7F && c < 0xA0) return true; // DEL and C1 controls
        return (c >= 0x2320 && c <= 0x2321) || (c >= 0x2500 && c <= 0x25A0); // integral halves, box drawing
    }

    private static boolean isCyrillic(char c) {
        return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A Cyrillic letter right next to a Latin one. */
    private static boolean mixesScripts(String line) {
        for (int k = 1; k < line.length(); k++) {
            char a = line.charAt(k - 1);
            char b = line.charAt(k);
            if ((isCyrillic(a) && isLatin(b)) || (isLatin(a) && isCyrillic(b))) return true;
        }
        return false;
    }
}
