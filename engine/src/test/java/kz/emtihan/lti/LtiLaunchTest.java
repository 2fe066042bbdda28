package kz.emtihan.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.lti.model.ResourceLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (2): launches from a platform written from the specification ({@link SpecPlatform}), over HTTP against the
 * real engine: a teacher binds the activity to an exam, a student lands on its rules page and starts the attempt,
 * deep linking answers with a signed response, and a Learner cannot use a teacher's step.
 */
@SharedEngine
class LtiLaunchTest {
    static TestEngine app;
    static SpecPlatform platform;
    static String platformId;
    static LtiBrowser browser;

    @BeforeAll
    static void start(TestEngine shared) throws Exception {
        app = shared;
        platform = new SpecPlatform("launch-client-" + System.nanoTime());
        TestEngine.Reply registered =
                app.post("/api/v1/lti/platforms", app.admin(), platform.registration("Spec Moodle"));
        assertEquals(201, registered.status(), registered.body());
        platformId = registered.json().getString("id");
        browser = new LtiBrowser(app);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aStudentLandsOnTheRulesPageOfTheExamItsTeacherBoundAndCanStartIt() throws Exception {
        String n = String.valueOf(System.nanoTime());
        // issue 16 (2): Instructor → teacher; the activity has no exam yet, so the teacher is asked to choose one
        JsonObject teacher =
                browser.signIn(platform, "t" + n, SpecPlatform.INSTRUCTOR, "rl" + n, "LtiResourceLinkRequest");
        assertEquals(
                List.of("teacher"),
                teacher.getJsonObject("user").getJsonArray("roles").getList());
        String launchId = teacher.getJsonObject("launch").getString("id");
        assertEquals("lti-pick.html?launch=" + launchId, teacher.getString("next"));
        String teacherToken = teacher.getString("token");
        String student = RedisLtiDirectory.accountId(platformId, "s" + n);
        String bank = Fixtures.validBank(app, teacherToken);
        String exam = Fixtures.openExam(app, teacherToken, bank, student);
        TestEngine.Reply bound = app.post(
                "/api/v1/lti/launches/" + launchId + "/exam", teacherToken, new JsonObject().put("examId", exam));
        assertEquals(200, bound.status(), bound.body());
        assertEquals("exam.html?exam=" + exam, bound.json().getString("next"));

        // Learner → student, on the rules page of the exam, with a token that starts the attempt
        JsonObject s = browser.signIn(platform, "s" + n, SpecPlatform.LEARNER, "rl" + n, "LtiResourceLinkRequest");
        assertEquals("rules.html?exam=" + exam, s.getString("next"));
        assertEquals(student, s.getJsonObject("user").getString("id"));
        assertEquals("Person s" + n, s.getJsonObject("user").getString("name"));
        String studentToken = s.getString("token");
        TestEngine.Reply attempt = app.post("/api/v1/exams/" + exam + "/attempts", studentToken, null);
        assertEquals(201, attempt.status(), attempt.body());

        // the link carries the services the launch offered, for grades back and rosters (issue 16, 3-4)
        List<ResourceLink> links =
                app.engine().services().lti().directory().linksOfExam(exam).await(10, TimeUnit.SECONDS);
        assertEquals(1, links.size());
        assertEquals(platform.issuer + "/ags/c1/lineitems/rl" + n, links.get(0).lineItemUrl());
        assertEquals(platform.issuer + "/nrps/c1", links.get(0).membershipsUrl());
        assertEquals(
                List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                links.get(0).agsScopes());

        // attacker: the Learner's valid token on the teacher's steps and a teacher's API
        String theirs = s.getJsonObject("launch").getString("id");
        assertEquals(
                403,
                app.post(
                                "/api/v1/lti/launches/" + launchId + "/exam",
                                studentToken,
                                new JsonObject().put("examId", exam))
                        .status());
        assertEquals(
                403,
                app.post("/api/v1/lti/launches/" + theirs + "/exam", studentToken, new JsonObject().put("examId", exam))
                        .status());
        assertEquals(
                403, app.get("/api/v1/exams/" + exam + "/results", studentToken).status());
        assertEquals(
                403,
                app.post("/api/v1/lti/platforms", studentToken, platform.registration("x"))
                        .status());
        // and a teacher of the same platform may not bind another's launch
        JsonObject other =
                browser.signIn(platform, "t2" + n, SpecPlatform.INSTRUCTOR, "rl2" + n, "LtiResourceLinkRequest");
        assertEquals(
                403,
                app.post(
                                "/api/v1/lti/launches/" + launchId + "/exam",
                                other.getString("token"),
                                new JsonObject().put("examId", exam))
                        .status());
        assertEquals(
                403,
                app.post(
                                "/api/v1/lti/launches/"
                                        + other.getJsonObject("launch").getString("id") + "/exam",
                                other.getString("token"),
                                new JsonObject().put("examId", exam))
                        .status(),
                "an exam the teacher does not manage");
    }

    @Test
    void deepLinkingAnswersASignedResponseWhoseExamOpensOnTheNewLinksFirstLaunch() throws Exception {
        String n = String.valueOf(System.nanoTime());
        JsonObject teacher =
                browser.signIn(platform, "dt" + n, SpecPlatform.INSTRUCTOR, "dl" + n, "LtiDeepLinkingRequest");
        String launchId = teacher.getJsonObject("launch").getString("id");
        assertEquals("lti-pick.html?launch=" + launchId, teacher.getString("next"));
        String token = teacher.getString("token");
        String exam = Fixtures.openExam(
                app, token, Fixtures.validBank(app, token), RedisLtiDirectory.accountId(platformId, "ds" + n));
        TestEngine.Reply noLink =
                app.post("/api/v1/lti/launches/" + launchId + "/exam", token, new JsonObject().put("examId", exam));
        assertEquals(409, noLink.status(), noLink.body());
        assertEquals("lti-no-resource-link", noLink.error());
        TestEngine.Reply answered = app.post(
                "/api/v1/lti/launches/" + launchId + "/deep-link", token, new JsonObject().put("examId", exam));
        assertEquals(200, answered.status(), answered.body());
        assertEquals(platform.issuer + "/deep-link-return", answered.json().getString("returnUrl"));

        // the platform checks the response with the tool's published keys (LTI Deep Linking 2.0, 4.2)
        var keys = Jwks.setParser()
                .build()
                .parse(app.get("/.well-known/jwks.json", null).body());
        Claims c = Jwts.parser()
                .keyLocator(h -> keys.getKeys().stream()
                        .filter(k -> k.getId().equals(((io.jsonwebtoken.ProtectedHeader) h).getKeyId()))
                        .findFirst()
                        .orElseThrow()
                        .toKey())
                .build()
                .parseSignedClaims(answered.json().getString("jwt"))
                .getPayload();
        assertEquals(platform.clientId, c.getIssuer());
        assertTrue(c.getAudience().contains(platform.issuer));
        assertEquals("LtiDeepLinkingResponse", c.get(SpecPlatform.LTI + "message_type"));
        assertEquals(platform.deploymentId, c.get(SpecPlatform.LTI + "deployment_id"));
        assertEquals("opaque-dl" + n, c.get("https://purl.imsglobal.org/spec/lti-dl/claim/data"));
        JsonObject item = new JsonArray((List<?>) c.get("https://purl.imsglobal.org/spec/lti-dl/claim/content_items"))
                .getJsonObject(0);
        assertEquals("ltiResourceLink", item.getString("type"));
        assertEquals(exam, item.getJsonObject("custom").getString("exam"));
        assertEquals(100, item.getJsonObject("lineItem").getInteger("scoreMaximum"));

        // the platform makes the link with the custom parameter; its first student launch opens the exam
        platform.bend = claims -> claims.put(SpecPlatform.LTI + "custom", Map.of("exam", exam));
        try {
            JsonObject s =
                    browser.signIn(platform, "ds" + n, SpecPlatform.LEARNER, "new" + n, "LtiResourceLinkRequest");
            assertEquals("rules.html?exam=" + exam, s.getString("next"));
            // a custom parameter typed by hand, naming an exam never offered to this platform, opens nothing
            platform.bend = claims -> claims.put(SpecPlatform.LTI + "custom", Map.of("exam", "someone-elses"));
            JsonObject typed =
                    browser.signIn(platform, "ds" + n, SpecPlatform.LEARNER, "typed" + n, "LtiResourceLinkRequest");
            assertNull(typed.getValue("next"));
        } finally {
            platform.bend = claims -> {};
        }
        // a resource-link launch is no deep-linking request
        JsonObject rl =
                browser.signIn(platform, "dt" + n, SpecPlatform.INSTRUCTOR, "rlx" + n, "LtiResourceLinkRequest");
        TestEngine.Reply wrong = app.post(
                "/api/v1/lti/launches/" + rl.getJsonObject("launch").getString("id") + "/deep-link",
                rl.getString("token"),
                new JsonObject().put("examId", exam));
        assertEquals(409, wrong.status());
        assertEquals("lti-not-deep-linking", wrong.error());
    }

    @Test
    void pagesMayBeFramedByTheRegisteredPlatformOnlyAndNothingSetsACookie() {
        TestEngine.Reply page = app.get("/rules.html", null);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'self' "), csp);
        assertTrue(csp.contains(platform.issuer), "the registered platform's origin: " + csp);
        assertTrue(!csp.contains("*"), csp);
        assertTrue(page.headers().firstValue("X-Frame-Options").isEmpty());
        assertTrue(csp.contains("form-action 'self' "), "the deep-linking form post reaches the platform: " + csp);
        var launch = app.post("/api/v1/lti/login", null, new JsonObject());
        assertTrue(launch.headers().firstValue("Set-Cookie").isEmpty());
    }
}
