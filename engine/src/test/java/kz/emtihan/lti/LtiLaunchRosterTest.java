package kz.emtihan.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.lti.model.ResourceLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (1): a Learner of the course who opens an activity bound to an exam is put on the exam's roster at the
 * launch, as a sync with the course would put them (marked as from the LMS, audited, every other student's rating
 * carried over), atomically against other launches; nobody else is: not an Instructor, not a Learner of another
 * platform, deployment or course, not a hand-typed exam parameter, not a replayed id_token. When a rule refuses the
 * addition the launch is refused with the clause, in the launch's language.
 */
@SharedEngine
class LtiLaunchRosterTest {
    static TestEngine app;
    static SpecPlatform platform;
    static SpecPlatform other;
    static String platformId;
    static LtiBrowser browser;
    static String teacher;

    @BeforeAll
    static void start(TestEngine shared) throws Exception {
        app = shared;
        platform = new SpecPlatform("roster-client-" + System.nanoTime());
        TestEngine.Reply registered = app.post(
                "/api/v1/lti/platforms",
                app.admin(),
                platform.registration("Spec Moodle")
                        .put("deploymentIds", new JsonArray().add("1").add("2")));
        assertEquals(201, registered.status(), registered.body());
        platformId = registered.json().getString("id");
        other = new SpecPlatform("roster-other-" + System.nanoTime());
        assertEquals(
                201,
                app.post("/api/v1/lti/platforms", app.admin(), other.registration("Another LMS"))
                        .status());
        browser = new LtiBrowser(app);
        app.users("teacher", "lti-launch-roster-t");
        teacher = app.loginAs("lti-launch-roster-t");
    }

    @AfterAll
    static void stop() {
        platform.close();
        other.close();
    }

    /** An open exam of the teacher, bound to resource link {@code linkId} of course c1, deployment 1. */
    static String boundExam(String linkId, String... students) {
        String bank = Fixtures.validBank(app, teacher);
        return bind(Fixtures.openExam(app, teacher, bank, students), linkId);
    }

