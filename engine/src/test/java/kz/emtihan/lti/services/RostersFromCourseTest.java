package kz.emtihan.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.RedisLtiDirectory;
import kz.emtihan.lti.model.ResourceLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (4): the exam's roster filled from the course in one click (NRPS, two pages), and kept in sync: a re-sync on
 * demand and the periodic one; learners come, instructors do not, a learner who left the course leaves the roster only
 * if they have not started; only the exam's teacher (or an admin) may.
 */
@SharedEngine
class RostersFromCourseTest {
    static TestEngine app;
    static SpecPlatform platform;
    static String platformId;
    static String teacher;

    @BeforeAll
    static void start(TestEngine shared) throws Exception {
        app = shared;
        platform = new SpecPlatform(app.base());
        TestEngine.Reply registered = app.post(
                "/api/v1/lti/platforms",
                app.admin(),
                platform.registration().put("issuer", "https://moodle.rosters.test"));
        assertEquals(201, registered.status(), registered.body());
        platformId = registered.json().getString("id");
        app.users("teacher", "lti-roster-t1", "lti-roster-t2");
        teacher = app.loginAs("lti-roster-t1");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static RedisLtiDirectory directory() {
        return app.engine().services().lti().store();
    }

    static String linkedExam(String membershipsUrl, String... students) throws Exception {
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), students);
        directory()
                .saveLink(new ResourceLink(
                        platformId, "1", "ctx-1", "rl-" + examId, examId, null, null, List.of(), membershipsUrl))
                .await(10, TimeUnit.SECONDS);
        return examId;
    }

    static String idOf(String sub) throws Exception {
        return directory().userFor(platformId, sub, "", "", Role.STUDENT).await(10, TimeUnit.SECONDS);
    }

    static Set<String> roster(String examId) {
        Set<String> out = new HashSet<>();
        app.get("/api/v1/exams/" + examId, teacher)
                .json()
                .getJsonArray("roster")
                .forEach(s -> out.add((String) s));
        return out;
    }

    static JsonObject sync(String examId, String token) {
        TestEngine.Reply r = app.post("/api/v1/exams/" + examId + "/lti/roster-sync", token, null);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void oneClickFillsTheRosterFromBothPagesOfTheCourseAndAReSyncKeepsItInStep() throws Exception {
        String tag = Long.toString(System.nanoTime());
        platform.page1 = new JsonArray()
                .add(SpecPlatform.member("teach-" + tag, "Aida Teacher", "Instructor", "Active"))
                .add(SpecPlatform.member("ali-" + tag, "Ali Nurlan", "Learner", "Active"))
                .add(SpecPlatform.member("bota-" + tag, "Bota Serik", "Learner", "Active"));
        platform.page2 = new JsonArray()
                .add(SpecPlatform.member("dana-" + tag, "Dana Arman", "Learner", "Active"))
                .add(SpecPlatform.member("gone-" + tag, "Erlan Gone", "Learner", "Inactive"));
        app.users("student", "lti-roster-manual");
        String examId = linkedExam(platform.base() + "/memberships", "lti-roster-manual");
        int pages = platform.membershipPages.get();

        JsonObject first = sync(examId, teacher);
        assertEquals(2, platform.membershipPages.get() - pages); // issue 16 (4): the Link rel="next" page was read
        assertEquals(3, first.getInteger("added"), first.encode());
        assertEquals(0, first.getInteger("already"));
        assertEquals(2, first.getInteger("skipped")); // the instructor and the inactive learner
        assertEquals(4, first.getInteger("students"));
        String ali = idOf("ali-" + tag);
        String bota = idOf("bota-" + tag);
        String dana = idOf("dana-" + tag);
        assertEquals(Set.of("lti-roster-manual", ali, bota, dana), roster(examId));
        // named from the membership
        JsonObject people = app.get("/api/v1/exams/" + examId, teacher).json().getJsonObject("people");
        assertEquals("Ali Nurlan", people.getString(ali));

        // again, nothing changed in the course: nothing changes here
        JsonObject again = sync(examId, teacher);
        assertEquals(0, again.getInteger("added"));
        assertEquals(3, again.getInteger("already"));

        // Bota starts the exam; then Bota and Dana leave the course: Dana (not started) leaves, Bota stays
        TestEngine.Reply started = app.post("/api/v1/exams/" + examId + "/attempts", login(bota), null);
        assertEquals(201, started.status(), started.body());
        platform.page1 = new JsonArray().add(SpecPlatform.member("ali-" + tag, "Ali Nurlan", "Learner", "Active"));
        platform.page2 = new JsonArray();
        JsonObject third = sync(examId, teacher);
        assertEquals(1, third.getInteger("removed"), third.encode());
        assertEquals(1, third.getInteger("kept"));
        // a student put there by hand is never taken off by a sync
        assertEquals(Set.of("lti-roster-manual", ali, bota), roster(examId));
    }

    @Test
    void thePeriodicSyncAddsWhoJoinedTheCourseInTheTeachersName() throws Exception {
        String tag = Long.toString(System.nanoTime());
        SpecPlatform course = platform;
        course.page1 = new JsonArray().add(SpecPlatform.member("p1-" + tag, "Pupil One", "Learner", "Active"));
        course.page2 = new JsonArray();
        String examId = linkedExam(course.base() + "/memberships");
        sync(examId, teacher);
        course.page2 = new JsonArray().add(SpecPlatform.member("p2-" + tag, "Pupil Two", "Learner", "Active"));
        app.engine().services().ltiServices().syncRostersNow().await(30, TimeUnit.SECONDS);
        assertTrue(roster(examId).contains(idOf("p2-" + tag)), roster(examId).toString());
    }

    @Test
    void onlyTheExamsTeacherFillsItsRosterAndAnExamWithoutACourseIsRefused() throws Exception {
        String examId = linkedExam(platform.base() + "/memberships");
        app.users("student", "lti-roster-s9");
        String path = "/api/v1/exams/" + examId + "/lti/roster-sync";
        // attacker: a student, another teacher
        assertEquals(403, app.post(path, app.loginAs("lti-roster-s9"), null).status());
        assertEquals(403, app.post(path, app.loginAs("lti-roster-t2"), null).status());
        assertEquals(Set.of(), roster(examId));
        // an exam opened from no course (a link without NRPS)
        String plain = linkedExam(null);
        TestEngine.Reply refused = app.post("/api/v1/exams/" + plain + "/lti/roster-sync", teacher, null);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("no-course-link", refused.error());
        // a platform that refuses: 503 with its status, nothing changes
        String broken = linkedExam(platform.base() + "/no-such-service");
        TestEngine.Reply failed = app.post("/api/v1/exams/" + broken + "/lti/roster-sync", teacher, null);
        assertEquals(503, failed.status(), failed.body());
        assertEquals("platform-refused", failed.error());
        assertTrue(failed.json().getString("message").contains("404"), failed.body());
        assertEquals(Set.of(), roster(broken));
    }

    static String login(String id) {
        app.users("student", id);
        return app.loginAs(id);
    }
}
