package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** Issue 10: the verify page in real Chromium (WebCrypto Ed25519): from the result page, and with no sign-in at all. */
class VerifyPageE2eTest {
    static TestEngine app;
    static String attemptId;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("teacher", "vpt");
        app.users("student", "vp1");
        String teacher = app.loginAs("vpt");
        Instant now = Instant.now();
        String examId = Fixtures.exam(
                app,
                teacher,
                StudentFlowE2eTest.unproctored(Fixtures.attestation(
                        Fixtures.validBank(app, teacher),
                        now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofDays(1)))),
                "vp1");
        String student = app.loginAs("vp1");
        JsonObject attempt =
                app.post("/api/v1/exams/" + examId + "/attempts", student, null).json();
        attemptId = attempt.getString("id");
        JsonObject q = attempt.getJsonArray("questions").getJsonObject(0);
        app.put(
                "/api/v1/attempts/" + attemptId + "/answers/" + q.getString("id"),
                student,
                new JsonObject()
                        .put(
                                "choices",
                                new JsonArray()
                                        .add(q.getJsonArray("options")
                                                .getJsonObject(1)
                                                .getString("id")))
                        .put("seq", 1));
        assertEquals(
                200,
                app.post("/api/v1/attempts/" + attemptId + "/submit", student, new JsonObject())
                        .status());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long count(Browser b, String css) {
        return (Long) b.js("return document.querySelectorAll(arguments[0]).length", css);
    }

    @Test
    void theStudentChecksTheirReceiptFromTheResultPageAndAnyoneChecksTheFiles() throws Exception {
        try (Browser b = Browser.open(app.base(), 1280, 900)) {
            StudentFlowE2eTest.signIn(b, "vp1", "en");
            b.go("/result.html?attempt=" + attemptId);
            b.waitForState("ready");
            Accessibility.check(b, "result (en)"); // issue 15 (8)
            // issue 15 (6): the technical details (the log among them) are folded until the student opens them
            b.driver().findElement(By.id("receipt-details-summary")).click();
            b.waitUntil(
                    "the log is offered",
                    () -> b.driver().findElement(By.id("download-log")).isDisplayed(),
                    Duration.ofSeconds(10));
            b.driver().findElement(By.id("check")).click();
            b.waitUntil(
                    "the in-page check",
                    () -> b.driver().findElement(By.id("check-result")).isDisplayed(),
                    Duration.ofSeconds(10));
            String checked = b.driver().findElement(By.id("check-result")).getText();
            assertTrue(
                    b.driver()
                            .findElement(By.id("check-result"))
                            .getAttribute("class")
                            .contains("notice-ok"),
                    checked);
            assertTrue(
                    checked.contains("published key for that time"),
                    "the result page compares the key with the published list: " + checked);
            b.driver().findElement(By.id("verify-link")).click();
            b.waitUntil(
                    "the verify page",
                    () -> b.driver().getCurrentUrl().contains("verify.html?attempt="),
                    Duration.ofSeconds(10));
            b.waitForState("ready");
            assertEquals(
                    2L, count(b, "#recognised li"), "the receipt and the log, fetched with the student's own access");
            Accessibility.check(b, "verify with the files (en)"); // issue 15 (8)
            b.driver().findElement(By.id("check")).click();
            b.waitUntil(
                    "the verdict",
                    () -> b.driver().findElement(By.id("summary")).isDisplayed(),
                    Duration.ofSeconds(10));
            assertTrue(
                    b.driver()
                            .findElement(By.id("summary"))
                            .getAttribute("class")
                            .contains("notice-ok"),
                    b.driver().findElement(By.id("results")).getText());
            assertEquals(
                    8L,
                    count(b, "#results li.verify-ok"),
                    b.driver().findElement(By.id("results")).getText());
            assertEquals(0L, count(b, "#results li.verify-bad"));
            b.screenshot("verify-1-from-result");

            // anyone, signed out, with the files and a log that lost an entry
            b.js("sessionStorage.clear()");
            JsonObject log = app.get("/api/v1/attempts/" + attemptId + "/log", app.loginAs("vp1"))
                    .json();
            Files.writeString(
                    dir.resolve("receipt.json"),
                    app.get("/api/v1/attempts/" + attemptId + "/receipt", app.loginAs("vp1"))
                            .body());
            log.getJsonArray("entries").remove(1);
            Files.writeString(dir.resolve("log.json"), log.encode());
            b.go("/verify.html");
            b.waitForState("ready");
            Accessibility.check(b, "verify, empty (en)");
            b.driver()
                    .findElement(By.id("files"))
                    .sendKeys(dir.resolve("receipt.json") + "\n" + dir.resolve("log.json"));
            b.waitUntil("both files recognised", () -> count(b, "#recognised li") == 2, Duration.ofSeconds(10));
            b.driver().findElement(By.id("check")).click();
            b.waitUntil(
                    "the verdict",
                    () -> b.driver().findElement(By.id("summary")).isDisplayed(),
                    Duration.ofSeconds(10));
            assertTrue(b.driver()
                    .findElement(By.id("summary"))
                    .getAttribute("class")
                    .contains("notice-error"));
            assertEquals(
                    1L,
                    count(b, "#results li.verify-bad[data-check='chain']"),
                    b.driver().findElement(By.id("results")).getText());
            assertEquals(
                    1L,
                    count(b, "#results li.verify-ok[data-check='signature']"),
                    "the receipt itself is still the engine's");
            assertTrue(
                    b.driver()
                            .findElement(By.id("results"))
                            .getText()
                            .contains("/.well-known/emtihan-receipt-keys.json"),
                    "the page says where the keys came from");
            b.screenshot("verify-2-tampered");
        }
    }
}
