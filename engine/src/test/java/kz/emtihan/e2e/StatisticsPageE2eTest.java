package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.grade.statistics.StatisticsFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 12 (6) in real Chromium: the item statistics on the exam page after a small exam run through the API (four
 * students start, answer as {@link StatisticsFixture#MATRIX} says, submit): numbers in the reader's language, the
 * proposals with their evidence, and accepting two of them re-classifies them in the bank.
 */
@SharedEngine(env = {"EMTIHAN_STATISTICS_MIN_ATTEMPTS=2"})
class StatisticsPageE2eTest {
    static TestEngine app;
    static String teacher;

    @BeforeAll
    static void start(TestEngine engine) {
        app = engine;
        app.users("teacher", "spT");
        app.users("student", "spA", "spB", "spC", "spD");
        teacher = app.loginAs("spT");
    }

    static WebElement row(Browser b, StatisticsFixture.Run run, int n) {
        return b.driver()
                .findElement(
                        By.cssSelector("tr[data-question='" + run.questions().get(n) + "']"));
    }

    static String cell(Browser b, StatisticsFixture.Run run, int n, String field) {
        return row(b, run, n)
                .findElement(By.cssSelector("[data-field='" + field + "']"))
                .getText();
    }

    @Test
    void theTeacherReadsTheStatisticsInKazakhAndAcceptsTwoProposals() {
        StatisticsFixture.Run run = StatisticsFixture.run(app, teacher, "spA", "spB", "spC", "spD");
        try (Browser b = Browser.open(app.base(), 1366, 1000)) {
            b.go("/index.html");
            b.js("localStorage.setItem('emtihan.language', 'kk')");
            StaffPagesE2eTest.signIn(b, "spT");
            b.go("/exam.html?exam=" + run.examId());
            b.waitForState("ready");
            WebElement section = b.waitFor(By.id("statistics-section"));
            assertEquals("4", section.getAttribute("data-attempts"));
            Accessibility.check(b, "exam with statistics (kk)"); // issue 15 (8)
            assertEquals(
                    "Сұрақтар статистикасы",
                    b.driver().findElement(By.id("statistics-heading")).getText());
            // Q0: facility 75 %, discrimination 81.65 (StatisticsApiTest), the Kazakh decimal comma and CLDR kk
            // "#,##0%"
            assertEquals("75%", cell(b, run, 0, "facility"));
            assertEquals("81,65%", cell(b, run, 0, "discrimination"));
            // Q2 discriminates negatively (-22.94): the page says to check it
            String q2 = cell(b, run, 2, "discrimination");
            assertTrue(q2.contains("22,94%") && q2.contains("Нөлден төмен"), q2);
            // bank order: Question 0 first
            assertEquals(
                    run.questions().get(0),
                    b.driver().findElement(By.cssSelector("tr[data-question]")).getAttribute("data-question"));
            assertEquals("—", cell(b, run, 4, "discrimination"), "no variance: Moodle shows none");
            // test: mean 2.75 of 5 (55 %)
            String mean = b.driver()
                    .findElement(By.cssSelector("#statistics-test [data-field='mean'] dd"))
                    .getText();
            assertTrue(mean.contains("2,75") && mean.contains("55"), mean);
            // option frequencies of Q1 in the bank's order: option 2 (correct) once, option 3 twice, one blank
            String options = cell(b, run, 1, "options");
            assertTrue(options.contains("2-нұсқа: 25% (1)") && options.contains("3-нұсқа: 50% (2)"), options);
            assertEquals("hard", row(b, run, 1).getAttribute("data-proposal"));
            assertEquals("hard", row(b, run, 3).getAttribute("data-proposal"));
            assertEquals("easy", row(b, run, 4).getAttribute("data-proposal"));
            assertEquals("", row(b, run, 0).getAttribute("data-proposal"));
            assertTrue(cell(b, run, 4, "proposal").contains("4 әрекет бойынша жеңілдік 100%"));
            Object sideways = b.js("const r = document.querySelector('#statistics-table').parentElement;"
                    + " return r.scrollWidth > r.clientWidth");
            assertEquals(Boolean.FALSE, sideways, "the Kazakh table fits a 1366-pixel screen");
            b.js("document.getElementById('statistics-section').scrollIntoView()");
            b.screenshot("exam-statistics-kk");

            // accept Q1 → hard and Q4 → easy, not Q3
            for (int n : new int[] {1, 4}) {
                b.driver()
                        .findElement(By.cssSelector(
                                "input[data-accept='" + run.questions().get(n) + "']"))
                        .click();
            }
            b.driver().findElement(By.id("statistics-accept")).click();
            WebElement accepted = b.waitFor(By.id("statistics-accepted"));
            assertEquals("2", accepted.getAttribute("data-classified"));
            assertEquals("", row(b, run, 1).getAttribute("data-proposal"), "accepted: no longer proposed");
            assertEquals("hard", row(b, run, 3).getAttribute("data-proposal"));
            assertTrue(cell(b, run, 1, "class").contains("қазір банкте: Қиын"), cell(b, run, 1, "class"));
            b.js("document.getElementById('statistics-accepted').scrollIntoView({block: 'center'})");
            b.screenshot("exam-statistics-kk-accepted");
        }
        assertEquals(List.of("hard", "medium", "easy"), List.of(classOf(run, 1), classOf(run, 3), classOf(run, 4)));
    }

    @Test
    void onAPhoneTheTableBecomesCardsInEnglish() {
        StatisticsFixture.Run run = StatisticsFixture.run(app, teacher, "spA", "spB", "spC", "spD");
        try (Browser b = Browser.open(app.base(), 390, 844)) {
            b.go("/index.html");
            b.js("localStorage.setItem('emtihan.language', 'en')");
            StaffPagesE2eTest.signIn(b, "spT");
            b.go("/exam.html?exam=" + run.examId());
            b.waitForState("ready");
            b.waitFor(By.id("statistics-section"));
            assertEquals("81.65%", cell(b, run, 0, "discrimination"));
            Accessibility.check(b, "exam with statistics (en)");
            // bank order: Question 0 first
            assertEquals(
                    run.questions().get(0),
                    b.driver().findElement(By.cssSelector("tr[data-question]")).getAttribute("data-question"));
            b.waitUntil(
                    "the CSV button is there",
                    () -> b.driver().findElement(By.id("statistics-csv")).isDisplayed(),
                    Duration.ofSeconds(5));
            Object overflow = b.js("return document.documentElement.scrollWidth > window.innerWidth");
            assertEquals(Boolean.FALSE, overflow, "nothing wider than the phone");
            Object table = b.js("const r = document.querySelector('#statistics-table').parentElement;"
                    + " return r.scrollWidth > r.clientWidth");
            assertEquals(Boolean.FALSE, table, "the cards fit the phone: no sideways scrolling inside the table");
            b.js("arguments[0].scrollIntoView()", row(b, run, 1));
            b.screenshot("exam-statistics-en-390");
        }
    }

    static String classOf(StatisticsFixture.Run run, int n) {
        for (Object o :
                app.get("/api/v1/banks/" + run.bankId() + "/questions", teacher).array()) {
            JsonObject q = (JsonObject) o;
            if (q.getString("id").equals(run.questions().get(n))) return q.getString("difficulty");
        }
        throw new AssertionError("no question " + n);
    }
}
