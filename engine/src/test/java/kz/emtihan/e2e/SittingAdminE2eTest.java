package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 5, the administrator's page for a new sitting (sitting-new.html) in headless Chromium against the real engine:
 * from the list of sittings to the form, a sitting refused by the server (no students) with the problem shown next to
 * its field, then corrected, with its tickets from a CSV file, created and opened in the console; the API then holds
 * the sitting with its students in order and its tickets.
 */
class SittingAdminE2eTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("admin", "adm1");
        app.users("commission", "c1", "m1", "m2", "ac1", "ad1");
        app.users("secretary", "sec1");
        app.users("student", "st1", "st2", "st3");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anAdministratorCreatesASittingWithItsTickets() throws IOException {
        Path csv = Files.createTempFile("tickets", ".csv");
        Files.writeString(
                csv,
                "number,question\n1,Normal forms of a relational database\n1,Design a REST API for a library\n"
                        + "2,Explain a B-tree index\n2,\"Transactions, isolation levels\"\n3,Compare TCP and UDP\n",
                StandardCharsets.UTF_8);
        try (Browser b = Browser.open(app.base(), 1280, 1000)) {
            ProctoringE2eTest.signInStaff(b, "adm1");
            b.go("/sittings.html");
            b.waitForState("ready");
            WebElement link = b.driver().findElement(By.id("new-sitting"));
            assertTrue(link.isDisplayed(), "an administrator sees the link to a new sitting");
            b.screenshot("sitting-admin-01-list");
            Accessibility.check(b, "sittings (admin)"); // issue 15 (8)
            link.click();
            b.waitUntil("the form", () -> b.driver().getCurrentUrl().contains("sitting-new.html"), WAIT);
            b.waitForState("ready");
            assertTrue(b.driver().findElement(By.id("new-form")).isDisplayed());

            // everything but the students
            b.driver().findElement(By.id("new-title")).sendKeys("Information systems — comprehensive exam");
            // issue 15 (2): the date typed as the page's pattern says (DD.MM.YYYY), not in the browser's own field
            b.driver().findElement(By.id("new-date")).sendKeys("01.12.2026");
            assertEquals("DD.MM.YYYY", b.driver().findElement(By.id("new-date")).getAttribute("placeholder"));
            b.driver()
                    .findElement(By.cssSelector("#new-language option[value='ru']"))
                    .click();
            b.driver().findElement(By.id("new-video")).sendKeys("https://meet.example.org/is-2026");
            b.driver().findElement(By.id("new-chair")).sendKeys("c1");
            b.driver().findElement(By.id("new-members")).sendKeys("m1, m2");
            b.driver().findElement(By.id("new-secretary")).sendKeys("sec1");
            b.driver().findElement(By.id("new-appeal-chair")).sendKeys("ac1");
            b.driver().findElement(By.id("new-appeal-deputy")).sendKeys("ad1");
            b.driver()
                    .findElement(By.id("new-tickets"))
                    .sendKeys(csv.toAbsolutePath().toString());
            b.driver().findElement(By.id("new-submit")).click();
            WebElement error = b.waitFor(By.id("new-error"));
            assertEquals("invalid-sitting", error.getAttribute("data-error"));
            WebElement problem = b.waitFor(
                    By.cssSelector(".field[data-field='students'] .field-problems li[data-field='students']"));
            assertTrue(problem.getText().contains("at least one student"), problem.getText());
            assertEquals("true", b.driver().findElement(By.id("new-students")).getAttribute("aria-invalid"));
            assertEquals(
                    1,
                    b.driver()
                            .findElements(By.cssSelector(".field-problems li"))
                            .size(),
                    "only the students are wrong");
            b.screenshot("sitting-admin-02-refused");
            assertTrue(app.get("/api/v1/sittings", app.admin()).array().isEmpty(), "nothing was created");

            // corrected: the students in their order
            b.driver().findElement(By.id("new-students")).sendKeys("st2\nst1\nst3");
            b.screenshot("sitting-admin-03-filled");
            Accessibility.check(b, "sitting-new, filled"); // issue 15 (8)
            b.driver().findElement(By.id("new-submit")).click();
            b.waitUntil("the console", () -> b.driver().getCurrentUrl().contains("sitting.html?sitting="), WAIT);
            b.waitForState("ready");
            b.screenshot("sitting-admin-04-console");
            String id = b.driver().getCurrentUrl().replaceAll(".*sitting=", "");

            JsonObject sitting = app.get("/api/v1/sittings/" + id, app.admin()).json();
            assertEquals(
                    List.of("st2", "st1", "st3"),
                    sitting.getJsonArray("students").getList());
            assertEquals("ru", sitting.getString("language"));
            assertEquals(
                    "2026-12-01", sitting.getString("date"), "the API gets the day as the browser's field gave it");
            assertEquals("https://meet.example.org/is-2026", sitting.getString("videoLink"));
            assertEquals("c1", sitting.getJsonObject("commission").getString("chair"));
            assertEquals("sec1", sitting.getJsonObject("commission").getString("secretary"));
            assertTrue(sitting.getJsonObject("commission")
                    .getJsonArray("members")
                    .getList()
                    .containsAll(List.of("m1", "m2")));
            assertEquals("ad1", sitting.getJsonObject("appealCommission").getString("deputy"));
            JsonArray tickets = sitting.getJsonArray("tickets");
            assertEquals(3, tickets.size());
            assertEquals(
                    List.of("Explain a B-tree index", "Transactions, isolation levels"),
                    tickets.getJsonObject(1).getJsonArray("questions").getList());
            assertEquals(
                    List.of(1, 2, 3),
                    app.get("/api/v1/sittings/" + id + "/draws", app.admin())
                            .json()
                            .getJsonArray("tickets")
                            .getList());
            assertFalse(
                    b.driver()
                            .findElements(By.cssSelector("li[data-student='st2']"))
                            .isEmpty(),
                    "the console lists the students");
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
