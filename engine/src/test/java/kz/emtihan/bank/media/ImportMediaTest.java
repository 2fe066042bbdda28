package kz.emtihan.bank.media;

import static kz.emtihan.bank.media.MediaSnifferTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import kz.emtihan.bank.imports.EmbeddedFile;
import kz.emtihan.bank.imports.ImportSkip;
import kz.emtihan.bank.imports.ImportedQuestion;
import kz.emtihan.bank.model.Authored;
import kz.emtihan.bank.model.QuestionDraft;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (2): the import's media step, on questions as the parsers hand them over (the contract: {@code <img
 * src="@@PLUGINFILE@@/<name>">} in the HTML, the bytes in {@code files}).
 */
class ImportMediaTest {
    static final byte[] PNG = resource("dot.png");
    static final byte[] MP3 = resource("tone.mp3");
    static final String PNG_HASH = ImportMedia.sha256(PNG);

    static ImportedQuestion question(int position, String text, List<String> options, EmbeddedFile... files) {
        List<QuestionDraft.DraftOption> drafted = new java.util.ArrayList<>();
        for (int i = 0; i < options.size(); i++)
            drafted.add(new QuestionDraft.DraftOption(options.get(i), i == 0 ? 100 : 0, "", false));
        QuestionDraft d =
                new QuestionDraft(Optional.empty(), text, drafted, true, Optional.empty(), "", true, Authored.NONE);
        return new ImportedQuestion(position, position * 10, d, List.of(files));
    }

    static ImportedQuestion picture(int position, String name, byte[] bytes) {
        return question(
                position,
                "<p>Which colour? <img src=\"@@PLUGINFILE@@/" + name + "\" alt=\"a dot\"></p>",
                List.of("red", "blue"),
                new EmbeddedFile(name.replace("%20", " "), bytes));
    }

    static String en(ImportSkip s) {
        return Catalogue.render(s.reason(), Language.EN);
    }

    @Test
    void aPictureIsStoredByItsHashAndTheReferenceRewrittenInTextOptionsAndFeedback() {
        QuestionDraft.DraftOption withPicture = new QuestionDraft.DraftOption(
                "<img src=\"@@PLUGINFILE@@/images/a%20b.png\" alt=\"option\">",
                100, "<p>See <img src=\"@@PLUGINFILE@@/images/a%20b.png\"></p>", false);
        QuestionDraft d = new QuestionDraft(
                Optional.empty(),
                "<p>Listen: <audio src=\"@@PLUGINFILE@@/tone.mp3\" controls></audio></p>",
                List.of(withPicture, new QuestionDraft.DraftOption("none", 0, "", false)),
                true,
                Optional.empty(),
                "",
                true,
                new Authored("Q", "", List.of(), "<img src=\"@@PLUGINFILE@@/images/a%20b.png\" alt=\"x\">", 0));
        ImportedQuestion q = new ImportedQuestion(
                3, 40, d, List.of(new EmbeddedFile("images/a b.png", PNG), new EmbeddedFile("tone.mp3", MP3)));

        ImportMedia.Taken t = new ImportMedia(MediaLimits.DEFAULT).take(q);

        QuestionDraft out = t.question().orElseThrow().draft();
        String mp3 = ImportMedia.sha256(MP3);
        assertEquals("<p>Listen: <audio data-media=\"" + mp3 + "\" controls></audio></p>", out.text());
        assertEquals(
                "<img data-media=\"" + PNG_HASH + "\" alt=\"option\">",
                out.options().get(0).text());
        assertEquals(
                "<p>See <img data-media=\"" + PNG_HASH + "\"></p>",
                out.options().get(0).feedback());
        assertEquals(
                "<img data-media=\"" + PNG_HASH + "\" alt=\"x\">",
                out.authored().feedback());
        assertEquals("none", out.options().get(1).text(), "text without a file is not touched");
        assertEquals(
                List.of(mp3, PNG_HASH), t.files().stream().map(f -> f.hash()).toList(), "each file once");
        assertEquals("audio/mpeg", t.files().get(0).type());
        assertEquals("image/png", t.files().get(1).type());
        assertEquals(List.of(), t.question().get().files(), "the bytes leave the question");
        assertEquals(List.of(), t.notes());
        assertEquals(3, t.question().get().position());
    }

