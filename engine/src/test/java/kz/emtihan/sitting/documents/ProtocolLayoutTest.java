package kz.emtihan.sitting.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import kz.emtihan.text.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** Page breaks, wrapping and margins, checked on the glyph positions PDFBox reads back. */
class ProtocolLayoutTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void sixtyStudentsSpanSeveralPagesWithTheHeaderOnEach() {
        byte[] pdf = SittingDocuments.protocol(Samples.longProtocol(60));
        Samples.save("protocol-60-rows.pdf", pdf);
        int pages = Pdfs.pages(pdf);
        assertTrue(pages > 1, "60 rows on " + pages + " page(s)");

        String all = Pdfs.text(pdf);
        for (int i = 1; i <= 60; i++) {
            String student = String.format("Студент %02d", i);
            assertEquals(2, count(all, student), student + ": once in the table, once in the course of the sitting");
            assertTrue(all.contains(i + " " + student + " " + i + " "), student + " with ticket " + i);
        }
        for (int page = 1; page <= pages; page++) {
            String text = Pdfs.text(pdf, page, page);
            assertTrue(text.contains("Бет " + page + " / " + pages), "page number on page " + page);
            if (java.util.regex.Pattern.compile("(?m)^\\d+ Студент \\d\\d \\d+ ")
                    .matcher(text)
                    .find()) // a page of the table
            assertTrue(text.contains("Қорытынды"), "table header on page " + page);
        }
    }

    @Test
    void longNamesWrapInsideTheirCellAndNothingLeavesTheMargins() {
        String longName = "Әбдірахманова-Сейтжанова Гүлназым Бауыржанқызы Нұрсұлтанқызы Қайратқызы Тұрсынқызы";
        List<ProtocolRow> rows = new ArrayList<>(Samples.longProtocol(3).rows());
        rows.add(new ProtocolRow(longName, 9, Map.of(), "—", "I", "I — 10 шілдеге дейін, өтініш бойынша (6.15.2)"));
        ProtocolDocument base = Samples.longProtocol(3);
        byte[] pdf = SittingDocuments.protocol(new ProtocolDocument(
                base.sittingTitle(), base.kind(), base.date(), base.language(), base.commission(), rows, base.zone()));
        Samples.save("protocol-long-name.pdf", pdf);

        String text = Pdfs.text(pdf);
        for (String word : longName.split(" ")) assertTrue(text.contains(word), word);
        String first = text.lines()
                .filter(l -> l.contains("Әбдірахманова"))
                .findFirst()
                .orElseThrow();
        assertTrue(!first.contains("Тұрсынқызы") && text.contains("Тұрсынқызы"), "the long name should wrap: " + first);
        assertInsideMargins(pdf);
    }

    @Test
    void aRowTallerThanAPageIsSplitAcrossPages() {
        String note = IntStream.rangeClosed(1, 700).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        ProtocolDocument base = Samples.longProtocol(1);
        ProtocolRow row = new ProtocolRow("Ұзақ Ескерту", 5, Map.of(), "—", "I", note);
        byte[] pdf = SittingDocuments.protocol(new ProtocolDocument(
                base.sittingTitle(),
                base.kind(),
                base.date(),
                base.language(),
                base.commission(),
                List.of(row),
                base.zone()));
        Samples.save("protocol-split-row.pdf", pdf);

        assertTrue(Pdfs.pages(pdf) > 1);
        String text = Pdfs.text(pdf);
        Matcher words = Pattern.compile("\\bw(\\d+)\\b").matcher(text);
        List<Integer> seen = new ArrayList<>();
        while (words.find()) seen.add(Integer.parseInt(words.group(1)));
        assertEquals(
                IntStream.rangeClosed(1, 700).boxed().toList(),
                seen.stream().sorted().toList());
        assertInsideMargins(pdf);
    }

    @Test
    void aSmallCommissionPrintsInPortraitAndAFullOneInLandscape() throws IOException {
        List<Person> small = List.of(
                new Person("Петрова Е. В.", Person.Role.CHAIR),
                new Person("Смирнов А. Ю.", Person.Role.MEMBER),
                new Person("Зайцева О. Л.", Person.Role.SECRETARY));
        ProtocolRow row =
                new ProtocolRow("Иванов Сергей", 4, Map.of("Петрова Е. В.", 90, "Смирнов А. Ю.", 92), "91", "A-", null);
        byte[] portrait = SittingDocuments.protocol(new ProtocolDocument(
                "Заседание № 1",
                ProtocolDocument.COMPREHENSIVE_EXAM,
                Samples.DAY,
                Language.RU,
                small,
                List.of(row),
                Samples.ALMATY));
        byte[] landscape = SittingDocuments.protocol(Samples.protocol(Language.RU));

        assertTrue(Pdfs.text(portrait).lines().anyMatch(l -> l.strip().equals("1 Иванов Сергей 4 90 92 91 A- —")));
        try (PDDocument p = Loader.loadPDF(portrait);
                PDDocument l = Loader.loadPDF(landscape)) {
            assertTrue(p.getPage(0).getMediaBox().getHeight()
                    > p.getPage(0).getMediaBox().getWidth());
            assertTrue(l.getPage(0).getMediaBox().getWidth()
                    > l.getPage(0).getMediaBox().getHeight());
        }
    }

    @Test
    void firstPageRendersToAnImageForAPersonToLookAt() throws IOException {
        render(SittingDocuments.protocol(Samples.protocol(Language.KK)), "protocol-kk-page1.png");
        render(SittingDocuments.protocol(Samples.longProtocol(60)), "protocol-60-rows-page1.png");
        render(SittingDocuments.failureAct(Samples.failureAct(Language.KK)), "failure-act-kk-page1.png");
        BufferedImage appeal =
                render(SittingDocuments.appealDecision(Samples.appeal(Language.RU)), "appeal-ru-page1.png");
        assertTrue(appeal.getHeight() > appeal.getWidth(), "A4 portrait");
    }

    private static BufferedImage render(byte[] pdf, String name) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            Files.createDirectories(SCREENSHOTS);
            ImageIO.write(image, "png", SCREENSHOTS.resolve(name).toFile());
            long dark = 0;
            for (int x = 0; x < image.getWidth(); x += 2) {
                for (int y = 0; y < image.getHeight(); y += 2) if ((image.getRGB(x, y) & 0xff) < 128) dark++;
            }
            assertTrue(dark > 1000, name + " looks blank");
            return image;
        }
    }

    /** Every glyph between the 42 pt margins (the page number sits on the bottom margin line). */
    private static void assertInsideMargins(byte[] pdf) {
        for (Pdfs.Glyph g : Pdfs.glyphs(pdf)) {
            String where = "'" + g.text() + "' on page " + g.page() + " at " + g.left() + "," + g.y();
            assertTrue(g.left() >= 41 && g.right() <= g.pageWidth() - 41, where);
            assertTrue(g.y() >= 41 && g.y() <= g.pageHeight() - 41, where);
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
