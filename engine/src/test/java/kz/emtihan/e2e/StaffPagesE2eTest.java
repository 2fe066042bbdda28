package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The teacher's and the proctor's pages in real Chromium against the real engine (issue 3 §4, §5). */
class StaffPagesE2eTest {
    static final String SECRET = "staff-pages-e2e-secret-0123456789abcdef";
    static TestEngine app;
    static String teacher;

    @BeforeAll
    static void start() {
        app = TestEngine.start(Map.of("EMTIHAN_AUTH_JWT_SECRET", SECRET));
        app.users("teacher", "t1");
        app.users("proctor", "p1");
        app.users("student", "s1", "s2", "s3");
        teacher = app.loginAs("t1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void signIn(Browser b, String user) {
        b.go("/index.html");
        b.waitForState("ready");
        b.driver().findElement(By.id("username")).sendKeys(user);
        b.driver().findElement(By.id("password")).sendKeys(user + "-password");
        b.driver().findElement(By.id("login-submit")).click();
        b.waitUntil(
                "the signed-in page", () -> !b.driver().getCurrentUrl().contains("index.html"), Duration.ofSeconds(10));
    }

    /** Issue 11 (1): the server's sentence in the page's language; a change of language is kept on the account. */
    @Test
    void aWrongPasswordOnAKazakhPageIsSaidInKazakhAndAChangeOfLanguageIsSaved() {
        app.users("teacher", "tL"); // their own account: the language saved here concerns no other test
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            b.go("/index.html");
            b.js("localStorage.setItem('emtihan.language', 'kk')");
            b.go("/index.html");
            b.waitForState("ready");
            b.driver().findElement(By.id("username")).sendKeys("tL");
            b.driver().findElement(By.id("password")).sendKeys("not-the-password");
            b.driver().findElement(By.id("login-submit")).click();
            var error = b.waitFor(By.id("login-error"));
            b.waitUntil("the refusal is shown", () -> !error.getText().isBlank(), Duration.ofSeconds(10));
            assertEquals("Пайдаланушы аты немесе құпиясөз қате.", error.getText());
            Accessibility.check(b, "index, a refusal (kk)"); // issue 15 (8)

            signIn(b, "tL");
            b.waitForState("ready");
            Accessibility.check(b, "teacher (kk)");
            new Select(b.driver().findElement(By.id("language"))).selectByValue("ru");
            b.waitUntil(
                    "the choice is saved on the account",
                    () -> "ru"
                            .equals(app.get("/api/v1/me", app.loginAs("tL"))
                                    .json()
                                    .getString("language")),
                    Duration.ofSeconds(10));
        }
    }

    @Test
    void aTeacherUploadsAMoodleExportAndSeesTheReport() {
        String bankId =
                app.post("/api/v1/banks", teacher, Fixtures.passport()).json().getString("id");
        Path export = Path.of("src/test/resources/imports/moodle-export.xml").toAbsolutePath();
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            signIn(b, "t1");
            b.go("/bank.html?bank=" + bankId);
            b.waitForState("ready");
            new Select(b.driver().findElement(By.id("import-format"))).selectByValue("moodle-xml");
            b.driver().findElement(By.id("import-file")).sendKeys(export.toString());
            b.driver().findElement(By.id("import-submit")).click();
            var imported = b.waitFor(By.id("import-imported"));
            int count = Integer.parseInt(imported.getAttribute("data-imported"));
            assertEquals(
                    app.get("/api/v1/banks/" + bankId, teacher).json().getInteger("questionCount"),
                    count,
                    "the report shows what the bank now holds");
            assertTrue(count > 0);
            String skipped = b.driver().findElement(By.id("import-skipped")).getText();
            assertTrue(skipped.contains("truefalse") && skipped.contains("essay"), skipped);
            b.js("document.getElementById('import-report').scrollIntoView()");
            b.screenshot("teacher-bank-import-report");
        }
    }

    @Test
    void theProgressPageShowsAStudentWorkingOnASecondEngineProcess() {
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), "s1", "s2", "s3");
        try (EngineProcess node2 = EngineProcess.start(Map.of(
                        "EMTIHAN_REDIS_URL",
                        app.engine().embeddedRedis().orElseThrow().url(),
                        "EMTIHAN_AUTH_JWT_SECRET",
                        SECRET));
                Browser b = Browser.open(app.base(), 1366, 768)) {
            signIn(b, "p1");
            b.go("/progress.html?exam=" + examId);
            b.waitForState("ready");
            Accessibility.check(b, "progress (en)"); // issue 15 (8)
            b.waitUntil(
                    "the live connection",
                    () -> "live"
                            .equals(b.driver().findElement(By.id("live-state")).getAttribute("data-live")),
                    Duration.ofSeconds(10));
            assertEquals("not-started", row(b, "s1", "data-status"));

            // the student works on the other engine process
            TestEngine.Reply login = send(
                    node2,
                    "POST",
                    "/api/v1/auth/login",
                    null,
                    new JsonObject().put("username", "s1").put("password", "s1-password"));
            String token = login.json().getString("token");
            JsonObject attempt = send(node2, "POST", "/api/v1/exams/" + examId + "/attempts", token, null)
                    .json();
            b.waitUntil(
                    "the row shows the attempt started",
                    () -> "in-progress".equals(row(b, "s1", "data-status")),
                    Duration.ofSeconds(10));
            for (int i = 0; i < 2; i++) {
                JsonObject q = attempt.getJsonArray("questions").getJsonObject(i);
                send(
                        node2,
                        "PUT",
                        "/api/v1/attempts/" + attempt.getString("id") + "/answers/" + q.getString("id"),
                        token,
                        new JsonObject()
                                .put(
                                        "choices",
                                        new JsonArray()
                                                .add(q.getJsonArray("options")
                                                        .getJsonObject(0)
                                                        .getString("id")))
                                .put("seq", 1));
                String expected = Integer.toString(i + 1);
                b.waitUntil(
                        "the answer count becomes " + expected,
                        () -> expected.equals(answered(b, "s1")),
                        Duration.ofSeconds(10));
            }
            b.screenshot("proctor-progress-live");
            send(node2, "POST", "/api/v1/attempts/" + attempt.getString("id") + "/submit", token, null);
            b.waitUntil(
                    "the row shows the submit",
                    () -> "submitted".equals(row(b, "s1", "data-status")),
                    Duration.ofSeconds(10));
            assertEquals("not-started", row(b, "s2", "data-status"));
        }
    }

    static String row(Browser b, String student, String attribute) {
        return b.driver()
                .findElement(By.cssSelector("tr[data-student='" + student + "']"))
                .getAttribute(attribute);
    }

    static String answered(Browser b, String student) {
        return b.driver()
                .findElement(By.cssSelector("tr[data-student='" + student + "'] [data-answered]"))
                .getAttribute("data-answered");
    }

    /** A request to the second engine process, through the same HTTP helper as the first. */
    static TestEngine.Reply send(EngineProcess node, String method, String path, String token, JsonObject body) {
        return app.sendTo(node.base(), method, path, token, body);
    }
}
