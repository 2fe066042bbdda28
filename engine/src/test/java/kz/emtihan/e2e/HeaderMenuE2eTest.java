package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 15 (4, 7): the header of every signed-in page is one row (lib/header-menu.js). On a laptop an administrator's
 * six links, the language and the menu button with the name fit one line; on a 390 × 844 phone the header is the
 * product's name and a menu button, at most 56 px, and the menu (links, language, sign-out) is reached and left by
 * keyboard alone: Enter opens it, Tab goes into it, Escape closes it and the focus is back on the button.
 */
class HeaderMenuE2eTest {
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("admin", "hm-admin1", "hm-admin2");
        app.users("student", "hm-student");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void signInIn(Browser b, String user, String language) {
        b.go("/index.html");
        b.js("sessionStorage.clear(); localStorage.setItem('emtihan.language', arguments[0])", language);
        StaffPagesE2eTest.signIn(b, user);
    }

    static double rect(Browser b, String selector, String edge) {
        return StudentFlowE2eTest.rect(b, selector, edge);
    }

    static boolean shown(Browser b, String id) {
        return b.driver().findElement(By.id(id)).isDisplayed();
    }

    @Test
    void onALaptopTheAdministratorsHeaderIsOneRowAndTheSignOutsAreInTheMenu() {
        try (Browser b = Browser.open(app.base(), 1366, 768)) {
            signInIn(b, "hm-admin1", "kk");
            b.go("/users.html");
            b.waitForState("ready");
            List<Number> tops = b.driver().findElements(By.cssSelector("#staff-nav a")).stream()
                    .map(a -> (Number) b.js("return arguments[0].getBoundingClientRect().top", a))
                    .toList();
            assertEquals(6, tops.size(), "the administrator's six links (LMS platforms joined them, issue 16)");
            for (Number top : tops) assertEquals(tops.get(0).doubleValue(), top.doubleValue(), 1.0, "one row: " + tops);
            assertTrue(rect(b, ".site-header", "height") <= 64, "one row: " + rect(b, ".site-header", "height"));
            assertEquals(rect(b, "#staff-nav", "top"), rect(b, "#menu-button", "top"), 12.0, "the button in the row");
            assertTrue(shown(b, "language"), "the language stays in view");
            assertFalse(shown(b, "logout"), "sign-out waits in the menu");
            assertEquals(
                    "hm-admin1",
                    b.driver()
                            .findElement(By.cssSelector("#menu-button .menu-name"))
                            .getText());

            b.driver().findElement(By.id("menu-button")).click();
            assertEquals("true", b.driver().findElement(By.id("menu-button")).getAttribute("aria-expanded"));
            assertTrue(shown(b, "logout") && shown(b, "logout-all") && shown(b, "who"));
            Accessibility.check(b, "users, the header's menu open (kk)");
            b.key("Escape");
            assertEquals("false", b.driver().findElement(By.id("menu-button")).getAttribute("aria-expanded"));
            assertFalse(shown(b, "logout"));
            assertEquals("menu-button", b.js("return document.activeElement.id"), "the focus is back on the button");
        }
    }

    @Test
    void onAPhoneTheHeaderIsOneShortRowAndItsMenuWorksByKeyboard() {
        try (Browser b = Browser.open(app.base(), 390, 844)) {
            signInIn(b, "hm-admin2", "ru");
            b.go("/sittings.html");
            b.waitForState("ready");
            assertTrue(
                    rect(b, ".site-header", "height") <= 56,
                    "one row of at most 56 px: " + rect(b, ".site-header", "height"));
            assertTrue(
                    rect(b, "#menu-button", "right") <= 390, "the button in view: " + rect(b, "#menu-button", "right"));
            assertTrue(shown(b, "menu-button"));
            for (String id : List.of("staff-nav", "language", "who", "logout")) assertFalse(shown(b, id), id);

            b.tabTo("#menu-button", false);
            b.key("Enter");
            assertEquals("true", b.driver().findElement(By.id("menu-button")).getAttribute("aria-expanded"));
            for (String id : List.of("staff-nav", "language", "who", "logout", "logout-all"))
                assertTrue(shown(b, id), id);
            b.key("Tab");
            assertEquals(
                    Boolean.TRUE,
                    b.js("return document.getElementById('site-menu').contains(document.activeElement)"),
                    "Tab goes from the button into the menu");
            b.tabTo("#language", false);
            Accessibility.check(b, "sittings on a phone, the menu open (ru)");
            b.key("Escape");
            assertEquals("false", b.driver().findElement(By.id("menu-button")).getAttribute("aria-expanded"));
            assertFalse(shown(b, "staff-nav"));
            assertEquals("menu-button", b.js("return document.activeElement.id"), "the focus is back on the button");
        }
    }

    @Test
    void aStudentOnAPhoneSignsOutThroughTheMenu() {
        String token;
        try (Browser b = Browser.open(app.base(), 390, 844)) {
            signInIn(b, "hm-student", "kk");
            b.waitForState("ready");
            assertTrue(b.driver().getCurrentUrl().contains("exams.html"));
            assertTrue(
                    rect(b, ".site-header", "height") <= 56,
                    "one row of at most 56 px: " + rect(b, ".site-header", "height"));
            assertTrue(rect(b, "main h1", "top") <= 80, "the page starts under it: " + rect(b, "main h1", "top"));
            b.driver().findElement(By.id("menu-button")).click();
            assertEquals(
                    "Пайдаланушы: hm-student",
                    b.driver().findElement(By.id("who")).getText());
            token = (String) b.js("return sessionStorage.getItem('emtihan.token')");
            b.driver().findElement(By.id("logout")).click();
            b.waitUntil(
                    "back at the sign-in page",
                    () -> b.driver().getCurrentUrl().contains("index.html"),
                    Duration.ofSeconds(10));
        }
        assertEquals(401, app.get("/api/v1/me", token).status(), "the menu's sign-out ended the token on the server");
    }
}
