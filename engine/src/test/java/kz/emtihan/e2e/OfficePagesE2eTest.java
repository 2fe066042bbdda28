package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 15 (1-3) on the office pages, in Kazakh, on the demo's data: the registry on a 390-pixel phone is cards with
 * their column names and opens at the chosen test's heading; the file fields and the date field speak the page's
 * language, not the browser's (an English Chromium here); the accounts page says what each role code means.
 */
class OfficePagesE2eTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.startDemo();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Number number(Browser b, String script) {
        return (Number) b.js(script);
    }

    /** issue 15 (1): nothing cut on the right, every cell named, the test's heading first. */
    @Test
    void theRegistryOnAPhoneIsCardsWithTheirColumnNamesAndOpensAtTheTestsHeading() {
        try (Browser b = Browser.open(app.base(), 390, 844)) {
            AccessibilityE2eTest.signIn(b, "registrar", "demo-registrar", "kk");
            b.go("/registry.html");
            b.waitForState("ready");
            String exam = b.driver()
                    .findElement(By.cssSelector("#registry-exams-body tr[data-exam]"))
                    .getAttribute("data-exam");
            b.go("/registry.html?exam=" + exam);
            b.waitForState("ready");
            b.waitUntil(
                    "the test's students",
                    () -> exam.equals(
                            b.driver().findElement(By.id("registry-detail")).getAttribute("data-exam")),
                    WAIT);
            double top = number(
                            b, "return document.getElementById('registry-detail-heading').getBoundingClientRect().top")
                    .doubleValue();
            assertTrue(top >= 0 && top < 80, "the test's heading is at the top of the first screen: " + top);
            assertEquals(
                    0L,
                    number(
                                    b,
                                    "return Math.max(0, ...[...document.querySelectorAll('.table-scroll')]"
                                            + ".map(d => d.scrollWidth - d.clientWidth), document.documentElement.scrollWidth - innerWidth)")
                            .longValue(),
                    "no table is cut on the right");
            for (String table : List.of("registry-exams-table", "registry-rows", "registry-sittings-table")) {
                assertEquals(
                        "grid",
                        b.js("return getComputedStyle(document.querySelector('#" + table + " tbody td')).display"),
                        table + ": a row is a card, its cells label and value");
                assertEquals(
                        0L,
                        number(
                                        b,
                                        "return [...document.querySelectorAll('#" + table + " tbody td')]"
                                                + ".filter(td => !td.dataset.label).length")
                                .longValue(),
                        table + ": every cell has its column's name");
            }
            assertEquals(
                    "Бақылау түрі",
                    b.js("return document.querySelector('#registry-exams-body td').dataset.label"),
                    "in the page's language");
            Accessibility.check(b, "registry on a phone (kk)");
        }
    }

    /** issue 15 (2, 3): the browser's "Choose File", "No file chosen" and "mm/dd/yyyy" are nowhere; codes explained. */
    @Test
    void fileAndDateFieldsAndRoleCodesAreInThePagesLanguage(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("accounts.csv");
        Files.writeString(csv, "id,name,roles,password\n");
        try (Browser b = Browser.open(app.base(), 1366, 768)) {
            AccessibilityE2eTest.signIn(b, "admin", TestEngine.ADMIN_PASSWORD, "kk");
            b.go("/users.html");
            b.waitForState("ready");
            WebElement field = b.driver().findElement(By.cssSelector(".file-field[data-for='users-file']"));
            assertEquals(
                    "Файлды таңдау",
                    field.findElement(By.className("file-face")).getText());
            assertEquals(
                    "Файл таңдалмаған",
                    field.findElement(By.className("file-chosen")).getText());
            b.driver().findElement(By.id("users-file")).sendKeys(csv.toString()); // the input keeps its id
            b.waitUntil(
                    "the chosen file named",
                    () -> "accounts.csv"
                            .equals(field.findElement(By.className("file-chosen"))
                                    .getText()),
                    WAIT);
            List<WebElement> roles = b.driver().findElements(By.cssSelector("#users-roles .code-pair"));
            assertEquals(12, roles.size(), "every role the engine knows");
            for (WebElement role : roles) {
                String code = role.getAttribute("data-code");
                String meaning = role.findElement(By.tagName("dd")).getText();
                assertEquals(code, role.findElement(By.tagName("code")).getText(), "the code as the file needs it");
                assertNotEquals(code, meaning, code + " is explained");
                assertFalse(meaning.isBlank(), code);
            }
            assertEquals(
                    6,
                    b.driver()
                            .findElements(By.cssSelector("#users-columns .code-pair"))
                            .size());
            Accessibility.check(b, "users with the role codes (kk)");

            b.go("/sitting-new.html");
            b.waitForState("ready");
            WebElement date = b.driver().findElement(By.id("new-date"));
            assertEquals("text", date.getAttribute("type"), "not the browser's date field");
            assertEquals("КК.АА.ЖЖЖЖ", date.getAttribute("placeholder"));
            date.sendKeys("1.12.2026");
            WebElement readout = b.driver().findElement(By.cssSelector("#new-date-format .date-readout"));
            assertEquals("read", readout.getAttribute("data-state"));
            assertTrue(
                    readout.getText().contains("2026") && readout.getText().contains("желтоқсан"), readout.getText());
            String page = b.driver().findElement(By.tagName("body")).getText();
            for (String english : List.of("Choose File", "No file chosen", "mm/dd/yyyy"))
                assertFalse(page.contains(english), "'" + english + "' on the page");
            assertEquals(
                    "Файлды таңдау",
                    b.driver()
                            .findElement(By.cssSelector(".file-field[data-for='new-tickets'] .file-face"))
                            .getText());
        }
    }
}
