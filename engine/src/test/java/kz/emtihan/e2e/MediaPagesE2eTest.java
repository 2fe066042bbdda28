package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.bank.MediaBank;
import kz.emtihan.bank.imports.EmbeddedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 12 (2) in real Chromium: a question imported with a picture (an importer's {@code @@PLUGINFILE@@} and bytes,
 * landed by the import's media step) and formulas as Moodle writes them is shown on the student's test page with the
 * picture (fetched from the student's own paper with their token, shown as a blob: URL) and the formulas drawn by
 * KaTeX as MathML, under the engine's strict CSP; and on the teacher's bank page from the bank's files.
 */
@SharedEngine
class MediaPagesE2eTest {
    static TestEngine app;
    static String teacher;
    static String bankId;

    @BeforeAll
    static void start(TestEngine shared) throws Exception {
        app = shared;
        app.users("teacher", "media-e2e-t");
        app.users("student", "media-e2e-s");
        teacher = app.loginAs("media-e2e-t");
        byte[] picture = picture();
        bankId = MediaBank.create(
                app,
                teacher,
                i -> new MediaBank.Imported(
                        "<p>Question " + i
                                + ": the circle has the equation \\(x^2 + y^2 = r^2\\). What is its area?</p>"
                                + "<p><img src=\"@@PLUGINFILE@@/images/circle%20" + (i % 2)
                                + ".png\" alt=\"a circle\"></p>"
                                + "<p>$$S = \\pi r^2 \\quad\\text{or}\\quad \\frac{\\pi d^2}{4}$$ and a broken one: \\(\\frac{1}{\\)</p>"
                                + "<p>Listen: <audio src=\"@@PLUGINFILE@@/tone.mp3\" controls></audio></p>",
                        List.of(
                                new EmbeddedFile("images/circle " + (i % 2) + ".png", picture),
                                new EmbeddedFile("tone.mp3", MediaBank.resource("tone.mp3")))));
    }

    /** A 240×160 PNG: a blue circle with its radius, drawn here. */
    static byte[] picture() {
        BufferedImage image = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 240, 160);
        g.setColor(new Color(0x1f, 0x5f, 0xbf));
        g.setStroke(new BasicStroke(4));
        g.drawOval(60, 20, 120, 120);
        g.drawLine(120, 80, 180, 80);
        g.fillOval(116, 76, 8, 8);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theStudentSeesThePictureAndTheFormulasOfTheirQuestion() {
        Instant now = Instant.now();
        JsonObject exam = StudentFlowE2eTest.unproctored(
                Fixtures.attestation(bankId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
        Fixtures.exam(app, teacher, exam, "media-e2e-s");
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            StudentFlowE2eTest.signIn(b, "media-e2e-s", "en");
            StudentFlowE2eTest.startFirstExam(b);
            b.waitUntil(
                    "the picture is decoded",
                    () -> (Boolean) b.js("const i = document.querySelector('#question-text img[data-media]');"
                            + "return !!i && i.dataset.mediaState === 'shown' && i.complete && i.naturalWidth === 240"),
                    Duration.ofSeconds(15));
            assertTrue(((String) b.js("return document.querySelector('#question-text img').src")).startsWith("blob:"));
            b.waitUntil(
                    "the formulas are drawn",
                    () -> (Long)
                                    b.js(
                                            "return document.querySelectorAll('#question-text span.tex[data-tex=rendered] math').length")
                            == 2L,
                    Duration.ofSeconds(15));
            assertEquals(
                    "\\(\\frac{1}{\\)",
                    b.js("return document.querySelector('#question-text span.tex[data-tex=error]').textContent"),
                    "a formula KaTeX cannot parse shows its source");
            Number width = (Number)
                    b.js(
                            "return document.querySelector('#question-text span.tex-display math').getBoundingClientRect().width");
            assertTrue(width.doubleValue() > 50, "the displayed formula takes room: " + width);
            assertEquals(
                    Boolean.TRUE,
                    b.js("const s = document.querySelector('#question-text span.tex-display');"
                            + "return s.scrollHeight <= s.clientHeight + 1"),
                    "a displayed formula fits its box: no scroll bar beside it");
            assertEquals(
                    0L,
                    b.js("return document.querySelectorAll('#question-text [style]').length"),
                    "no inline style for the CSP to refuse");
            assertEquals(
                    Boolean.TRUE,
                    b.js(
                            "return getComputedStyle(document.querySelector('#question-text math')).display.includes('math')"
                                    + " || document.querySelector('#question-text math').getBoundingClientRect().width > 0"));
            b.waitUntil(
                    "the sound's metadata is read from its blob: URL",
                    () -> (Boolean) b.js("const a = document.querySelector('#question-text audio[data-media]');"
                            + "return !!a && a.dataset.mediaState === 'shown' && a.src.startsWith('blob:')"
                            + " && a.readyState >= 1 && a.duration > 0"),
                    Duration.ofSeconds(15));
            Number audioHeight = (Number)
                    b.js("return document.querySelector('#question-text audio').getBoundingClientRect().height");
            assertTrue(audioHeight.doubleValue() > 20, "the sound's controls are visible: " + audioHeight);
            b.screenshot("media-student-question");
            b.driver().findElement(By.id("next")).click();
            b.waitUntil(
                    "the next question's picture (the cached file)",
                    () -> (Boolean) b.js("const i = document.querySelector('#question-text img[data-media]');"
                            + "return !!i && i.dataset.mediaState === 'shown' && i.naturalWidth === 240"),
                    Duration.ofSeconds(15));
        }
    }

    @Test
    void theTeacherSeesThePicturesOnTheBankPage() {
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            StaffPagesE2eTest.signIn(b, "media-e2e-t");
            b.go("/bank.html?bank=" + bankId);
            b.waitForState("ready");
            b.waitUntil(
                    "a picture from the bank's files",
                    () -> (Boolean) b.js("const i = document.querySelector('img[data-media]');"
                            + "return !!i && i.dataset.mediaState === 'shown' && i.complete && i.naturalWidth === 240"),
                    Duration.ofSeconds(15));
            b.js("document.querySelector('img[data-media]').scrollIntoView({block: 'center'})");
            b.screenshot("media-teacher-bank");
        }
    }
}
