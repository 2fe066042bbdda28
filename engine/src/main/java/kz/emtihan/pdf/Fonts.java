package kz.emtihan.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Liberation Sans 2.00.5 (SIL Open Font License 1.1), read from the classpath of the
 * {@code com.github.librepdf:openpdf-fonts-extra} jar; it covers Cyrillic including the Kazakh letters.
 * Never a font installed on the machine, so every machine prints the same document. See FONTS.md.
 */
public final class Fonts {
    static final String REGULAR = "/liberation/LiberationSans-Regular.ttf";
    static final String BOLD = "/liberation/LiberationSans-Bold.ttf";

    private Fonts() {}

    private static final class Bytes {
        static final byte[] REGULAR_TTF = read(REGULAR);
        static final byte[] BOLD_TTF = read(BOLD);
    }

    /** The regular face, embedded as a subset holding only the glyphs the document uses. */
    public static PDType0Font regular(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, new ByteArrayInputStream(Bytes.REGULAR_TTF), true);
    }

    public static PDType0Font bold(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, new ByteArrayInputStream(Bytes.BOLD_TTF), true);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource
                        + " is not on the classpath; it comes from com.github.librepdf:openpdf-fonts-extra");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }
}
