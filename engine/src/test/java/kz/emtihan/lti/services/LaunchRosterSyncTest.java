package kz.emtihan.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 * Issue 16 (1, 4): a sync with the course and Learners' launches of the same exam at the same moment end with every
 * Learner on the roster, each marked as from the LMS (the sync's removal rule applies to all of them alike). Both
 * hold the exam's roster lock from reading the roster and the marks to writing them. This test checks the outcome;
 * it does not catch the lock missing (the sync's read of the course takes longer than the launches here, so they
 * rarely interleave): {@code LtiLaunchRosterTest#learnersLaunchingAtOnceAreAllOnTheRoster} does.
 */
@SharedEngine
class LaunchRosterSyncTest {
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
                platform.registration().put("issuer", "https://moodle.launch-sync.test"));
        assertEquals(201, registered.status(), registered.body());
        platformId = registered.json().getString("id");
        app.users("teacher", "lti-launch-sync-t");
        teacher = app.loginAs("lti-launch-sync-t");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static RedisLtiDirectory directory() {
        return app.engine().services().lti().store();
    }

    /** The launches' roster code as the engine wires it, over the engine's own store and exam context. */
    static LaunchRoster launches() {
        var redis = app.engine().services().store().redis();
        return new LaunchRoster(
                app.engine().services().exam().exams(),
                redis,
                new GradeStore(redis),
                new RosterLock(app.engine().vertx(), redis),
                Clock.systemUTC());
    }

    @Test
    void aSyncAndLaunchesAtOnceLoseNoOne() throws Exception {
        String tag = Long.toString(System.nanoTime());
        // the course: four Learners, and four more who open the activity while the teacher syncs
        JsonArray course = new JsonArray();
        for (int i = 0; i < 4; i++)
            course.add(SpecPlatform.member("course-" + i + "-" + tag, "Course " + i, "Learner", "Active"))
                    .add(SpecPlatform.member("new-" + i + "-" + tag, "New " + i, "Learner", "Active"));
        platform.page1 = course;
        platform.page2 = new JsonArray();
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher));
        ResourceLink link = new ResourceLink(
                platformId,
                "1",
                "ctx-1",
                "rl-" + examId,
                examId,
                null,
                null,
                List.of(),
                platform.base() + "/memberships");
        directory().saveLink(link).await(10, TimeUnit.SECONDS);
        List<String> launched = new ArrayList<>();
        for (int i = 0; i < 4; i++)
            launched.add(directory()
                    .userFor(platformId, "new-" + i + "-" + tag, "", "", Role.STUDENT)
                    .await(10, TimeUnit.SECONDS));
        LaunchRoster roster = launches();
        CompletableFuture<TestEngine.Reply> sync = CompletableFuture.supplyAsync(
                () -> app.post("/api/v1/exams/" + examId + "/lti/roster-sync", teacher, null));
        List<Future<Void>> enrolled = new ArrayList<>();
        for (String s : launched) enrolled.add(roster.enrol(link, s));
        Future.all(enrolled).await(30, TimeUnit.SECONDS);
        assertEquals(200, sync.get(30, TimeUnit.SECONDS).status());

        Set<String> expected = new HashSet<>(launched);
        for (int i = 0; i < 4; i++)
            expected.add(directory()
                    .userFor(platformId, "course-" + i + "-" + tag, "", "", Role.STUDENT)
                    .await(10, TimeUnit.SECONDS));
        Set<String> after = new HashSet<>();
        app.get("/api/v1/exams/" + examId, teacher)
                .json()
                .getJsonArray("roster")
                .forEach(s -> after.add((String) s));
        assertEquals(expected, after);
        // every one of them is the LMS's: a later sync may take off whoever leaves the course before starting
        Set<String> fromLms = new HashSet<>();
        var members = app.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.SMEMBERS)
                .arg(ServiceKeys.synced(examId)));
        for (var m : members) fromLms.add(m.toString());
        assertEquals(expected, fromLms);
    }
}
