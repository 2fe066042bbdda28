package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Issue 15 (8): axe-core on the office pages no other browser test opens (registry, statements, users) in Kazakh and
 * Russian, and the keyboard alone through the test page, the proctor's dashboard and the commission's console, on the
 * demo's data (the pages see what a newcomer sees after {@code --demo}).
 */
class AccessibilityE2eTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static TestEngine app;
    static String teacher;

    @BeforeAll
    static void start() {
        app = TestEngine.startDemo();
        app.users("teacher", "kbt1");
        app.users("student", "kb1", "kbp1");
        teacher = app.loginAs("kbt1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void signIn(Browser b, String user, String password, String language) {
        b.go("/index.html");
        b.js("sessionStorage.clear(); localStorage.setItem('emtihan.language', arguments[0])", language);
        b.go("/index.html");
        b.waitForState("ready");
        b.driver().findElement(By.id("username")).sendKeys(user);
        b.driver().findElement(By.id("password")).sendKeys(password);
        b.driver().findElement(By.id("login-submit")).click();
        b.waitUntil("signed in", () -> !b.driver().getCurrentUrl().contains("index.html"), WAIT);
    }

    /** issue 15 (8): the pages of the registrar, the dean and the administrator pass axe in kk and ru. */
    @Test
    void theOfficePagesHaveNoSeriousViolationsInKazakhAndRussian() {
        for (String language : List.of("kk", "ru")) {
            try (Browser b = Browser.open(app.base(), 1366, 768)) {
                signIn(b, "registrar", "demo-registrar", language);
                b.go("/registry.html");
                b.waitForState("ready");
                Accessibility.check(b, "registry (" + language + ")");
                signIn(b, "dean", "demo-dean", language);
                b.go("/statements.html");
                b.waitForState("ready");
                Accessibility.check(b, "statements (" + language + ")");
                signIn(b, "admin", TestEngine.ADMIN_PASSWORD, language);
                b.go("/users.html");
                b.waitForState("ready");
                Accessibility.check(b, "users (" + language + ")");
                b.go("/sitting-new.html");
                b.waitForState("ready");
                Accessibility.check(b, "sitting-new (" + language + ")");
                b.go("/teacher.html");
                b.waitForState("ready");
                Accessibility.check(b, "teacher as admin (" + language + ")");
            }
        }
    }

    /**
     * issue 15 (8) for the pages issue 16 added: the administrator's LMS platforms, the teacher's choice of an exam for
     * an LMS activity, and the hand-off pages an LMS opens (refused here: no launch of a real platform behind them).
     */
    @Test
    void theLmsPagesHaveNoSeriousViolationsInKazakhAndRussian() {
        for (String language : List.of("kk", "ru")) {
            try (Browser b = Browser.open(app.base(), 1366, 768)) {
                signIn(b, "admin", TestEngine.ADMIN_PASSWORD, language);
                b.go("/lti-platforms.html");
                b.waitForState("ready");
                Accessibility.check(b, "lti-platforms (" + language + ")");
                signIn(b, "teacher", "demo-teacher", language);
                b.go("/lti-pick.html");
                b.waitForState("ready");
                Accessibility.check(b, "lti-pick (" + language + ")");
                // opened while the teacher is signed in in this tab: a refused launch says why, it does not end the
                // teacher's session and send them to the sign-in page (it did: the refusal is a 401)
                for (String handOff :
                        List.of("/lti-launch.html#id_token=x&state=y", "/lti-login.html", "/lti-register.html")) {
                    b.go(handOff);
                    b.waitForState("error");
                    Accessibility.check(b, handOff + " (" + language + ")");
                }
            }
        }
    }

    /**
     * issue 15 (8): a student takes the test with the keyboard alone, in Kazakh: my exams → rules → answers chosen with
     * Space and the arrow keys, Next and Previous with Enter, the skip link from the question to "Finish", the
     * confirmation, the result. Every stop shows where the focus is.
     */
    @Test
    void aStudentTakesTheTestWithTheKeyboardAlone() {
        Instant now = Instant.now();
        Fixtures.exam(
                app,
                teacher,
                StudentFlowE2eTest.unproctored(Fixtures.attestation(
                        Fixtures.validBank(app, teacher),
                        now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofDays(1)))),
                "kb1");
        try (Browser b = Browser.open(app.base(), 1366, 768)) {
            signIn(b, "kb1", "kb1-password", "kk");
            b.waitUntil("my exams", () -> b.driver().getCurrentUrl().contains("exams.html"), WAIT);
            b.waitForState("ready");
            b.tabTo("#exam-list button.button-primary", false);
            assertFocusVisible(b);
            b.key("Enter");
            b.waitUntil("the rules page", () -> b.driver().getCurrentUrl().contains("rules.html"), WAIT);
            b.waitForState("ready");
            b.tabTo("#rules-agree", false);
            b.key("Space");
            assertEquals(true, b.js("return document.getElementById('rules-agree').checked"));
            b.tabTo("#rules-start", false);
            assertFocusVisible(b);
            b.key("Enter");
            b.waitUntil("the test page", () -> b.driver().getCurrentUrl().contains("attempt.html"), WAIT);
            b.waitForState("ready");
            Accessibility.check(b, "attempt (kk, keyboard)");

            // question 1: Space chooses the first option, the arrow key moves the choice to the second
            b.tabTo("#options input", false);
            assertFocusVisible(b);
            String type = (String) b.js("return document.activeElement.type");
            b.key("Space");
            if (type.equals("radio")) {
                b.key("ArrowDown");
                assertEquals(List.of(1L), checked(b), "the arrow key moves the choice to the second option");
            } else {
                b.key("Tab");
                b.key("Space");
                assertEquals(List.of(0L, 1L), checked(b));
            }
            List<Long> first = checked(b);
            b.tabTo("#next", false);
            assertFocusVisible(b);
            String heading1 = b.driver().findElement(By.id("question-heading")).getText();
            b.key("Enter");
            b.waitUntil(
                    "question 2",
                    () -> !heading1.equals(
                            b.driver().findElement(By.id("question-heading")).getText()),
                    WAIT);
            b.tabTo("#options input", false);
            b.key("Space");
            assertEquals(List.of(0L), checked(b), "question 2 answered with Space");
            b.tabTo("#prev", false);
            b.key("Enter");
            b.waitUntil(
                    "back on question 1",
                    () -> heading1.equals(
                            b.driver().findElement(By.id("question-heading")).getText()),
                    WAIT);
            assertEquals(first, checked(b), "question 1 kept its answer");

            // the skip link from the question to "Finish", seen when it has the focus
            b.tabTo("#skip-finish", true);
            assertTrue(
                    (Long) b.js("return Math.round(document.activeElement.getBoundingClientRect().width)") > 20,
                    "the skip link shows when focused");
            assertTrue(
                    b.driver().findElement(By.id("skip-finish")).getText().contains("Аяқтау"),
                    "in Kazakh: " + b.driver().findElement(By.id("skip-finish")).getText());
            b.key("Enter");
            assertEquals("submit-open", b.js("return document.activeElement.id"), "the link leads to Finish");
            assertFocusVisible(b);
            b.key("Enter");
            b.waitUntil(
                    "the confirmation",
                    () -> b.driver().findElement(By.id("confirm")).isDisplayed(),
                    WAIT);
            assertEquals("confirm-cancel", b.js("return document.activeElement.id"));
            Accessibility.check(b, "attempt, the confirmation (kk, keyboard)");
            b.tabTo("#confirm-submit", false);
            assertFocusVisible(b);
            b.key("Enter");
            b.waitUntil("the result page", () -> b.driver().getCurrentUrl().contains("result.html"), WAIT);
            b.waitForState("ready");
        }
    }

    /**
     * issue 15 (8): the proctor with the keyboard alone: reaches a student's tile, opens its panel, sends a message,
     * closes the panel with Escape and is back on the tile.
     */
    @Test
    void aProctorWorksTheDashboardWithTheKeyboardAlone() {
        Instant now = Instant.now();
        JsonObject exam = Fixtures.attestation(
                Fixtures.validBank(app, teacher), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        exam.getJsonObject("proctoring").put("identity", false);
        String examId = Fixtures.exam(app, teacher, exam, "kbp1");
        assertEquals(
                201,
                app.post("/api/v1/exams/" + examId + "/attempts", app.loginAs("kbp1"), null)
                        .status());
        try (Browser b = Browser.open(app.base(), 1366, 768)) {
            signIn(b, "proctor", "demo-proctor", "ru");
            b.go("/proctor.html?exam=" + examId);
            b.waitForState("ready");
            Accessibility.check(b, "proctor (ru)");
            String open = "li.tile[data-student='kbp1'] .tile-open";
            b.waitFor(By.cssSelector(open));
            b.tabTo(open, false);
            assertFocusVisible(b);
            b.key("Enter");
            b.waitUntil(
                    "the panel", () -> b.driver().findElement(By.id("panel")).isDisplayed(), WAIT);
            assertEquals("panel-heading", b.js("return document.activeElement.id"), "the panel takes the focus");
            Accessibility.check(b, "proctor, the panel (ru)");
            b.tabTo("#message-text", false);
            b.driver().switchTo().activeElement().sendKeys("Смотрите в камеру, пожалуйста.");
            b.tabTo("#message-send", false);
            assertFocusVisible(b);
            b.key("Enter");
            b.waitUntil(
                    "the message sent",
                    () -> b.driver().findElement(By.id("message-done")).isDisplayed(),
                    WAIT);
            b.key("Escape");
            b.waitUntil(
                    "the panel closed",
                    () -> !b.driver().findElement(By.id("panel")).isDisplayed(),
                    WAIT);
            assertEquals(
                    true,
                    b.js("return document.activeElement.matches(arguments[0])", open),
                    "the focus is back on the tile");
        }
    }

    /**
     * issue 15 (8): the commission's console with the keyboard alone (Tab, Shift+Tab, Enter, Space and typing), one
     * student through: the secretary admits, confirms the identity, checks the room, starts and ends the preparation and
     * the answer; the chair draws, scores, confirms and moves to the next student. The photos are put through the API as
     * an upload from another device would (a file chooser is the system's, not the page's); the members score through
     * the API. After each step the focus is on the next thing to do, never lost to the page's start (issue 15, 2).
     */
    @Test
    void theCommissionTakesAStudentThroughTheConsoleWithTheKeyboardAlone() {
        String admin = app.admin();
        String sitting =
                app.get("/api/v1/sittings", admin).array().getJsonObject(0).getString("id");
        try (Browser sec = Browser.open(app.base(), 1366, 768);
                Browser chair = Browser.open(app.base(), 1366, 768)) {
            signIn(sec, "secretary", "demo-secretary", "kk");
            sec.go("/sitting.html?sitting=" + sitting);
            sec.waitForState("ready");
            Accessibility.check(sec, "sitting, the secretary (kk)");
            signIn(chair, "commission", "demo-commission", "ru");
            chair.go("/sitting.html?sitting=" + sitting);
            chair.waitForState("ready");
            SittingE2eTest.waitLive(sec);
            SittingE2eTest.waitLive(chair);

            sec.waitFor(By.id("admit"));
            String student = SittingE2eTest.current(sec, "data-student");
            String path = "/api/v1/sittings/" + sitting + "/students/" + student;
            sec.tabTo("#admit", false);
            assertFocusVisible(sec);
            sec.key("Enter");
            SittingE2eTest.waitStep(sec, "identity");
            assertEquals(student, SittingE2eTest.current(sec, "data-student"), "the same student, admitted");
            focusKept(sec, "after admitting");
            Accessibility.check(sec, "sitting, identity step (kk)");

            // issue 15 (2): the chair sees the photos while the secretary checks
            byte[] face = SittingE2eTest.resource("/fixtures/faces/face_grace_hopper.jpg");
            for (String kind : List.of("id-card", "identity")) {
                assertEquals(
                        200,
                        app.send(
                                        "PUT",
                                        path + "/photos/" + kind,
                                        app.login("secretary", "demo-secretary"),
                                        "image/jpeg",
                                        face)
                                .status());
            }
            chair.waitUntil(
                    "the chair sees the face snapshot",
                    () -> !SittingE2eTest.photoSha(chair, "identity").isEmpty(),
                    WAIT);
            Accessibility.check(chair, "sitting, the chair sees the identity photos (ru)");
            sec.waitUntil(
                    "identity can be confirmed",
                    () -> sec.driver().findElement(By.id("identity-confirm")).isEnabled(),
                    WAIT);
            sec.tabTo("#identity-confirm", false);
            assertFocusVisible(sec);
            sec.key("Enter");
            SittingE2eTest.waitStep(sec, "room");
            focusOn(sec, "#room-form input[type=checkbox]", "the focus moves on to the room checklist");
            assertEquals(
                    200,
                    app.send("PUT", path + "/photos/room", app.login("secretary", "demo-secretary"), "image/jpeg", face)
                            .status());
            sec.waitUntil(
                    "the room photo",
                    () -> !SittingE2eTest.photoSha(sec, "room").isEmpty(),
                    WAIT);
            for (int i = 0; i < 4; i++) {
                sec.tabTo("#room-form input[type=checkbox]:not(:checked)", false);
                assertFocusVisible(sec);
                sec.key("Space");
            }
            sec.tabTo("#room-submit", false);
            sec.key("Enter");
            SittingE2eTest.waitStep(sec, "draw");
            focusKept(sec, "after the room check");

            // the chair draws with the keyboard
            SittingE2eTest.waitStep(chair, "draw");
            chair.tabTo("#draw-word", false);
            assertFocusVisible(chair);
            chair.driver().switchTo().activeElement().sendKeys("алма");
            chair.key("Tab");
            assertEquals("draw", chair.js("return document.activeElement.id"));
            assertFocusVisible(chair);
            chair.key("Enter");
            SittingE2eTest.waitStep(chair, "start-preparation");
            focusKept(chair, "after the draw");

            // the timers: the secretary starts and ends the preparation and ends the answer early, with a reason
            SittingE2eTest.waitStep(sec, "start-preparation");
            sec.tabTo("#start-preparation", false);
            sec.key("Enter");
            SittingE2eTest.waitStep(sec, "end-preparation");
            focusOn(sec, "#end-preparation", "the focus moves to the next timer step");
            assertFocusVisible(sec);
            sec.key("Enter");
            SittingE2eTest.waitStep(sec, "end-answer");
            focusOn(sec, "#end-reason", "the reason comes first");
            sec.driver().switchTo().activeElement().sendKeys("Жауап аяқталды");
            sec.key("Tab");
            assertEquals("end-answer", sec.js("return document.activeElement.id"));
            assertFocusVisible(sec);
            sec.key("Enter");
            SittingE2eTest.waitStep(sec, "score");

            // the chair scores with the keyboard; the members score through the API
            SittingE2eTest.waitStep(chair, "score");
            chair.tabTo("#score-input", false);
            assertFocusVisible(chair);
            chair.driver().switchTo().activeElement().sendKeys("85");
            chair.key("Enter");
            chair.waitUntil(
                    "my score kept",
                    () -> chair.driver().findElement(By.id("my-score")).isDisplayed(),
                    WAIT);
            focusKept(chair, "after scoring");
            for (String member : List.of("member1", "member2")) {
                assertEquals(
                        200,
                        app.put(
                                        path + "/score",
                                        app.login(member, "demo-commission"),
                                        new JsonObject().put("points", 80))
                                .status());
            }
            chair.waitUntil(
                    "Confirm offered",
                    () -> chair.driver().findElement(By.id("confirm")).isDisplayed(),
                    WAIT);
            chair.tabTo("#confirm", false);
            assertFocusVisible(chair);
            chair.key("Enter");
            chair.waitUntil(
                    "the result held in view",
                    () -> chair.driver().findElement(By.id("result")).isDisplayed(),
                    WAIT);
            focusOn(chair, "#next-student", "after confirming, the focus is on \"Next student\"");
            assertFocusVisible(chair);
            Accessibility.check(chair, "sitting, the result held (ru)");
            String next = chair.driver().findElement(By.id("next-student")).getAttribute("data-student");
            chair.key("Enter");
            chair.waitUntil("the next student", () -> next.equals(SittingE2eTest.current(chair, "data-student")), WAIT);
            assertEquals("current-heading", chair.js("return document.activeElement.id"));
        }
    }

    /** The focus comes to rest on {@code selector} (the page moves it there after a step). */
    static void focusOn(Browser b, String selector, String why) {
        b.waitUntil(
                why,
                () -> Boolean.TRUE.equals(b.js("return document.activeElement.matches(arguments[0])", selector)),
                WAIT);
        assertFocusVisible(b);
    }

    /** The focus is still somewhere a keyboard user works, not dropped to the page's start (issue 15, 8). */
    static void focusKept(Browser b, String when) {
        // the console places the focus once the step's answer and the live update have both re-drawn the panel, which
        // can land just after the step is shown: the focus must settle on a shown control, not stay on the page body
        b.waitUntil(
                "the focus on a shown control " + when,
                () -> !"lost"
                        .equals(
                                b.js(
                                        "const e = document.activeElement;"
                                                + "return e && e !== document.body && e.getClientRects().length > 0 ? 'kept' : 'lost'")),
                Duration.ofSeconds(5));
    }

    /** The indices of the checked options of the shown question. */
    @SuppressWarnings("unchecked")
    static List<Long> checked(Browser b) {
        return (List<Long>) b.js("return [...document.querySelectorAll('#options input')]"
                + ".map((input, i) => input.checked ? i : -1).filter(i => i >= 0)");
    }

    /** The focused element (or its option's label) draws an outline: focus is visible (issue 15, 8). */
    static void assertFocusVisible(Browser b) {
        Object ring = b.js("const e = document.activeElement;"
                + "return [e, e.closest('.option, label')].filter(Boolean).some(x => {"
                + " const s = getComputedStyle(x); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0"
                + " || s.boxShadow !== 'none'; })");
        assertEquals(
                true, ring, "no visible focus on " + b.js("return document.activeElement.outerHTML.slice(0, 160)"));
    }
}
