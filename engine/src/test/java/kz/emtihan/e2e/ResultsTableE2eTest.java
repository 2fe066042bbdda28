package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.lti.model.ResourceLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (3) in real Chromium: the exam page's results table with the "Gradebook (LMS)" column fits its box at
 * 1366×768 in Kazakh, Russian and English (no sideways scroll: the last column is seen without scrolling), and at 390
 * it is one card per student that fits the screen too. Students with long names, a finished and a started attempt.
 */
@SharedEngine
class ResultsTableE2eTest {
    static TestEngine app;
    static String examId;

    @BeforeAll
    static void start(TestEngine engine) throws Exception {
        app = engine;
        String n = Long.toString(System.nanoTime(), 36);
        String[] ids = {"rtA" + n, "rtB" + n, "rtC" + n};
        String[] names = {"Нұрсұлтанова Әлия Ержанқызы", "Константинопольский Александр", "Abdukhalykova Zhansaya"};
        JsonArray users = new JsonArray()
                .add(new JsonObject()
                        .put("id", "rtT")
                        .put("name", "rtT")
                        .put("roles", new JsonArray().add("teacher"))
                        .put("password", "rtT-password"));
        for (int i = 0; i < ids.length; i++)
            users.add(new JsonObject()
                    .put("id", ids[i])
                    .put("name", names[i])
                    .put("roles", new JsonArray().add("student"))
                    .put("password", ids[i] + "-password"));
        assertEquals(200, app.post("/api/v1/users", app.admin(), users).status());
        String teacher = app.loginAs("rtT");
        examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), ids);
        JsonObject platform = new JsonObject()
                .put("name", "Results Moodle")
                .put("issuer", "https://moodle.results-" + n + ".test")
                .put("clientId", "results")
                .put("deploymentIds", new JsonArray().add("1"))
                .put("authUrl", "https://moodle.results-" + n + ".test/mod/lti/auth.php")
                .put("tokenUrl", "https://moodle.results-" + n + ".test/mod/lti/token.php")
                .put("jwksUrl", "https://moodle.results-" + n + ".test/mod/lti/certs.php");
        TestEngine.Reply registered = app.post("/api/v1/lti/platforms", app.admin(), platform);
        assertEquals(201, registered.status(), registered.body());
        app.engine()
                .services()
                .lti()
                .store()
                .saveLink(new ResourceLink(
                        registered.json().getString("id"),
                        "1",
                        "c1",
                        "rl-" + n,
                        examId,
                        "https://moodle.results-" + n + ".test/mod/lti/services.php/2/lineitems/7/lineitem",
                        null,
                        List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                        null))
                .await(10, TimeUnit.SECONDS);
        // one finished (its grade goes to the gradebook column), one started, one not started
        String a = app.loginAs(ids[0]);
        TestEngine.Reply attempt = app.post("/api/v1/exams/" + examId + "/attempts", a, null);
        assertEquals(201, attempt.status(), attempt.body());
        String attemptId = attempt.json().getString("id", attempt.json().getString("attemptId"));
        assertEquals(
                200,
                app.post("/api/v1/attempts/" + attemptId + "/submit", a, new JsonObject())
                        .status());
        assertEquals(
                201,
                app.post("/api/v1/exams/" + examId + "/attempts", app.loginAs(ids[1]), null)
                        .status());
    }

    /** The results table's box on the exam page: {scrollWidth, clientWidth} of its scrolling region. */
    static List<?> box(Browser b) {
        return (List<?>) b.js("const box = document.getElementById('results-table').closest('.table-scroll');"
                + " return [box.scrollWidth, box.clientWidth];");
    }

    /** What sticks out of the box on the right (the failure's explanation). */
    static Object beyond(Browser b) {
        return b.js(
                "const box = document.getElementById('results-table').closest('.table-scroll');"
                        + " const right = box.getBoundingClientRect().right;"
                        + " return [...box.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > right + 0.5)"
                        + ".map(e => e.tagName + '.' + e.className + '[' + (e.dataset.field || '') + '] '"
                        + " + Math.round(e.getBoundingClientRect().width) + ' ' + (e.textContent || '').slice(0, 30)).slice(0, 8);");
    }

    @Test
    void theResultsWithTheGradebookColumnFitAt1366InEveryLanguageAndAreCardsAt390() {
        for (String lang : List.of("kk", "ru", "en")) {
            for (int width : new int[] {1366, 390}) {
                try (Browser b = Browser.open(app.base(), width, 768)) {
                    b.go("/index.html");
                    b.js("localStorage.setItem('emtihan.language', arguments[0])", lang);
                    StaffPagesE2eTest.signIn(b, "rtT");
                    b.go("/exam.html?exam=" + examId);
                    b.waitForState("ready");
                    b.waitUntil(
                            "the gradebook column",
                            () -> (Boolean) b.js("return !!document.querySelector('#results-table th[data-field=lms]')"
                                    + " && document.querySelectorAll('#results-rows tr').length === 3"),
                            Duration.ofSeconds(15));
                    b.js("document.getElementById('results-section').scrollIntoView()");
                    b.screenshot("results-lms-" + lang + "-" + width);
                    if (width == 390) { // the finished student's card: the longest grade, the LMS's answer
                        b.js("document.querySelector('#results-rows tr[data-status=submitted]').scrollIntoView()");
                        b.screenshot("results-lms-" + lang + "-" + width + "-card");
                    }
                    List<?> box = box(b);
                    long scroll = ((Number) box.get(0)).longValue();
                    long client = ((Number) box.get(1)).longValue();
                    assertTrue(
                            scroll <= client,
                            lang + " at " + width + ": the table is " + scroll + " px in a box of " + client
                                    + " px; beyond it: " + beyond(b));
                    // and the page itself does not scroll sideways
                    assertTrue(
                            (Boolean) b.js("return document.documentElement.scrollWidth"
                                    + " <= document.documentElement.clientWidth"),
                            lang + " at " + width);
                }
            }
        }
    }
}
