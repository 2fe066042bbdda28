package kz.emtihan.bank.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kz.emtihan.text.Text;

/**
 * Reads the bytes of a text file (a GIFT question file) as the encoding it is really in, or refuses naming the line.
 *
 * <p>Guarantees: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE), and then every byte must be valid in that
 * encoding; a file without one is UTF-16 when it has NUL bytes, all in the high bytes of its characters (no
 * other text has any: a file with NUL bytes that are not that is refused), UTF-8 when all of it is valid UTF-8;
 * otherwise it is read as Windows-1251 or KOI8-R, whichever is valid and whose letters look more like Russian or
 * Kazakh text ({@link CyrillicScore}). A file that mixes UTF-8 lines with lines in another encoding, or whose bytes fit none of these
 * (control characters, Latin and Cyrillic letters mixed inside words as a Western 8-bit file gives), is refused at
 * the first such line (when neither 8-bit reading fits, the first bad line of the likelier one): nothing is decoded into U+FFFD replacement characters, ever. Every read other than plain
 * UTF-8 carries a note naming the encoding; replacement characters already in a UTF-8 file are noted with their
 * first line. Pure and thread-safe.
 */
public final class TextEncoding {
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset KOI8_R = Charset.forName("KOI8-R");

    private TextEncoding() {}

    /** The text, the encoding it was read in, and what the import report should say about it. */
    public record Decoded(String text, String encoding, Optional<Text> note) {}

    /**
     * @throws ImportException at the first line that is not valid text in the encoding the file was found to be
     *     in, or in any of those this reader knows
     */
    public static Decoded decode(byte[] bytes) throws ImportException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8", false);
        if (startsWith(bytes, 0xFF, 0xFE)) return strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE", true);
        if (startsWith(bytes, 0xFE, 0xFF)) return strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE", true);
        int zero = indexOfZero(bytes);
        if (zero >= 0) { // no text file has NUL bytes, but UTF-16 without a mark has one in every Latin letter
            Optional<Charset> utf16 = utf16WithoutMark(bytes);
            if (utf16.isEmpty()) throw unknown(lineOfByte(bytes, zero));
            return strict(bytes, 0, utf16.get(), utf16.get().name(), true);
        }
        int utf8Error = firstError(bytes, 0, StandardCharsets.UTF_8);
        if (utf8Error < 0) return strict(bytes, 0, StandardCharsets.UTF_8, "UTF-8", false);
        return eightBit(bytes, utf8Error);
    }

    private static Decoded strict(byte[] bytes, int from, Charset charset, String name, boolean noted)
            throws ImportException {
        int error = firstError(bytes, from, charset);
        if (error >= 0) {
            String before = new String(bytes, from, error - from, charset);
            throw new ImportException(ImportTexts.of("fault.encoding-invalid", "encoding", name), lineOf(before), 0);
        }
        String text = new String(bytes, from, bytes.length - from, charset);
        Optional<Text> note = noted ? Optional.of(ImportTexts.of("kept.encoding", "encoding", name)) : Optional.empty();
        int replacement = text.indexOf('\uFFFD');
        if (replacement >= 0) // written into the file by an earlier, lossy conversion: say so, never silently
        note = Optional.of(
                ImportTexts.of("kept.replacement-character", "line", lineOf(text.substring(0, replacement))));
        return new Decoded(text, name, note);
    }

    /** Not UTF-8: Windows-1251 or KOI8-R, or a refusal at the line that fits neither. */
    private static Decoded eightBit(byte[] bytes, int utf8Error) throws ImportException {
        List<byte[]> lines = lines(bytes);
        int firstInvalidUtf8 = lineOfByte(bytes, utf8Error);
        for (byte[] line : lines) {
            if (isAscii(line) || firstError(line, 0, StandardCharsets.UTF_8) >= 0) continue;
            if (CyrillicScore.hasNonAsciiLetter(new String(line, StandardCharsets.UTF_8)))
                throw new ImportException(ImportTexts.of("fault.encoding-mixed"), firstInvalidUtf8, 0);
        }
        CyrillicScore best = null;
        CyrillicScore likeliestBroken = null; // the reading the file is most probably in, though a line breaks it
        for (Charset candidate : List.of(WINDOWS_1251, KOI8_R)) {
            CyrillicScore score = CyrillicScore.of(lines, candidate);
            if (score.firstBadLine() == 0 && (best == null || score.points() > best.points())) best = score;
            if (score.firstBadLine() > 0 && (likeliestBroken == null || score.points() > likeliestBroken.points()))
                likeliestBroken = score;
        }
        if (best == null) throw unknown(likeliestBroken.firstBadLine());
        if (best.firstMixedLine() > 0) throw unknown(best.firstMixedLine());
        String name = best.charset().equals(WINDOWS_1251) ? "Windows-1251" : "KOI8-R";
        return new Decoded(
                new String(bytes, best.charset()),
                name,
                Optional.of(ImportTexts.of("kept.encoding", "encoding", name)));
    }

    private static ImportException unknown(int line) {
        return new ImportException(ImportTexts.of("fault.encoding-unknown"), line, 0);
    }

    /** UTF-16 without a byte-order mark: the high bytes of its Latin characters are 0, its low bytes never. */
    private static Optional<Charset> utf16WithoutMark(byte[] bytes) {
        if (bytes.length % 2 != 0) return Optional.empty();
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < bytes.length; i += 2) {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }
        if (oddZeros > 0 && evenZeros == 0) return Optional.of(StandardCharsets.UTF_16LE);
        if (evenZeros > 0 && oddZeros == 0) return Optional.of(StandardCharsets.UTF_16BE);
        return Optional.empty();
    }

    private static int indexOfZero(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == 0) return i;
        return -1;
    }

    /** The offset of the first byte that is not valid in {@code charset}, or -1. */
    static int firstError(byte[] bytes, int from, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) return in.position();
            if (!result.isOverflow()) break;
            out.clear();
        }
        while (decoder.flush(out).isOverflow()) out.clear();
        return -1;
    }

    /** The file's lines (ended by LF, CR LF or a lone CR, as {@link GiftBlock} counts them), ends left out. */
    private static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || endsLine(bytes, i)) {
                lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    /** A LF, or a CR not followed by LF (CR LF ends at its LF). */
    private static boolean endsLine(byte[] bytes, int i) {
        return bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'));
    }

    private static boolean isAscii(byte[] line) {
        for (byte b : line) if (b < 0) return false;
        return true;
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) if (endsLine(bytes, i)) line++;
        return line;
    }

    private static int lineOf(String before) {
        return before.split("\r\n|\r|\n", -1).length;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
