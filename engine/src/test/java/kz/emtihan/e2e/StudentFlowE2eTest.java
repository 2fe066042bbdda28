package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The student's whole way through the pages in real headless Chromium against the real engine (issue 3). */
class StudentFlowE2eTest {
    static TestEngine app;
    static String teacher;
    static String bankId;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("teacher", "t1");
        app.users("student", "en1", "kk1", "ru1", "off1", "re1", "auto1", "phone1");
        teacher = app.loginAs("t1");
        bankId = Fixtures.validBank(app, teacher);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** An unproctored exam: this test is about answering; the proctored way in is ProctoringE2eTest's. */
    static String openExamFor(String student) {
        Instant now = Instant.now();
        return Fixtures.exam(
                app,
                teacher,
                // 5.20.3: one attestation per discipline and period, so each exam here has a bank of its own
                unproctored(Fixtures.attestation(
                        Fixtures.validBank(app, teacher),
                        now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofDays(1)))),
                student);
    }

    static JsonObject unproctored(JsonObject exam) {
        return exam.put(
                "proctoring",
                new JsonObject().put("camera", false).put("screen", false).put("identity", false));
    }

    /** Signs in through the login page in the given language (chosen with the page's own switcher). */
    static void signIn(Browser b, String user, String language) {
        b.go("/index.html");
        b.waitForState("ready");
        if (!language.equals(b.js("return document.documentElement.lang"))) {
            b.driver()
                    .findElement(By.cssSelector("#language option[value='" + language + "']"))
                    .click();
            b.waitUntil(
                    "the page speaks " + language,
                    () -> language.equals(b.js("return document.documentElement.lang")),
                    Duration.ofSeconds(10));
            b.waitForState("ready");
        }
        Accessibility.check(b, "index (" + language + ")"); // issue 15 (8)
        b.driver().findElement(By.id("username")).sendKeys(user);
        b.driver().findElement(By.id("password")).sendKeys(user + "-password");
        b.driver().findElement(By.id("login-submit")).click();
        b.waitUntil("my exams", () -> b.driver().getCurrentUrl().contains("exams.html"), Duration.ofSeconds(10));
        b.waitForState("ready");
    }

    /** From my exams through the rules page into the test. */
    static void startFirstExam(Browser b) {
        // the list re-renders when an exam's window or the live feed changes: click the button as it is then
        SittingE2eTest.clickThroughRerender(b, By.cssSelector("#exam-list button.button-primary"));
        b.waitUntil("the rules page", () -> b.driver().getCurrentUrl().contains("rules.html"), Duration.ofSeconds(10));
        b.waitForState("ready");
        Accessibility.check(b, "rules"); // issue 15 (8)
        WebElement go = b.driver().findElement(By.id("rules-start"));
        assertEquals(false, go.isEnabled(), "the test cannot start before the rules are accepted");
        b.driver().findElement(By.id("rules-agree")).click();
        go.click();
        b.waitUntil("the test page", () -> b.driver().getCurrentUrl().contains("attempt.html"), Duration.ofSeconds(10));
        b.waitForState("ready");
    }

    /** Chooses the first option of the shown question and returns its option id. */
    static String answerShownQuestion(Browser b, int optionIndex) {
        List<WebElement> inputs = b.driver().findElements(By.cssSelector("#options input"));
        WebElement input = inputs.get(optionIndex);
        b.js("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        return input.getAttribute("value");
    }

    static void next(Browser b) {
        WebElement next = b.driver().findElement(By.id("next"));
        b.js("arguments[0].scrollIntoView({block: 'center'})", next); // the offline notice sits at the bottom edge
        next.click();
    }

    static JsonObject serverAttempt(String student, String examId) {
        String token = app.loginAs(student);
        return app.post("/api/v1/exams/" + examId + "/attempts", token, null).json();
    }

    void takeWholeTestIn(String language, String student) {
        String examId = openExamFor(student);
        try (Browser b = Browser.open(app.base(), 1366, 768)) {
            signIn(b, student, language);
            assertEquals(language, b.js("return document.documentElement.lang"));
            String heading = b.driver().findElement(By.cssSelector("main h1")).getText();
            if (!language.equals("en")) {
                assertNotEquals("My exams", heading);
                assertTrue(
                        heading.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
                        heading);
            }
            b.screenshot("student-" + language + "-1-exams");
            Accessibility.check(b, "exams (" + language + ")"); // issue 15 (8)
            startFirstExam(b);
            b.waitUntil(
                    "the proctor's progress shows the page connected (live socket)",
                    () -> app.get("/api/v1/exams/" + examId + "/progress", teacher)
                            .json()
                            .getJsonArray("students")
                            .getJsonObject(0)
                            .getBoolean("connected"),
                    Duration.ofSeconds(10));
            for (int i = 0; i < 3; i++) {
                answerShownQuestion(b, i);
                next(b);
            }
            b.waitUntil(
                    "three answers saved",
                    () -> "0".equals(b.driver().findElement(By.id("attempt")).getAttribute("data-pending")),
                    Duration.ofSeconds(10));
            b.driver().findElement(By.cssSelector("#mark")).click(); // question 4 is marked for review
            assertEquals("true", b.driver().findElement(By.id("mark")).getAttribute("aria-pressed"));
            assertEquals(1L, b.js("return document.querySelectorAll('#nav-list button.marked').length"));
            b.screenshot("student-" + language + "-2-test");
            Accessibility.check(b, "attempt (" + language + ")");
            b.driver().findElement(By.id("submit-open")).click();
            assertTrue(
                    b.waitFor(By.id("confirm-marked")).getText().contains("4"),
                    "the confirmation names the marked question");
            String summary = b.waitFor(By.id("confirm-summary")).getText();
            assertTrue(
                    summary.contains("27") || summary.contains("4"), "the unanswered questions are listed: " + summary);
            b.screenshot("student-" + language + "-3-confirm");
            Accessibility.check(b, "attempt, the confirmation (" + language + ")");
            b.driver().findElement(By.id("confirm-submit")).click();
            b.waitUntil(
                    "the result page",
                    () -> b.driver().getCurrentUrl().contains("result.html"),
                    Duration.ofSeconds(15));
            b.waitForState("ready");
            String score = b.driver().findElement(By.id("score")).getText();
            assertTrue(score.contains("%"), score);
            // issue 15 (6): the receipt's JSON and commands are folded away until asked for
            assertEquals(null, b.driver().findElement(By.id("receipt-details")).getAttribute("open"));
            assertFalse(b.driver().findElement(By.id("receipt-json")).isDisplayed());
            b.driver().findElement(By.id("receipt-details-summary")).click();
            assertTrue(b.driver().findElement(By.id("receipt-json")).getText().contains("\"signature\""));
            b.screenshot("student-" + language + "-4-result");
            Accessibility.check(b, "result (" + language + ")");
        }
    }

    @Test
    void theCardSaysBeforeTheRulesPageThatAStudentIsNotAdmittedAndWhatProctoringNeeds() { // issue 15 (6)
        app.users("student", "card1");
        Instant now = Instant.now();
        String refused = openExamFor("card1");
        TestEngine.Reply roster = app.put(
                "/api/v1/exams/" + refused + "/roster",
                teacher,
                new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("studentId", "card1").put("admissionRating", 30)));
        assertEquals(200, roster.status(), roster.body());
        String proctored = Fixtures.exam(
                app,
                teacher,
                Fixtures.attestation(
                        Fixtures.validBank(app, teacher),
                        now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofHours(3))),
                "card1");
        try (Browser b = Browser.open(app.base(), 390, 844)) {
            signIn(b, "card1", "kk");
            WebElement no = b.driver().findElement(By.cssSelector("li.exam-card[data-exam='" + refused + "']"));
            assertEquals("false", no.getAttribute("data-admitted"));
            String said = no.findElement(By.cssSelector(".exam-refusal")).getText();
            assertTrue(said.contains("5.30") && said.contains("30"), said);
            assertTrue(no.findElements(By.tagName("button")).isEmpty(), "no way to the rules page");
            assertTrue(no.findElements(By.cssSelector("[data-field=time]")).isEmpty(), "no \"start now and you have\"");
            WebElement yes = b.driver().findElement(By.cssSelector("li.exam-card[data-exam='" + proctored + "']"));
            assertEquals("true", yes.getAttribute("data-proctored"));
            assertEquals(
                    List.of("camera", "microphone", "whole-screen"),
                    yes.findElements(By.cssSelector(".exam-needs li")).stream()
                            .map(li -> li.getAttribute("data-need"))
                            .toList());
            assertTrue(yes.findElement(By.cssSelector(".exam-needs")).getText().contains("бүкіл экранды"));
            WebElement time = yes.findElement(By.cssSelector("[data-field=time]"));
            assertEquals("exams.untilCloses", time.getAttribute("data-key"), "the window closes within the day");
            assertTrue(time.getText().contains("50 минут"), time.getText());
            assertTrue(yes.findElement(By.cssSelector("button.button-primary")).isEnabled(), "the admitted may start");
            b.screenshot("student-kk-exam-cards-phone");
        }
    }

    @Test
    void theWholeTestInEnglish() {
        takeWholeTestIn("en", "en1");
    }

    @Test
    void theWholeTestInKazakh() {
        takeWholeTestIn("kk", "kk1");
    }

    @Test
    void theWholeTestInRussian() {
        takeWholeTestIn("ru", "ru1");
    }

    @Test
    void threeAnswersGivenOfflineAllReachTheServerWhenTheConnectionReturns() {
        String examId = openExamFor("off1");
        try (Browser b = Browser.open(app.base(), 1366, 768)) {
            signIn(b, "off1", "en");
            startFirstExam(b);
            b.offline(true);
            String[] chosen = new String[3];
            String[] questions = new String[3];
            for (int i = 0; i < 3; i++) {
                questions[i] = b.driver()
                        .findElement(By.cssSelector("#options input"))
                        .getAttribute("name")
                        .substring("answer-".length());
                chosen[i] = answerShownQuestion(b, 1);
                next(b);
            }
            b.waitUntil(
                    "the page says it is offline",
                    () -> "offline"
                            .equals(b.driver().findElement(By.id("attempt")).getAttribute("data-connection")),
                    Duration.ofSeconds(10));
            assertEquals("3", b.driver().findElement(By.id("attempt")).getAttribute("data-pending"));
            assertTrue(b.driver().findElement(By.id("connection")).isDisplayed());
            b.screenshot("student-offline");
            assertEquals(
                    new JsonObject(),
                    serverAttempt("off1", examId).getJsonObject("answers"),
                    "nothing reached the server yet");

            b.offline(false);
            b.js("window.dispatchEvent(new Event('online'))");
            b.waitUntil(
                    "all three are acknowledged",
                    () -> "0".equals(b.driver().findElement(By.id("attempt")).getAttribute("data-pending")),
                    Duration.ofSeconds(30));
            // issue 15 (6): once the queue is empty after the outage, the page says every answer was delivered
            b.waitUntil(
                    "the page says all answers were delivered",
                    () -> "true".equals(b.driver().findElement(By.id("attempt")).getAttribute("data-delivered")),
                    Duration.ofSeconds(10));
            assertEquals(
                    "Connection restored: all answers delivered to the server.",
                    b.driver().findElement(By.id("connection")).getText());
            JsonObject answers = serverAttempt("off1", examId).getJsonObject("answers");
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        chosen[i],
                        answers.getJsonArray(questions[i]).getString(0),
                        "answer " + (i + 1) + " reached the server");
            }
        }
    }

    @Test
    void aReloadMidTestRestoresTheAnswers() {
        openExamFor("re1");
        try (Browser b = Browser.open(app.base(), 1366, 768)) {
            signIn(b, "re1", "en");
            startFirstExam(b);
            String first = answerShownQuestion(b, 2);
            next(b);
            String second = answerShownQuestion(b, 4);
            b.waitUntil(
                    "both saved",
                    () -> "0".equals(b.driver().findElement(By.id("attempt")).getAttribute("data-pending")),
                    Duration.ofSeconds(10));
            b.driver().navigate().refresh();
            b.waitForState("ready");
            b.driver().findElement(By.cssSelector("#nav-list button")).click();
            assertEquals(
                    Boolean.TRUE,
                    b.js(
                            "return document.querySelector('#options input[value=\"' + arguments[0] + '\"]').checked",
                            first));
            next(b);
            assertEquals(
                    Boolean.TRUE,
                    b.js(
                            "return document.querySelector('#options input[value=\"' + arguments[0] + '\"]').checked",
                            second));
            assertEquals(2L, b.js("return document.querySelectorAll('#nav-list button.answered').length"));
        }
    }

    /**
     * Issue 15 (4): on a 390 × 844 phone the question and its answers come first, the timer stays in view, Previous and
     * Next sit side by side, and the offline line is compact and lies over no answer and no button: each of them,
     * brought into view, is the element under its own centre.
     */
    @Test
    void onAPhoneTheQuestionComesFirstAndTheOfflineLineCoversNothing() {
        openExamFor("phone1");
        try (Browser b = Browser.open(app.base(), 390, 844)) {
            signIn(b, "phone1", "kk");
            startFirstExam(b);
            double height = number(b.js("return window.innerHeight"));
            assertEquals(
                    Boolean.FALSE,
                    b.js("return document.documentElement.scrollWidth > window.innerWidth"),
                    "nothing wider than the phone");
            assertTrue(
                    rect(b, "#question-heading", "top") < height / 4,
                    "the question starts in the top quarter: " + rect(b, "#question-heading", "top"));
            assertTrue(
                    rect(b, "#options", "bottom") <= height,
                    "every answer in the first view: " + rect(b, "#options", "bottom"));
            assertEquals(rect(b, "#prev", "top"), rect(b, "#next", "top"), 1.0, "Previous and Next on one line");
            assertTrue(rect(b, "#prev", "right") <= rect(b, "#next", "left"), "Previous left of Next");
            // issue 15 (4): the exam's whole title (wrapped, not cut with "…"), and "Қайта қарауға белгілеу" on one
            // line
            assertEquals(
                    Boolean.TRUE,
                    b.js(
                            "const t = document.getElementById('exam-title');"
                                    + " return t.scrollWidth <= t.clientWidth && getComputedStyle(t).textOverflow !== 'ellipsis'"),
                    "the title is not cut");
            for (String button : List.of("#clear", "#mark")) {
                assertTrue(rect(b, button, "height") <= 48, button + " on one line: " + rect(b, button, "height"));
            }
            assertTrue(rect(b, ".site-header", "height") <= 56, "header: " + rect(b, ".site-header", "height"));

            b.offline(true);
            answerShownQuestion(b, 1);
            b.waitUntil(
                    "the page says it is offline",
                    () -> "offline"
                            .equals(b.driver().findElement(By.id("attempt")).getAttribute("data-connection")),
                    Duration.ofSeconds(10));
            b.js("window.scrollTo(0, 0)");
            assertTrue(b.driver().findElement(By.id("connection")).isDisplayed());
            assertTrue(
                    rect(b, "#connection", "height") <= 64,
                    "a compact line: " + rect(b, "#connection", "height") + " px");
            assertTrue(
                    rect(b, "#connection", "bottom") <= rect(b, "#question-heading", "top"),
                    "above the question, not over it");
            b.screenshot("student-phone-offline-kk");
            for (String selector : List.of(
                    "#options label:nth-child(1)",
                    "#options label:nth-child(3)",
                    "#options label:nth-child(5)",
                    "#prev",
                    "#next",
                    "#clear",
                    "#mark")) {
                Object under = b.js(
                        "const el = document.querySelector(arguments[0]); el.scrollIntoView({block: 'nearest'});"
                                + " const r = el.getBoundingClientRect();"
                                + " const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                                + " return el.contains(top) ? 'itself' : (top && (top.id || top.className))",
                        selector);
                assertEquals("itself", under, selector + " is covered");
            }
            b.js("window.scrollTo(0, document.documentElement.scrollHeight)");
            assertTrue(
                    rect(b, "#timer", "top") >= 0 && rect(b, "#timer", "bottom") <= height,
                    "the timer stays in view at the bottom of the page");
            b.offline(false);
        }
    }

    static double rect(Browser b, String selector, String edge) {
        return number(b.js(
                "return document.querySelector(arguments[0]).getBoundingClientRect()[arguments[1]]", selector, edge));
    }

    static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void whenTimeIsUpThePageSubmitsByItself() {
        Instant now = Instant.now();
        // the window closes 20 s from now, so the deadline min(start + 50 min, close) is the close
        Fixtures.exam(
                app,
                teacher,
                unproctored(Fixtures.attestation(
                        Fixtures.validBank(app, teacher), now.minusSeconds(60), now.plusSeconds(20))),
                "auto1");
        try (Browser b = Browser.open(app.base(), 390, 844)) {
            signIn(b, "auto1", "en");
            startFirstExam(b);
            answerShownQuestion(b, 0);
            b.screenshot("student-phone-test");
            b.waitUntil(
                    "the page submits at the deadline",
                    () -> b.driver().getCurrentUrl().contains("result.html"),
                    Duration.ofSeconds(45));
            b.waitForState("ready");
            String score = b.driver().findElement(By.id("score")).getText();
            assertTrue(score.contains("%"), score);
        }
    }
}
