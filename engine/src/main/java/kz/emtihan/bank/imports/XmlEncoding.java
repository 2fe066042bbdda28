package kz.emtihan.bank.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An XML file says its own encoding: a byte-order mark, else the {@code encoding} of its XML declaration, else
 * UTF-8. Before the file is parsed its bytes are checked against that encoding, so a mismatch is refused naming
 * the line instead of turning into replacement characters or an XML error far away: bytes that are not valid in
 * the declared encoding, an unknown encoding, and a file that declares a one-byte Cyrillic or Latin encoding but is
 * written in UTF-8 (every non-ASCII byte forms a UTF-8 sequence), the usual result of editing the text and not the
 * declaration. Streams over the bytes; nothing is kept.
 */
final class XmlEncoding {
    private static final Pattern DECLARED =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private XmlEncoding() {}

    static void check(byte[] file) throws ImportException {
        int bom = 0;
        String name;
        boolean declared = true;
        if (starts(file, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
            name = "UTF-8";
        } else if (starts(file, 0xFE, 0xFF) || starts(file, 0x00, 0x3C, 0x00, 0x3F)) {
            bom = starts(file, 0xFE, 0xFF) ? 2 : 0;
            name = "UTF-16BE";
        } else if (starts(file, 0xFF, 0xFE) || starts(file, 0x3C, 0x00, 0x3F, 0x00)) {
            bom = starts(file, 0xFF, 0xFE) ? 2 : 0;
            name = "UTF-16LE";
        } else {
            String head = new String(file, 0, Math.min(file.length, 512), StandardCharsets.ISO_8859_1);
            Matcher m = DECLARED.matcher(head);
            declared = m.find();
            name = declared ? m.group(1) : "UTF-8";
        }
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportException(ImportTexts.of("fault.unknown-encoding", "encoding", name), 1, 0);
        }
        int bad = badLine(file, bom, charset);
        if (bad > 0) {
            throw new ImportException(
                    declared
                            ? ImportTexts.of("fault.wrong-encoding", "encoding", name)
                            : ImportTexts.of("fault.wrong-encoding-default"),
                    bad,
                    0);
        }
        if (!charset.name().startsWith("UTF")) {
            int firstHigh = firstNonAscii(file);
            if (firstHigh >= 0 && badLine(file, 0, StandardCharsets.UTF_8) == 0) {
                throw new ImportException(
                        ImportTexts.of("fault.declared-not-utf8", "encoding", name), lineAt(file, firstHigh), 0);
            }
        }
    }

    /** The 1-based line of the first byte that is not valid in {@code charset}; 0 when all are. */
    private static int badLine(byte[] file, int from, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) return badUtf8Line(file, from);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file, from, file.length - from);
        CharBuffer out = CharBuffer.allocate(8192);
        int line = 1;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError() && result.isUnderflow()) result = decoder.flush(out);
            char[] chars = out.array();
            for (int i = 0; i < out.position(); i++) if (chars[i] == '\n') line++;
            out.clear();
            if (result.isError()) return line;
            if (result.isUnderflow()) return 0;
        }
    }

    /**
     * The same for UTF-8, byte by byte (most of a bank is ASCII base64): well-formed sequences of 2 to 4 bytes, no
     * overlong forms, no surrogates, nothing above U+10FFFF.
     */
    private static int badUtf8Line(byte[] file, int from) {
        int line = 1;
        int i = from;
        int n = file.length;
        while (i < n) {
            int b = file[i];
            if (b >= 0) {
                if (b == '\n') line++;
                i++;
                continue;
            }
            b &= 0xFF;
            int length;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return line;
            }
            if (i + length > n) return line;
            int cp = b & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                int c = file[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) return line;
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return line;
            i += length;
        }
        return 0;
    }

    private static int firstNonAscii(byte[] file) {
        for (int i = 0; i < file.length; i++) if (file[i] < 0) return i;
        return -1;
    }

    /** The line of a byte offset in an ASCII-compatible file. */
    private static int lineAt(byte[] file, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (file[i] == '\n') line++;
        return line;
    }

    private static boolean starts(byte[] file, int... prefix) {
        if (file.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((file[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