    static String bind(String examId, String linkId) {
        try {
            app.engine()
                    .services()
                    .lti()
                    .store()
                    .saveLink(new ResourceLink(platformId, "1", "c1", linkId, examId, null, null, List.of(), null))
                    .await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
        return examId;
    }

    static JsonObject exam(String examId) {
        return app.get("/api/v1/exams/" + examId, teacher).json();
    }

    static Set<String> roster(String examId) {
        Set<String> out = new HashSet<>();
        exam(examId).getJsonArray("roster").forEach(s -> out.add((String) s));
        return out;
    }

    static List<String> audit(String examId) {
        Response r = app.redis(Request.cmd(Command.LRANGE)
                .arg("lti:{lti-services}:exam:" + examId + ":audit")
                .arg(0)
                .arg(-1));
        List<String> out = new ArrayList<>();
        if (r != null) for (Response e : r) out.add(e.toString());
        return out;
    }

    static Set<String> fromLms(String examId) {
        Response r = app.redis(Request.cmd(Command.SMEMBERS).arg("lti:{lti-services}:exam:" + examId + ":synced"));
        Set<String> out = new HashSet<>();
        if (r != null) for (Response e : r) out.add(e.toString());
        return out;
    }

    static String student(String sub) {
        return RedisLtiDirectory.accountId(platformId, sub);
    }

    @Test
    void aLearnerOfTheCourseIsPutOnTheRosterOnceFromTheLmsAuditedAndCanStart() {
        String n = String.valueOf(System.nanoTime());
        app.users("student", "lti-manual-" + n);
        String examId = boundExam("rl" + n);
        // a hand-added student with an admission rating (5.30) and one with midterms (6.10): both carried over
        TestEngine.Reply put = app.put(
                "/api/v1/exams/" + examId + "/roster",
                teacher,
                new JsonArray()
                        .add(new JsonObject()
                                .put("studentId", "lti-manual-" + n)
                                .put("admissionRating", 80))
                        .add(new JsonObject()
                                .put("studentId", "lti-mid-" + n)
                                .put("midterms", new JsonArray().add(70).add(90))));
        assertEquals(200, put.status(), put.body());

        // issue 16 (1): the Learner is not on the roster; the launch puts them there and lands on the rules page
        JsonObject s = browser.signIn(platform, "s" + n, SpecPlatform.LEARNER, "rl" + n, "LtiResourceLinkRequest");
        assertEquals("rules.html?exam=" + examId, s.getString("next"));
        String id = student("s" + n);
        assertEquals(Set.of("lti-manual-" + n, "lti-mid-" + n, id), roster(examId));
        JsonObject view = exam(examId);
        assertEquals(80.0, view.getJsonObject("admission").getDouble("lti-manual-" + n));
        assertEquals(
                List.of(70.0, 90.0),
                view.getJsonObject("midterms").getJsonArray("lti-mid-" + n).getList());
        assertEquals(Set.of(id), fromLms(examId), "marked as put there by the LMS, like a sync's student");
        List<String> trail = audit(examId);
        assertEquals(1, trail.size(), trail.toString());
        JsonObject event = new JsonObject(trail.get(0));
        assertEquals("roster-launch-added", event.getString("event"));
        assertEquals(id, event.getString("actor"));
        assertEquals(List.of(id), event.getJsonArray("added").getList());
        assertEquals("c1", event.getString("context"));

        // and can start the exam with the launch's token
        TestEngine.Reply attempt = app.post("/api/v1/exams/" + examId + "/attempts", s.getString("token"), null);
        assertEquals(201, attempt.status(), attempt.body());
        // a second launch changes nothing and audits nothing
        browser.signIn(platform, "s" + n, SpecPlatform.LEARNER, "rl" + n, "LtiResourceLinkRequest");
        assertEquals(3, roster(examId).size());
        assertEquals(1, audit(examId).size());
    }

    @Test
    void noInstructorNoOtherPlatformDeploymentOrCourseNoTypedExamNoReplayChangesTheRoster() {
        String n = String.valueOf(System.nanoTime());
        String examId = boundExam("rl" + n);
        // an Instructor opens the exam, is never put on its roster
        JsonObject t = browser.signIn(platform, "t" + n, SpecPlatform.INSTRUCTOR, "rl" + n, "LtiResourceLinkRequest");
        assertEquals("exam.html?exam=" + examId, t.getString("next"));
        assertEquals(Set.of(), roster(examId));
        // a Learner of another platform whose link has the same id
        JsonObject elsewhere = browser.signIn(other, "s" + n, SpecPlatform.LEARNER, "rl" + n, "LtiResourceLinkRequest");
        assertNull(elsewhere.getValue("next"));
        // a Learner of the same platform in another deployment, then in another course, carrying the link's id
        try {
            platform.bend = c -> c.put(SpecPlatform.LTI + "deployment_id", "2");
            assertNull(browser.signIn(platform, "d" + n, SpecPlatform.LEARNER, "rl" + n, "LtiResourceLinkRequest")
                    .getValue("next"));
            platform.bend = c -> c.put(SpecPlatform.LTI + "context", Map.of("id", "c2", "title", "Course two"));
            assertNull(browser.signIn(platform, "c" + n, SpecPlatform.LEARNER, "rl" + n, "LtiResourceLinkRequest")
                    .getValue("next"));
            // a hand-typed custom parameter naming the exam on a link that is not bound to it
            platform.bend = c -> c.put(SpecPlatform.LTI + "custom", Map.of("exam", examId));
            assertNull(browser.signIn(platform, "h" + n, SpecPlatform.LEARNER, "typed" + n, "LtiResourceLinkRequest")
                    .getValue("next"));
        } finally {
            platform.bend = c -> {};
        }
        assertEquals(Set.of(), roster(examId));
        // the link still belongs to its course: the course's own Learner lands and is added
        assertEquals(
                "rules.html?exam=" + examId,
                browser.signIn(platform, "own" + n, SpecPlatform.LEARNER, "rl" + n, "LtiResourceLinkRequest")
                        .getString("next"));
        assertEquals(Set.of(student("own" + n)), roster(examId));

        // a captured id_token replayed in the attacker's own login: refused, the roster unchanged
        LtiBrowser.Posted captured =
                browser.authenticate(platform, "r" + n, SpecPlatform.LEARNER, "rl" + n, "LtiResourceLinkRequest");
        assertEquals(200, browser.launch(captured).status());
        assertEquals(
                200,
                app.put("/api/v1/exams/" + examId + "/roster", teacher, new JsonArray())
                        .status());
        LtiBrowser.Posted attacker =
                browser.authenticate(platform, "x" + n, SpecPlatform.LEARNER, "rl" + n, "LtiResourceLinkRequest");
        TestEngine.Reply replayed = browser.launch(captured.idToken(), attacker.state(), attacker.browserState());
        assertEquals(401, replayed.status(), replayed.body());
        assertEquals("lti-replayed-nonce", replayed.error());
        assertEquals(Set.of(), roster(examId));
    }

    @Test
    void aLaunchTheRosterRulesRefuseSaysWhyWithTheClauseInTheLaunchesLanguage() {
        String n = String.valueOf(System.nanoTime());
        String bank = Fixtures.validBank(app, teacher);
        String examId = bind(Fixtures.openExam(app, teacher, bank), "rl" + n);
        // 5.31: the administrator locks the bank, and the roster with it
        TestEngine.Reply locked = app.post("/api/v1/banks/" + bank + "/lock", app.admin(), new JsonObject());
        assertEquals(200, locked.status(), locked.body());
        LtiBrowser.Posted p =
                browser.authenticate(platform, "s" + n, SpecPlatform.LEARNER, "rl" + n, "LtiResourceLinkRequest");
        byte[] body = new JsonObject()
                .put("idToken", p.idToken())
                .put("state", p.state())
                .put("browserState", p.browserState())
                .encode()
                .getBytes(StandardCharsets.UTF_8);
        TestEngine.Reply refused =
                app.send("POST", "/api/v1/lti/launch", null, "application/json", body, "Accept-Language", "ru");
        assertEquals(409, refused.status(), refused.body());
        assertEquals("launch-roster-locked", refused.error());
        assertEquals("ru", refused.headers().firstValue("Content-Language").orElse(""));
        String message = refused.json().getString("message");
        assertTrue(message.contains("5.31") && message.contains("заблокирован"), message);
        assertEquals(Set.of(), roster(examId));
        assertEquals(List.of(), audit(examId));
    }

    @Test
    void learnersLaunchingAtOnceAreAllOnTheRoster() throws Exception {
        String n = String.valueOf(System.nanoTime());
        String examId = boundExam("rl" + n);
        int many = 6;
        List<LtiBrowser.Posted> ready = new ArrayList<>();
        for (int i = 0; i < many; i++)
            ready.add(browser.authenticate(
                    platform, "p" + i + "-" + n, SpecPlatform.LEARNER, "rl" + n, "LtiResourceLinkRequest"));
        // issue 16 (1): each launch reads the roster and writes it back with its student; without the roster lock
        // two at once would each write the roster they read and one student would be lost
        List<CompletableFuture<TestEngine.Reply>> all = new ArrayList<>();
        for (LtiBrowser.Posted p : ready) all.add(CompletableFuture.supplyAsync(() -> browser.launch(p)));
        for (CompletableFuture<TestEngine.Reply> f : all) {
            TestEngine.Reply r = f.get(60, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < many; i++) expected.add(student("p" + i + "-" + n));
        assertEquals(expected, roster(examId));
        assertEquals(expected, fromLms(examId));
        assertEquals(many, audit(examId).size());
    }
}