    @Test
    void aQuestionWhoseFileIsMissingIsNotImportedAndSaysWhichFileAndWhere() {
        ImportedQuestion q = question(
                7,
                "<p><img src=\"@@PLUGINFILE@@/gone.png\" alt=\"\"></p>",
                List.of("a", "b"),
                new EmbeddedFile("other.png", PNG));
        ImportMedia.Taken t = new ImportMedia(MediaLimits.DEFAULT).take(q);
        assertTrue(t.question().isEmpty(), "never kept with a broken picture");
        assertEquals(List.of(), t.files());
        ImportSkip skip = t.notes().get(t.notes().size() - 1);
        assertFalse(skip.kept());
        assertEquals(7, skip.question());
        assertEquals(70, skip.line());
        assertEquals("the file gone.png it shows is not in the import file", en(skip));
    }

    @Test
    void svgAndActiveFilesAreRefusedWithTheirReason() {
        ImportMedia.Taken svg = new ImportMedia(MediaLimits.DEFAULT).take(picture(1, "logo.png", resource("evil.svg")));
        assertTrue(svg.question().isEmpty());
        assertEquals(
                "the file logo.png is refused: SVG pictures may carry scripts; save it as PNG",
                en(svg.notes().get(0)),
                "the name says png, the bytes say SVG: the bytes decide");
        ImportMedia.Taken html = new ImportMedia(MediaLimits.DEFAULT)
                .take(picture(2, "x.gif", "<html><script>alert(1)</script>".getBytes()));
        assertEquals(
                "the file x.gif is refused: it is HTML or XML, not a picture or a sound",
                en(html.notes().get(0)));
        for (String lang : new String[] {"kk", "ru"})
            assertFalse(Catalogue.render(
                            svg.notes().get(0).reason(), Language.parse(lang).orElseThrow())
                    .isBlank());
    }

    @Test
    void aSoundShownAsAPictureIsRefused() {
        ImportMedia.Taken t = new ImportMedia(MediaLimits.DEFAULT).take(picture(1, "tone.png", MP3));
        assertTrue(t.question().isEmpty());
        assertEquals(
                "the file tone.png is shown as a picture but is a sound or a video",
                en(t.notes().get(0)));
    }

    @Test
    void aFileOverTheLimitIsRefusedAndTheImportLimitStopsOnlyTheQuestionsThatWouldPassIt() {
        ImportMedia tiny = new ImportMedia(new MediaLimits(1024, 4096));
        ImportMedia.Taken big = tiny.take(picture(1, "big.png", png(2000, 0)));
        assertEquals(
                "the file big.png is 2 KB, more than the 1 KB a file may have",
                en(big.notes().get(0)));

        ImportMedia step = new ImportMedia(new MediaLimits(2048, 3072));
        assertTrue(step.take(picture(1, "a.png", png(2000, 0))).question().isPresent());
        ImportMedia.Taken again = step.take(picture(2, "a.png", png(2000, 0)));
        assertTrue(again.question().isPresent(), "the same file again costs nothing");
        assertEquals(List.of(), again.files(), "and is handed out once");
        ImportMedia.Taken third = step.take(picture(3, "b.png", png(2000, 1)));
        assertTrue(third.question().isEmpty(), "2000 + 2000 bytes > 3 KiB");
        assertEquals(
                "the new files of this import would exceed 3 KB together",
                en(third.notes().get(0)));
        assertTrue(step.take(question(4, "<p>no file</p>", List.of("a", "b")))
                .question()
                .isPresent());
    }

    /** A PNG signature and then {@code size - 8} bytes of {@code fill}: a file of the size wanted. */
    static byte[] png(int size, int fill) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) fill);
        System.arraycopy(PNG, 0, b, 0, 8);
        return b;
    }

    @Test
    void aFileCarriedButNeverShownIsNotStoredAndSaid() {
        ImportedQuestion q = question(5, "<p>2 + 2?</p>", List.of("4", "5"), new EmbeddedFile("unused.png", PNG));
        ImportMedia.Taken t = new ImportMedia(MediaLimits.DEFAULT).take(q);
        assertEquals("<p>2 + 2?</p>", t.question().orElseThrow().draft().text());
        assertEquals(List.of(), t.files());
        assertTrue(t.notes().get(0).kept());
        assertEquals(
                "the file unused.png is not shown anywhere in the question and was not stored",
                en(t.notes().get(0)));
    }
}
