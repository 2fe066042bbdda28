package kz.emtihan.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.auth.model.Role;
import kz.emtihan.sitting.SittingThrough;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (2) for oral sittings, against {@link SpecPlatform} over HTTP: the sitting's chair picks it by deep
 * linking; the new link's first launch by a student binds it and lands them on the student's sitting page, the chair
 * on the sitting's page. And as an attacker: the offered sitting named by a link of another course or deployment, a
 * hand-typed sitting id, an instructor who does not run the sitting binding or offering it.
 */
@SharedEngine
class SittingLaunchTest {
    static TestEngine app;
    static SpecPlatform platform;
    static String platformId;
    static LtiBrowser browser;

    @BeforeAll
    static void start(TestEngine shared) throws Exception {
        app = shared;
        platform = new SpecPlatform("sitting-client-" + System.nanoTime());
        JsonObject registration = platform.registration("Spec Moodle")
                .put("deploymentIds", new JsonArray().add("1").add("2"));
        TestEngine.Reply registered = app.post("/api/v1/lti/platforms", app.admin(), registration);
        assertEquals(201, registered.status(), registered.body());
        platformId = registered.json().getString("id");
        browser = new LtiBrowser(app);
        SittingThrough.people(app);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** The account a platform user gets, made now with this role (the admin's doing before the sitting is set up). */
    static String account(String sub, String role) throws Exception {
        String id = app.engine()
                .services()
                .lti()
                .store()
                .userFor(platformId, sub, "Person " + sub, sub + "@spec.example", Role.STUDENT)
                .await(10, TimeUnit.SECONDS);
        app.users(role, id);
        return id;
    }

    static JsonObject launch(String sub, String role, String linkId, Map<String, Object> custom) {
        if (custom != null) platform.bend = claims -> claims.putAll(custom);
        try {
            return browser.signIn(platform, sub, role, linkId, "LtiResourceLinkRequest");
        } finally {
            platform.bend = claims -> {};
        }
    }

    static Map<String, Object> custom(String sittingId) {
        return Map.of(SpecPlatform.LTI + "custom", Map.of("sitting", sittingId));
    }

    @Test
    void theChairPicksTheSittingByDeepLinkingAndItsStudentAndChairLandOnTheirPages() throws Exception {
        String n = String.valueOf(System.nanoTime());
        String chair = account("chair" + n, "commission");
        String student = account("s" + n, "student");
        String sitting = SittingThrough.create(app, "Oral exam " + n, chair, student);

        JsonObject dl =
                browser.signIn(platform, "chair" + n, SpecPlatform.INSTRUCTOR, "dl" + n, "LtiDeepLinkingRequest");
        String launchId = dl.getJsonObject("launch").getString("id");
        assertEquals("lti-pick.html?launch=" + launchId, dl.getString("next"));
        TestEngine.Reply answered = app.post(
                "/api/v1/lti/launches/" + launchId + "/deep-link",
                dl.getString("token"),
                new JsonObject().put("sittingId", sitting));
        assertEquals(200, answered.status(), answered.body());
        var keys = Jwks.setParser()
                .build()
                .parse(app.get("/.well-known/jwks.json", null).body());
        var claims = Jwts.parser()
                .keyLocator(h -> keys.getKeys().stream()
                        .filter(k -> k.getId().equals(((io.jsonwebtoken.ProtectedHeader) h).getKeyId()))
                        .findFirst()
                        .orElseThrow()
                        .toKey())
                .build()
                .parseSignedClaims(answered.json().getString("jwt"))
                .getPayload();
        JsonObject item = new JsonArray(
                        (List<?>) claims.get("https://purl.imsglobal.org/spec/lti-dl/claim/content_items"))
                .getJsonObject(0);
        assertEquals(sitting, item.getJsonObject("custom").getString("sitting"));
        assertEquals("Oral exam " + n, item.getString("title"));
        assertEquals(100, item.getJsonObject("lineItem").getInteger("scoreMaximum"), "the sitting's maximum");

        // the new link's first launch is the student's: the sitting's student page, and the sitting reads
        JsonObject s = launch("s" + n, SpecPlatform.LEARNER, "new" + n, custom(sitting));
        assertEquals("sitting-student.html?sitting=" + sitting, s.getString("next"));
        assertEquals(sitting, s.getJsonObject("launch").getString("sittingId"));
        assertEquals(
                200,
                app.get("/api/v1/sittings/" + sitting, s.getString("token")).status());
        var link = app.engine()
                .services()
                .lti()
                .store()
                .link(platformId, "new" + n)
                .await(10, TimeUnit.SECONDS)
                .orElseThrow();
        assertEquals(sitting, link.sittingId());
        assertNull(link.examId());
        assertTrue(link.lineItemUrl() != null, "the link keeps its line item for the grades");

        // staff on the sitting's page (the link is bound: no custom parameter needed any more)
        JsonObject c = launch("chair" + n, SpecPlatform.INSTRUCTOR, "new" + n, null);
        assertEquals("sitting.html?sitting=" + sitting, c.getString("next"));
        assertEquals(
                200,
                app.get("/api/v1/sittings/" + sitting, c.getString("token")).status());
    }

    @Test
    void anOfferedSittingOpensNothingFromAnotherCourseOrDeploymentNorAHandTypedOne() throws Exception {
        String n = String.valueOf(System.nanoTime());
        String chair = account("chair" + n, "commission");
        String student = account("s" + n, "student");
        String sitting = SittingThrough.create(app, "Oral exam " + n, chair, student);
        JsonObject dl =
                browser.signIn(platform, "chair" + n, SpecPlatform.INSTRUCTOR, "dl" + n, "LtiDeepLinkingRequest");
        assertEquals(
                200,
                app.post(
                                "/api/v1/lti/launches/"
                                        + dl.getJsonObject("launch").getString("id") + "/deep-link",
                                dl.getString("token"),
                                new JsonObject().put("sittingId", sitting))
                        .status());

        // offered in course c1 of deployment 1: a link of course c2 naming it opens nothing
        Map<String, Object> otherCourse = new java.util.HashMap<>(custom(sitting));
        otherCourse.put(SpecPlatform.LTI + "context", Map.of("id", "c2", "title", "Course two"));
        JsonObject c2 = launch("s" + n, SpecPlatform.LEARNER, "c2-" + n, otherCourse);
        assertNull(c2.getValue("next"));
        assertNull(c2.getJsonObject("launch").getValue("sittingId"));
        // nor one of deployment 2
        Map<String, Object> otherDeployment = new java.util.HashMap<>(custom(sitting));
        otherDeployment.put(SpecPlatform.LTI + "deployment_id", "2");
        assertNull(launch("s" + n, SpecPlatform.LEARNER, "d2-" + n, otherDeployment)
                .getValue("next"));

        // a sitting id typed by hand (never offered) opens nothing for a student, nor for an instructor who does not
        // run it (a member of its commission is no chair); the instructor is asked to choose instead
        String other = SittingThrough.create(app, "Another oral exam " + n, "c1", student);
        assertNull(launch("s" + n, SpecPlatform.LEARNER, "typed-" + n, custom(other))
                .getValue("next"));
        account("m" + n, "commission");
        JsonObject outsider = launch("m" + n, SpecPlatform.INSTRUCTOR, "typed-t-" + n, custom(other));
        String outsiderLaunch = outsider.getJsonObject("launch").getString("id");
        assertEquals("lti-pick.html?launch=" + outsiderLaunch, outsider.getString("next"));
        // ... and may not bind it, nor offer it by deep linking
        TestEngine.Reply bind = app.post(
                "/api/v1/lti/launches/" + outsiderLaunch + "/exam",
                outsider.getString("token"),
                new JsonObject().put("sittingId", other));
        assertEquals(403, bind.status(), bind.body());
        JsonObject dlOut =
                browser.signIn(platform, "m" + n, SpecPlatform.INSTRUCTOR, "dl-m" + n, "LtiDeepLinkingRequest");
        assertEquals(
                403,
                app.post(
                                "/api/v1/lti/launches/"
                                        + dlOut.getJsonObject("launch").getString("id") + "/deep-link",
                                dlOut.getString("token"),
                                new JsonObject().put("sittingId", other))
                        .status());
        // the chair of the first sitting binds its own link by hand
        JsonObject own = launch("chair" + n, SpecPlatform.INSTRUCTOR, "own-" + n, null);
        TestEngine.Reply bound = app.post(
                "/api/v1/lti/launches/" + own.getJsonObject("launch").getString("id") + "/exam",
                own.getString("token"),
                new JsonObject().put("sittingId", sitting));
        assertEquals(200, bound.status(), bound.body());
        assertEquals("sitting.html?sitting=" + sitting, bound.json().getString("next"));
        // a student launched into a sitting that is not theirs sees nothing of it: a launch gives no part
        String stranger = account("x" + n, "student");
        JsonObject x = launch("x" + n, SpecPlatform.LEARNER, "own-" + n, null);
        assertEquals("sitting-student.html?sitting=" + sitting, x.getString("next"));
        assertEquals(stranger, x.getJsonObject("user").getString("id"));
        assertEquals(
                403,
                app.get("/api/v1/sittings/" + sitting, x.getString("token")).status());
    }
}
