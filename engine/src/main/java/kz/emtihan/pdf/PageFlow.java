package kz.emtihan.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Pages filled top to bottom: wrapped text, label/value fields, signature lines; {@link TableBlock} draws
 * tables through it. {@link #finish} numbers the pages and sets the metadata. One document per instance.
 */
public final class PageFlow implements AutoCloseable {
    public static final float MARGIN = 42f;
    public static final float BODY = 10f;
    private static final float FOOTER = 24f;
    private static final float LABEL_WIDTH = 180f;
    private static final float SIGNATURE_MIN_WIDTH = 360f;

    /** One signature line: the capacity someone signs in, and their name. */
    public record Signature(String role, String name) {}

    private final PDDocument doc = new PDDocument();
    private final PDRectangle size;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    public final PDFont regular;
    public final PDFont bold;
    private PDPageContentStream out;
    private float y;

    public PageFlow(PDRectangle size) throws IOException {
        this.size = size;
        this.regular = Fonts.regular(doc);
        this.bold = Fonts.bold(doc);
        newPage();
    }

    public float left() {
        return MARGIN;
    }

    public float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    public float top() {
        return y;
    }

    public float remaining() {
        return y - MARGIN - FOOTER;
    }

    public float pageBody() {
        return size.getHeight() - 2 * MARGIN - FOOTER;
    }

    public void down(float pt) {
        y -= pt;
    }

    public void newPage() throws IOException {
        if (out != null) out.close();
        PDPage page = new PDPage(size);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        out.setLineWidth(0.6f);
        y = size.getHeight() - MARGIN;
    }

    public void ensure(float height) throws IOException {
        if (remaining() < height) newPage();
    }

    public void space(float pt) {
        y -= Math.min(pt, Math.max(0, remaining()));
    }

    public void centered(String text, PDFont font, float fontSize) throws IOException {
        for (String line : wrap(text, font, fontSize, width())) {
            ensure(fontSize * 1.35f);
            show(line, font, fontSize, MARGIN + (width() - width(line, font, fontSize)) / 2, y - fontSize);
            y -= fontSize * 1.35f;
        }
    }

    public void paragraph(String text, PDFont font, float fontSize) throws IOException {
        for (String line : wrap(text, font, fontSize, width())) {
            ensure(fontSize * 1.35f);
            show(line, font, fontSize, MARGIN, y - fontSize);
            y -= fontSize * 1.35f;
        }
    }

    /** A bold label on the left, its value wrapped beside it; a long value continues on the next page. */
    public void field(String label, String value) throws IOException {
        float labelWidth = Math.min(LABEL_WIDTH, width() * 0.4f);
        List<String> labels = wrap(label, bold, BODY, labelWidth - 8);
        List<String> values = wrap(value, regular, BODY, width() - labelWidth);
        float leading = BODY * 1.35f;
        for (int i = 0; i < Math.max(labels.size(), values.size()); i++) {
            ensure(leading);
            if (i < labels.size()) show(labels.get(i), bold, BODY, MARGIN, y - BODY);
            if (i < values.size()) show(values.get(i), regular, BODY, MARGIN + labelWidth, y - BODY);
            y -= leading;
        }
        y -= 3;
    }

    /**
     * Signature lines: role, a line to sign on, the name. Two to a row on a landscape page; a row is kept
     * whole on one page.
     */
    public void signatures(String heading, List<Signature> signatures) throws IOException {
        float leading = BODY * 1.35f;
        int perRow = Math.max(1, (int) (width() / SIGNATURE_MIN_WIDTH));
        float cell = width() / perRow;
        float roleWidth = Math.min(LABEL_WIDTH, cell * 0.4f);
        float lineWidth = cell * 0.3f;
        float nameOffset = roleWidth + lineWidth + 8;
        float nameWidth = cell - nameOffset - (perRow > 1 ? 12 : 0);
        ensure(leading + 40);
        space(10);
        paragraph(heading, bold, BODY + 1);
        for (int start = 0; start < signatures.size(); start += perRow) {
            List<Signature> row = signatures.subList(start, Math.min(start + perRow, signatures.size()));
            List<List<String>> roles = new ArrayList<>();
            List<List<String>> names = new ArrayList<>();
            int lines = 1;
            for (Signature s : row) {
                List<String> role = wrap(s.role(), regular, BODY, roleWidth - 8);
                List<String> name = wrap(s.name(), regular, BODY, nameWidth);
                roles.add(role);
                names.add(name);
                lines = Math.max(lines, Math.max(role.size(), name.size()));
            }
            float height = 22 + (lines - 1) * leading + 4;
            ensure(height);
            float baseline = y - 22;
            for (int c = 0; c < row.size(); c++) {
                float x = MARGIN + c * cell;
                out.moveTo(x + roleWidth, baseline - 2);
                out.lineTo(x + roleWidth + lineWidth, baseline - 2);
                out.stroke();
                List<String> role = roles.get(c);
                List<String> name = names.get(c);
                for (int i = 0; i < role.size(); i++) show(role.get(i), regular, BODY, x, baseline - i * leading);
                for (int i = 0; i < name.size(); i++) {
                    show(name.get(i), regular, BODY, x + nameOffset, baseline - i * leading);
                }
            }
            y -= height;
        }
    }

    public void show(String text, PDFont font, float fontSize, float x, float baseline) throws IOException {
        out.beginText();
        out.setFont(font, fontSize);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    /** A cell border; a header cell is shaded first. */
    public void cell(float x, float bottom, float w, float h, boolean shaded) throws IOException {
        if (shaded) {
            out.setNonStrokingColor(0.88f);
            out.addRect(x, bottom, w, h);
            out.fill();
            out.setNonStrokingColor(0f);
        }
        out.addRect(x, bottom, w, h);
        out.stroke();
    }

    public float width(String text, PDFont font, float fontSize) throws IOException {
        return font.getStringWidth(text) / 1000f * fontSize;
    }

    /** Greedy word wrap; a word wider than the line is broken between characters. Never returns no lines. */
    public List<String> wrap(String text, PDFont font, float fontSize, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text).split("\n", -1)) {
            String line = "";
            for (String word : paragraph.trim().split(" +")) {
                if (word.isEmpty()) continue;
                String longer = line.isEmpty() ? word : line + " " + word;
                if (width(longer, font, fontSize) <= max) {
                    line = longer;
                    continue;
                }
                if (!line.isEmpty()) lines.add(line);
                while (width(word, font, fontSize) > max && word.codePointCount(0, word.length()) > 1) {
                    int cut = word.offsetByCodePoints(0, 1);
                    while (cut < word.length()) {
                        int next = word.offsetByCodePoints(cut, 1);
                        if (width(word.substring(0, next), font, fontSize) > max) break;
                        cut = next;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line = word;
            }
            lines.add(line);
        }
        return lines;
    }

    /** Control characters become spaces, characters neither face can draw become '?'. */
    private String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.replace("\r\n", "\n").codePoints().forEach(cp -> {
            if (cp == '\n') b.append('\n');
            else if (Character.isISOControl(cp)) b.append(' ');
            else if (printable.computeIfAbsent(cp, this::drawable)) b.appendCodePoint(cp);
            else b.append('?');
        });
        return b.toString();
    }

    private boolean drawable(int cp) {
        try {
            String s = new String(Character.toChars(cp));
            regular.encode(s);
            bold.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Numbers every page ({@code page} of the paper's bundle: "page 2 of 3" in its language), sets title and language, saves. */
    public byte[] finish(String title, String subject, Messages messages) throws IOException {
        out.close();
        out = null;
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            String label = messages.format("page", i + 1, pages);
            try (PDPageContentStream footer =
                    new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.beginText();
                footer.setFont(regular, 8);
                footer.newLineAtOffset(MARGIN + (width() - width(label, regular, 8)) / 2, MARGIN);
                footer.showText(label);
                footer.endText();
            }
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator("Emtihan");
        doc.getDocumentCatalog().setLanguage(messages.language().locale().toLanguageTag());
        PDViewerPreferences viewer = new PDViewerPreferences(new COSDictionary());
        viewer.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(viewer);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (out != null) out.close();
        doc.close();
    }
}
