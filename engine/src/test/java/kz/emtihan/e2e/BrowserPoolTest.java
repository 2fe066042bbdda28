package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;

/** A browser handed out again by the pool is the same Chromium, but nothing of the test before it is left. */
@SharedEngine
class BrowserPoolTest {
    static TestEngine app;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
    }

    @Test
    void aReusedBrowserKeepsNoStorageCookiesTabsOrWindowSize() {
        String session;
        try (Browser first = Browser.open(app.base(), 1280, 900, "--pool-test")) {
            first.go("/index.html");
            first.js("localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1');"
                    + " document.cookie = 'left=1'");
            first.driver().switchTo().newWindow(WindowType.TAB);
            first.go("/index.html");
            session = first.driver().getSessionId().toString();
        }
        try (Browser second = Browser.open(app.base(), 390, 844, "--pool-test")) {
            assertEquals(session, second.driver().getSessionId().toString(), "the pool hands the same Chromium out");
            assertEquals(1, second.driver().getWindowHandles().size(), "one fresh tab");
            second.go("/index.html");
            assertNull(second.js("return localStorage.getItem('left')"));
            assertNull(second.js("return sessionStorage.getItem('left')"));
            assertEquals("", second.js("return document.cookie"));
            assertEquals(390L, second.js("return window.innerWidth"), "the page is as wide as asked");
        }
    }
}
