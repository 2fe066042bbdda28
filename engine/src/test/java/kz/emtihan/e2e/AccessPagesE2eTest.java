package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 10 (3) on the pages, in real Chromium: the bank's owner names an expert, an admin assigns an exam's proctor,
 * and what the pages saved is what the server then enforces.
 */
class AccessPagesE2eTest {
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("teacher", "t1", "t2");
        app.users("expert", "e1");
        app.users("proctor", "p1", "p2");
        app.users("admin", "a1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theOwnerNamesAnExpertOnTheBankPage() {
        String bankId = Fixtures.validBank(app, app.loginAs("t1"));
        assertEquals(403, app.get("/api/v1/banks/" + bankId, app.loginAs("e1")).status(), "not yet named");
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            StaffPagesE2eTest.signIn(b, "t1");
            b.go("/bank.html?bank=" + bankId);
            b.waitForState("ready");
            Accessibility.check(b, "bank (owner, en)"); // issue 15 (8)
            assertEquals("true", b.driver().findElement(By.id("people-section")).getAttribute("data-may-manage"));
            b.driver().findElement(By.id("experts-e1")).click();
            b.driver().findElement(By.id("people-save")).click();
            b.waitUntil(
                    "the saved notice",
                    () -> b.driver().findElement(By.id("people-saved")).isDisplayed(),
                    Duration.ofSeconds(10));
            assertTrue(b.driver()
                    .findElement(By.cssSelector("[data-people=experts] [data-person=e1]"))
                    .isDisplayed());
            b.js("document.getElementById('people-section').scrollIntoView()");
            b.screenshot("bank-people");
        }
        assertEquals(
                200, app.get("/api/v1/banks/" + bankId, app.loginAs("e1")).status(), "the expert now reads the bank");
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            StaffPagesE2eTest.signIn(b, "e1");
            b.go("/bank.html?bank=" + bankId);
            b.waitForState("ready");
            assertEquals(
                    "false", b.driver().findElement(By.id("people-section")).getAttribute("data-may-manage"));
            assertTrue(!b.driver().findElement(By.id("people-form")).isDisplayed(), "an expert names nobody");
            assertTrue(!b.driver().findElement(By.id("add-question")).isDisplayed(), "nor edits the questions");
        }
    }

    @Test
    void anAdminAssignsAProctorOnTheExamPage() {
        String teacher = app.loginAs("t2");
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), "s1");
        Fixtures.assignProctors(app, examId, "p1");
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            StaffPagesE2eTest.signIn(b, "a1");
            b.go("/exam.html?exam=" + examId);
            b.waitForState("ready");
            Accessibility.check(b, "exam (admin, en)"); // issue 15 (8)
            assertEquals(
                    "true", b.driver().findElement(By.id("proctors-section")).getAttribute("data-may-assign"));
            b.driver().findElement(By.id("proctors-p1")).click();
            b.driver().findElement(By.id("proctors-p2")).click();
            b.driver().findElement(By.id("proctors-save")).click();
            b.waitUntil(
                    "the saved notice",
                    () -> b.driver().findElement(By.id("proctors-saved")).isDisplayed(),
                    Duration.ofSeconds(10));
            b.js("document.getElementById('proctors-section').scrollIntoView()");
            b.screenshot("exam-proctors");
        }
        JsonObject now =
                app.get("/api/v1/exams/" + examId + "/proctors", teacher).json();
        assertEquals(new JsonArray().add("p2"), now.getJsonArray("proctors"));
        assertEquals(
                403,
                app.get("/api/v1/exams/" + examId + "/progress", app.loginAs("p1"))
                        .status(),
                "p1 is no longer assigned");
        assertEquals(
                200,
                app.get("/api/v1/exams/" + examId + "/progress", app.loginAs("p2"))
                        .status());
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            StaffPagesE2eTest.signIn(b, "t2");
            b.go("/exam.html?exam=" + examId);
            b.waitForState("ready");
            assertEquals(
                    "false", b.driver().findElement(By.id("proctors-section")).getAttribute("data-may-assign"));
            assertTrue(
                    b.driver()
                            .findElement(By.cssSelector("[data-people=proctors] [data-person=p2]"))
                            .isDisplayed(),
                    "the teacher sees who proctors the exam");
        }
    }

    /** Issue 10 (1): the header's "Log out everywhere" ends every token of the person, not only this browser's. */
    @Test
    void loggingOutEverywhereEndsTheOtherSignInsToo() {
        String elsewhere = app.loginAs("t2"); // a forgotten sign-in on another computer
        assertEquals(200, app.get("/api/v1/me", elsewhere).status());
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            StaffPagesE2eTest.signIn(b, "t2");
            b.go("/teacher.html");
            b.waitUntil(
                    "the header's link",
                    () -> !b.driver().findElements(By.id("logout-all")).isEmpty(),
                    Duration.ofSeconds(10));
            b.driver()
                    .findElement(By.id("menu-button"))
                    .click(); // issue 15 (7): the sign-outs are in the header's menu
            b.driver().findElement(By.id("logout-all")).click();
            b.waitUntil(
                    "back at the sign-in page",
                    () -> b.driver().getCurrentUrl().contains("index.html"),
                    Duration.ofSeconds(10));
        }
        assertEquals(401, app.get("/api/v1/me", elsewhere).status(), "the other computer's token is ended too");
    }
}
