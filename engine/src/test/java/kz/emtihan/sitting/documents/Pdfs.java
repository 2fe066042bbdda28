package kz.emtihan.sitting.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads generated PDFs back with PDFBox, the way a person's viewer or a search index would. */
final class Pdfs {
    private Pdfs() {}

    /** Extracted text, lines ordered by position on the page. */
    static String text(byte[] pdf) {
        return text(pdf, 1, Integer.MAX_VALUE);
    }

    static String text(byte[] pdf, int firstPage, int lastPage) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(firstPage);
            stripper.setEndPage(lastPage);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every glyph drawn, with the page it is on, for checks on where text lands. */
    static List<Glyph> glyphs(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Glyph> glyphs = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        glyphs.add(new Glyph(
                                getCurrentPageNo(),
                                p.getUnicode(),
                                p.getXDirAdj(),
                                p.getXDirAdj() + p.getWidthDirAdj(),
                                p.getYDirAdj(),
                                p.getPageWidth(),
                                p.getPageHeight()));
                    }
                }
            };
            stripper.getText(doc);
            return glyphs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One drawn glyph; y is the baseline measured from the top of the page. */
    record Glyph(int page, String text, float left, float right, float y, float pageWidth, float pageHeight) {}
}
