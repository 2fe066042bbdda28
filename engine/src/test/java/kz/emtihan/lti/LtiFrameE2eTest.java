package kz.emtihan.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.e2e.Browser;
import kz.emtihan.lti.model.ResourceLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (5, and 1-2) in real Chromium: a course page of a registered platform shows the activity in an iframe, as
 * Moodle's "embed" container does; the whole launch runs inside it (login initiation, the platform's authorisation
 * answering with a self-submitting form_post, the launch page), the Learner is put on the roster and lands on the
 * rules page, in the language of the launch's locale ("ru-RU") although this browser's is English; nothing in the
 * flow sets a cookie. The same course page served from an origin no platform is registered with cannot frame
 * Emtihan: the CSP's frame-ancestors stops it, and no launch begins.
 */
@SharedEngine
class LtiFrameE2eTest {
    static TestEngine app;
    static SpecPlatform platform;
    static String platformId;
    static HttpServer stranger;
    static String teacher;

    @BeforeAll
    static void start(TestEngine shared) throws IOException {
        app = shared;
        platform = new SpecPlatform("frame-client-" + System.nanoTime());
        platform.forBrowser = true;
        TestEngine.Reply registered =
                app.post("/api/v1/lti/platforms", app.admin(), platform.registration("Embedding Moodle"));
        assertEquals(201, registered.status(), registered.body());
        platformId = registered.json().getString("id");
        // the same course page on another port: an origin no platform is registered with
        stranger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stranger.createContext("/course", ex -> {
            byte[] page = SpecPlatform.course(ex.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        stranger.start();
        app.users("teacher", "lti-frame-t");
        teacher = app.loginAs("lti-frame-t");
    }

    @AfterAll
    static void stop() {
        platform.close();
        stranger.stop(0);
    }

    static String boundExam(String linkId) throws Exception {
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher));
        app.engine()
                .services()
                .lti()
                .store()
                .saveLink(new ResourceLink(platformId, "1", "c1", linkId, examId, null, null, List.of(), null))
                .await(10, TimeUnit.SECONDS);
        return examId;
    }

    static String course(String origin, String loginInitiation) {
        return origin + "/course?tool=" + LtiBrowser.enc(loginInitiation);
    }

    @Test
    void insideTheRegisteredPlatformsIframeTheLearnerLandsOnTheRulesPageInTheLaunchesLanguageWithNoCookie()
            throws Exception {
        String n = String.valueOf(System.nanoTime());
        String examId = boundExam("rl" + n);
        platform.bend = c ->
                c.put(SpecPlatform.LTI + "launch_presentation", Map.of("locale", "ru-RU", "document_target", "iframe"));
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            // the browser's language is English (Browser: --lang=en-US), the launch asks for Russian
            b.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
            b.driver()
                    .get(course(
                            platform.issuer,
                            platform.loginInitiation(app.base(), "s" + n, SpecPlatform.LEARNER, "rl" + n)));
            b.driver().switchTo().frame("tool");
            b.waitUntil(
                    "the rules page inside the iframe",
                    () -> "/rules.html".equals(b.js("return location.pathname"))
                            && "ready".equals(b.js("return document.querySelector('main')?.dataset.state")),
                    Duration.ofSeconds(30));
            assertEquals("?exam=" + examId, b.js("return location.search"));
            // issue 16 (2): the landed page speaks the launch's language
            assertEquals("ru", b.js("return document.documentElement.lang"));
            assertEquals("Перед началом экзамена", b.js("return document.querySelector('h1').textContent.trim()"));
            assertEquals("ru", b.js("return sessionStorage.getItem('emtihan.language.tab')"));
            assertEquals(
                    null, b.js("return localStorage.getItem('emtihan.language')"), "for this tab only: not remembered");
            // issue 16 (1): the Learner was put on the roster at the launch; the token is in the tab, not a cookie
            assertTrue(app.get("/api/v1/exams/" + examId, teacher)
                    .json()
                    .getJsonArray("roster")
                    .contains(RedisLtiDirectory.accountId(platformId, "s" + n)));
            assertFalse(String.valueOf(b.js("return document.cookie")).contains("="));
            b.driver().switchTo().defaultContent();
            @SuppressWarnings("unchecked")
            List<Object> cookies = (List<Object>) b.driver()
                    .executeCdpCommand("Network.getAllCookies", Map.of())
                    .get("cookies");
            assertEquals(List.of(), cookies, "no response of the flow set a cookie");
        } finally {
            platform.bend = c -> {};
        }
    }

    @Test
    void aLaunchTheRosterRulesRefuseShowsTheClauseInTheLaunchesLanguageInsideTheIframe() throws Exception {
        String n = String.valueOf(System.nanoTime());
        String bank = Fixtures.validBank(app, teacher);
        String examId = Fixtures.openExam(app, teacher, bank);
        app.engine()
                .services()
                .lti()
                .store()
                .saveLink(new ResourceLink(platformId, "1", "c1", "rl" + n, examId, null, null, List.of(), null))
                .await(10, TimeUnit.SECONDS);
        // 5.31: the bank is locked, and the roster with it; the LMS speaks Kazakh
        assertEquals(
                200,
                app.post("/api/v1/banks/" + bank + "/lock", app.admin(), new io.vertx.core.json.JsonObject())
                        .status());
        platform.bend = c -> c.put(SpecPlatform.LTI + "launch_presentation", Map.of("locale", "kk-KZ"));
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            b.driver()
                    .get(course(
                            platform.issuer,
                            platform.loginInitiation(app.base(), "s" + n, SpecPlatform.LEARNER, "rl" + n)));
            b.driver().switchTo().frame("tool");
            b.waitUntil(
                    "the launch page's refusal",
                    () -> "error".equals(b.js("return document.querySelector('main')?.dataset.state")),
                    Duration.ofSeconds(30));
            assertEquals("kk", b.js("return document.documentElement.lang"));
            String said = String.valueOf(b.js("return document.getElementById('lti-error').textContent"));
            assertTrue(said.contains("5.31") && said.contains("бұғатталған"), said);
            b.driver().switchTo().defaultContent();
            b.screenshot("lti-launch-refused-kk");
        } finally {
            platform.bend = c -> {};
        }
        assertEquals(
                0,
                app.get("/api/v1/exams/" + examId, teacher)
                        .json()
                        .getJsonArray("roster")
                        .size());
    }

    @Test
    void theSameCoursePageFromAnUnregisteredOriginCannotFrameEmtihan() throws Exception {
        String n = String.valueOf(System.nanoTime());
        boundExam("rl" + n);
        String origin = "http://127.0.0.1:" + stranger.getAddress().getPort();
        String csp = app.get("/lti-login.html", null)
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow();
        assertFalse(csp.contains(origin), csp);
        try (Browser b = Browser.open(app.base(), 1366, 900)) {
            b.driver()
                    .get(course(
                            origin,
                            platform.loginInitiation(app.base(), "blocked" + n, SpecPlatform.LEARNER, "rl" + n)));
            b.driver().switchTo().frame("tool");
            // Chromium puts its error page in a frame the CSP forbids: Emtihan's page never runs there
            b.waitUntil(
                    "the blocked frame",
                    () -> String.valueOf(b.js("return location.href")).startsWith("chrome-error:"),
                    Duration.ofSeconds(30));
            assertEquals("", b.js("return document.querySelector('main') ? 'emtihan' : ''"));
            b.driver().switchTo().defaultContent();
        }
        // no launch began: the login page would have sent the browser to the platform's authorisation endpoint
        assertFalse(platform.authorised.contains("blocked" + n), platform.authorised.toString());
    }
}
