package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import kz.emtihan.TestEngine;
import kz.emtihan.sitting.SittingBodies;
import kz.emtihan.sitting.model.PostponementDeadline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 5 item 6 in headless Chromium against the real engine: postponement and the grade "I" (6.15.2-6.15.3). A
 * student applies with a scanned PDF (a wrong kind of file and one over 700 KB are refused in the page, and nothing
 * reaches the engine); the chair sees the application, downloads the scan with the bearer token and allows it with a
 * last day to sit the exam; the
 * student's page says "I" until the deadline and the console marks the student postponed. A second student's
 * application (a PNG) is refused with a reason the student reads; and once the deadline passes without a result the
 * student's page says "F". Each browser waits on the live socket for what another did.
 */
class SittingPostponementE2eTest {
    static final Duration LIVE = Duration.ofSeconds(10);
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("commission", "c1", "m1", "m2", "ac1", "ad1");
        app.users("secretary", "sec1");
        app.users("student", "st1", "st2");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void studentsApplyAndTheChairAllowsOneAndRefusesTheOther() throws Exception {
        String admin = app.admin();
        JsonObject body = SittingBodies.body(
                "comprehensive-exam",
                "Information systems — comprehensive exam",
                kz.emtihan.sitting.SittingDays.today(),
                "en",
                "st1",
                "st2");
        TestEngine.Reply created = app.post("/api/v1/sittings", admin, body);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        String studentPage = "/sitting-student.html?sitting=" + id;

        Path files = Files.createTempDirectory("postponement");
        byte[] pdf = pdf();
        Path certificate = Files.write(files.resolve("certificate.pdf"), pdf);
        Path notes = Files.write(files.resolve("notes.txt"), "I was ill".getBytes(StandardCharsets.UTF_8));
        byte[] large = Arrays.copyOf(pdf, 750 * 1024);
        Path big = Files.write(files.resolve("big-scan.pdf"), large);
        byte[] png = png();
        Path scan = Files.write(files.resolve("scan.png"), png);
        Path downloads = Path.of("target", "downloads", "postponement").toAbsolutePath();
        clear(downloads);

        try (Browser st1 = Browser.open(app.base(), 1024, 1000);
                Browser chair = Browser.open(app.base(), 1366, 1000);
                Browser st2 = Browser.open(app.base(), 1024, 1000)) {
            StudentFlowE2eTest.signIn(st1, "st1", "en");
            st1.go(studentPage);
            st1.waitForState("ready");
            SittingE2eTest.waitLive(st1);
            assertTrue(st1.driver().findElement(By.id("postpone-form")).isDisplayed(), "a waiting student may apply");
            assertEquals("", st1.driver().findElement(By.id("postpone-box")).getAttribute("data-standing"));

            // a file of the wrong kind and one over 700 KB are refused in the page; nothing is sent
            st1.driver().findElement(By.id("postpone-reason")).sendKeys("I am in hospital until 10 December");
            choose(st1, notes);
            waitError(st1, "type");
            st1.driver().findElement(By.id("postpone-submit")).click();
            waitError(st1, "type");
            assertTrue(errorText(st1).contains("notes.txt is not a PDF, JPEG or PNG"), errorText(st1));
            choose(st1, big);
            waitError(st1, "size");
            assertTrue(errorText(st1).contains("750 KB, more than the 700 KB allowed"), errorText(st1));
            st1.driver().findElement(By.id("postpone-submit")).click();
            waitError(st1, "size");
            assertEquals(0, postponements(id).size(), "no application reached the engine");
            choose(st1, certificate);
            st1.waitUntil(
                    "the error cleared",
                    () -> !st1.driver().findElement(By.id("postpone-error")).isDisplayed(),
                    LIVE);
            assertNull(st1.driver().findElement(By.id("postpone-error")).getAttribute("data-error"));
            scrollTo(st1, "postpone-box");
            st1.screenshot("sitting-postponement-01-student-form");
            Accessibility.check(st1, "sitting-student, the postponement form"); // issue 15 (8)
            st1.driver().findElement(By.id("postpone-submit")).click();
            st1.waitUntil(
                    "the application awaits the chair",
                    () -> !st1.driver()
                            .findElements(
                                    By.cssSelector("#my-postponements li[data-postponement][data-state='awaiting']"))
                            .isEmpty(),
                    LIVE);
            st1.waitUntil(
                    "the form gives way",
                    () -> !st1.driver().findElement(By.id("postpone-form")).isDisplayed(),
                    LIVE);
            JsonObject applied = postponements(id).getJsonObject(0);
            assertEquals("st1", applied.getString("studentId"));
            assertEquals("application/pdf", applied.getString("documentType"));
            assertEquals("c1", applied.getString("to"), "6.15.3: to the commission's chair");
            String pid = applied.getString("id");
            assertArrayEquals(
                    pdf,
                    app.getBytes("/api/v1/sittings/" + id + "/postponements/" + pid + "/document", admin),
                    "the engine keeps the very bytes the page read from the file");

            // the chair sees the application, downloads the scan with the token, and allows it
            ProctoringE2eTest.signInStaff(chair, "c1");
            chair.driver()
                    .executeCdpCommand(
                            "Browser.setDownloadBehavior",
                            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            chair.go("/sitting.html?sitting=" + id);
            chair.waitForState("ready");
            SittingE2eTest.waitLive(chair);
            String item = "#postponements li[data-postponement='" + pid + "']";
            WebElement application = chair.waitFor(By.cssSelector(item));
            assertEquals("awaiting", application.getAttribute("data-state"));
            assertTrue(application.getText().contains("I am in hospital until 10 December"), application.getText());
            chair.driver()
                    .findElement(By.cssSelector(item + " button[data-action='scan']"))
                    .click();
            WebElement saved = chair.waitFor(By.cssSelector(item + " a[data-scan-bytes]"));
            assertEquals(
                    String.valueOf(pdf.length),
                    saved.getAttribute("data-scan-bytes"),
                    "the page fetched the whole scan");
            assertTrue(saved.getAttribute("href").startsWith("blob:"), saved.getAttribute("href"));
            Path file = downloads.resolve(id + "-st1-" + pid + ".pdf");
            chair.waitUntil("the scan saved", () -> Files.exists(file) && sizeOf(file) == pdf.length, LIVE);
            assertArrayEquals(pdf, Files.readAllBytes(file), "the saved scan is the student's file");
            scrollTo(chair, "postponements-section");
            chair.screenshot("sitting-postponement-02-chair-panel");
            Accessibility.check(chair, "sitting, the postponement panel"); // issue 15 (8)
            // 6.15.3: the chair sets another day in the current period (tomorrow, unless today is the configured 10
            // July)
            ZoneId almaty = ZoneId.of("Asia/Almaty");
            LocalDate today = Instant.parse(app.get("/health", null)
                            .headers()
                            .firstValue("X-Server-Time")
                            .orElseThrow())
                    .atZone(almaty)
                    .toLocalDate();
            LocalDate chosen =
                    PostponementDeadline.on(today, MonthDay.of(7, 10)).allows(today.plusDays(1))
                            ? today.plusDays(1)
                            : today;
            chair.js(
                    "document.querySelector(arguments[0]).value = arguments[1]",
                    item + " input[data-deadline]",
                    chosen.toString());
            chair.driver()
                    .findElement(By.cssSelector(item + " button[data-action='allow']"))
                    .click();
            // issue 15 (5): a postponement is a rare action: it asks before acting
            chair.waitUntil(
                    "the allowance asks first",
                    () -> chair.driver().findElement(By.id("rare-dialog")).isDisplayed(),
                    LIVE);
            assertEquals("allow", attribute(chair, "#rare-dialog", "data-kind"));
            assertNull(postponements(id).getJsonObject(0).getValue("allowed"), "nothing decided before the answer");
            chair.driver().findElement(By.id("rare-dialog-ok")).click();
            chair.waitUntil("allowed", () -> "allowed".equals(attribute(chair, item, "data-state")), LIVE);

            // the student holds "I" until the deadline; the console marks them postponed
            JsonObject standing = app.get("/api/v1/sittings/" + id, app.loginAs("st1"))
                    .json()
                    .getJsonObject("progress")
                    .getJsonObject("st1")
                    .getJsonObject("standing");
            assertEquals("I", standing.getString("letter"));
            assertEquals(
                    chosen.plusDays(1).atStartOfDay(almaty).toInstant().toString(),
                    standing.getString("deadline"),
                    "to the end of the day the chair set");
            String year = standing.getString("deadline").substring(0, 4);
            st1.waitUntil(
                    "I on the student's page",
                    () -> "I".equals(attribute(st1, "#postpone-standing", "data-letter")),
                    LIVE);
            String words = st1.driver().findElement(By.id("postpone-standing")).getText();
            assertTrue(words.startsWith("Your grade: \"I\" (Incomplete) until ") && words.contains(year), words);
            assertEquals("incomplete", attribute(st1, "#postpone-standing", "data-state"));
            assertEquals("postponed", attribute(st1, "#sitting-student", "data-status"));
            assertEquals(
                    "allowed", attribute(st1, "#my-postponements li[data-postponement='" + pid + "']", "data-state"));
            assertTrue(st1.driver()
                    .findElement(By.cssSelector("#my-postponements li"))
                    .getText()
                    .contains("Allowed by the chair"));
            assertFalse(
                    st1.driver().findElement(By.id("postpone-form")).isDisplayed(),
                    "no second application while one is allowed");
            scrollTo(st1, "postpone-box");
            st1.screenshot("sitting-postponement-03-student-incomplete");
            String row = "#students li[data-student='st1']";
            chair.waitUntil(
                    "st1 postponed in the list", () -> "postponed".equals(attribute(chair, row, "data-status")), LIVE);
            assertEquals("postponed", attribute(chair, row, "data-step"));
            assertEquals("I", attribute(chair, row + " .standing-badge", "data-letter"));
            assertTrue(chair.driver().findElement(By.cssSelector(row)).getText().contains("Postponed"));
            chair.driver().findElement(By.cssSelector(row + " button")).click();
            chair.waitUntil("st1 chosen", () -> "st1".equals(attribute(chair, "#current", "data-student")), LIVE);
            assertEquals("postponed", attribute(chair, "#current", "data-step"));
            assertTrue(chair.driver()
                    .findElement(By.id("step-hint"))
                    .getText()
                    .startsWith("The chair allowed a postponement (6.15.3): grade \"I\" until"));
            assertEquals("I", attribute(chair, "#current-standing .standing-badge", "data-letter"));
            chair.js("window.scrollTo(0, 0)");
            chair.screenshot("sitting-postponement-04-chair-students");

            // a second student applies with a PNG; the chair refuses, first without a reason (refused in the page),
            // then with one
            StudentFlowE2eTest.signIn(st2, "st2", "en");
            st2.go(studentPage);
            st2.waitForState("ready");
            SittingE2eTest.waitLive(st2);
            st2.driver()
                    .findElement(By.id("postpone-reason"))
                    .sendKeys("I cannot sit remotely: no connection in my village");
            choose(st2, scan);
            st2.driver().findElement(By.id("postpone-submit")).click();
            st2.waitUntil(
                    "st2's application sent",
                    () -> !st2.driver()
                            .findElements(By.cssSelector("#my-postponements li[data-state='awaiting']"))
                            .isEmpty(),
                    LIVE);
            String second = postponements(id).getJsonObject(1).getString("id");
            assertEquals("image/png", postponements(id).getJsonObject(1).getString("documentType"));
            assertArrayEquals(
                    png, app.getBytes("/api/v1/sittings/" + id + "/postponements/" + second + "/document", admin));
            assertEquals(
                    1,
                    st2.driver()
                            .findElements(By.cssSelector("#my-postponements li"))
                            .size(),
                    "a student sees only their own");
            String other = "#postponements li[data-postponement='" + second + "']";
            chair.waitFor(By.cssSelector(other + " button[data-action='refuse']"))
                    .click();
            chair.waitUntil(
                    "a refusal needs a reason",
                    () -> "form".equals(attribute(chair, other + " .postponement-error", "data-error")),
                    LIVE);
            assertNull(postponements(id).getJsonObject(1).getValue("allowed"), "nothing decided");
            String reason = "No document shows the connection cannot be used; sit in the university's room";
            chair.driver().findElement(By.cssSelector(other + " textarea")).sendKeys(reason);
            chair.driver()
                    .findElement(By.cssSelector(other + " button[data-action='refuse']"))
                    .click();
            chair.waitFor(By.id("rare-dialog-ok")).click();
            chair.waitUntil("refused", () -> "refused".equals(attribute(chair, other, "data-state")), LIVE);
            assertTrue(
                    chair.driver().findElement(By.cssSelector(other)).getText().contains(reason));
            st2.waitUntil(
                    "the refusal on st2's page",
                    () -> !st2.driver()
                            .findElements(By.cssSelector("#my-postponements li[data-state='refused']"))
                            .isEmpty(),
                    LIVE);
            assertTrue(st2.driver()
                    .findElement(By.cssSelector("#my-postponements li"))
                    .getText()
                    .contains(reason));
            assertTrue(
                    st2.driver().findElement(By.id("postpone-form")).isDisplayed(),
                    "after a refusal the student may apply again");
            assertFalse(st2.driver().findElement(By.id("postpone-standing")).isDisplayed(), "a refusal gives no I");
            assertEquals("waiting", attribute(chair, "#students li[data-student='st2']", "data-status"));
            scrollTo(st2, "postpone-box");
            st2.screenshot("sitting-postponement-05-student-refused");

            // 6.15.2: no result by the deadline: "I" turns into "F" by itself
            JsonObject doc = new JsonObject(
                    app.redis(Request.cmd(Command.HGET).arg("sitting:" + id).arg("doc"))
                            .toString());
            doc.getJsonObject("progress")
                    .getJsonObject("st1")
                    .getJsonObject("incomplete")
                    .put("deadline", Instant.now().minusSeconds(60).toString());
            app.redis(Request.cmd(Command.HSET).arg("sitting:" + id).arg("doc").arg(doc.encode()));
            st1.go(studentPage);
            st1.waitForState("ready");
            st1.waitUntil(
                    "F on the student's page",
                    () -> "F".equals(attribute(st1, "#postpone-standing", "data-letter")),
                    LIVE);
            assertTrue(st1.driver()
                    .findElement(By.id("postpone-standing"))
                    .getText()
                    .startsWith("Your grade: \"F\". The deadline"));
            assertEquals("failed", attribute(st1, "#postpone-standing", "data-state"));
            assertTrue(st1.driver()
                    .findElement(By.id("student-state"))
                    .getText()
                    .startsWith("The deadline of your postponed exam passed"));
            chair.go("/sitting.html?sitting=" + id);
            chair.waitForState("ready");
            assertEquals("F", attribute(chair, row + " .standing-badge", "data-letter"));
            scrollTo(st1, "postpone-box");
            st1.screenshot("sitting-postponement-06-student-failed");
        }
    }

    static JsonArray postponements(String id) {
        return app.get("/api/v1/sittings/" + id, app.admin()).json().getJsonArray("postponements");
    }

    static void choose(Browser b, Path file) {
        b.driver()
                .findElement(By.id("postpone-document"))
                .sendKeys(file.toAbsolutePath().toString());
    }

    static void waitError(Browser b, String code) {
        b.waitUntil(
                "the page refuses the file (" + code + ")",
                () -> code.equals(attribute(b, "#postpone-error", "data-error"))
                        && b.driver().findElement(By.id("postpone-error")).isDisplayed(),
                LIVE);
    }

    static String errorText(Browser b) {
        return b.driver().findElement(By.id("postpone-error")).getText();
    }

    /** Read in the page in one go: a live reload may replace the element between a find and a read. */
    static String attribute(Browser b, String css, String name) {
        Object value =
                b.js("return document.querySelector(arguments[0])?.getAttribute(arguments[1]) ?? null", css, name);
        return value == null ? null : value.toString();
    }

    static void scrollTo(Browser b, String id) {
        b.js("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static void clear(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Files.createDirectories(dir);
    }

    /** A one-page PDF, as a scanner would send a certificate (the engine keeps the bytes as they are). */
    static byte[] pdf() {
        String text =
                "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
                        + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n"
                        + "% medical certificate: the student is in hospital from 28 November to 10 December\n%%EOF\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A small PNG scan. */
    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++)
            for (int y = 0; y < 20; y++) image.setRGB(x, y, (x * 6) << 16 | (y * 12) << 8 | 0x80);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
