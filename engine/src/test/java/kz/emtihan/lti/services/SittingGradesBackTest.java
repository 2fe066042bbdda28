package kz.emtihan.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.RedisLtiDirectory;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.services.model.Scopes;
import kz.emtihan.sitting.SittingResults;
import kz.emtihan.sitting.SittingThrough;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (3) for oral sittings, through the real engine and real Redis against {@link SpecPlatform}: the chair's
 * confirmation sends the score out of the sitting's maximum with the letter in the comment; an appeal that changes
 * the grade sends the new one, one that keeps it sends nothing; a telling that failed is caught up by the sweep; only
 * the sitting's commission reads the statuses and only whoever runs it sends one again.
 */
@SharedEngine(
        env = {
            "EMTIHAN_LTI_SERVICES_RETRY_MILLIS=100,200",
            "EMTIHAN_LTI_SERVICES_GIVE_UP_AFTER_SECONDS=3",
            "EMTIHAN_LTI_SERVICES_POLL_MILLIS=50"
        })
class SittingGradesBackTest {
    static TestEngine app;
    static SpecPlatform platform;
    static String platformId;
    static final AtomicInteger SUBS = new AtomicInteger();

    @BeforeAll
    static void start(TestEngine shared) throws Exception {
        app = shared;
        platform = new SpecPlatform(app.base());
        TestEngine.Reply registered = app.post("/api/v1/lti/platforms", app.admin(), platform.registration());
        assertEquals(201, registered.status(), registered.body());
        platformId = registered.json().getString("id");
        SittingThrough.people(app);
        app.users("commission", "lti-sit-c9"); // on the commission of no sitting here
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static RedisLtiDirectory directory() {
        return app.engine().services().lti().store();
    }

    record Learner(String sub, String id) {}

    static Learner learner() throws Exception {
        String sub = "moodle-sitting-user-" + SUBS.incrementAndGet() + "-" + System.nanoTime();
        String id = directory()
                .userFor(platformId, sub, "Learner " + sub, sub + "@uni.test", Role.STUDENT)
                .await(10, TimeUnit.SECONDS);
        app.users("student", id); // a password, so the test can sign in as them
        return new Learner(sub, id);
    }

    /** A sitting of these students, opened from the platform by a link whose line item is {@code item}. */
    static String linkedSitting(String item, Learner... students) throws Exception {
        String[] ids = java.util.Arrays.stream(students).map(Learner::id).toArray(String[]::new);
        String id = SittingThrough.create(app, "Oral exam " + item, "c1", ids);
        directory()
                .saveLink(new ResourceLink(
                        platformId,
                        "1",
                        "ctx-1",
                        "rl-" + id,
                        null,
                        platform.base() + "/lineitems/" + item,
                        platform.base() + "/lineitems",
                        List.of(Scopes.LINEITEM, Scopes.SCORE, Scopes.LINEITEM_READONLY),
                        platform.base() + "/memberships",
                        id))
                .await(10, TimeUnit.SECONDS);
        return id;
    }

    static JsonObject statuses(String sittingId, String user) {
        TestEngine.Reply r = app.get("/api/v1/sittings/" + sittingId + "/lti/grades", app.loginAs(user));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static JsonObject gradeOf(String sittingId, String student) {
        for (Object o : statuses(sittingId, "c1").getJsonArray("grades")) {
            JsonObject g = (JsonObject) o;
            if (student.equals(g.getString("studentId"))) return g;
        }
        return new JsonObject();
    }

    static void awaitSent(String sittingId, String student) {
        TestEngine.awaitUntil(
                student + " sent",
                () -> "sent".equals(gradeOf(sittingId, student).getString("state")),
                Duration.ofSeconds(15));
    }

    static List<JsonObject> scoresOf(String item, Learner l) {
        return platform.scores.getOrDefault(item, List.of()).stream()
                .filter(s -> l.sub().equals(s.getString("userId")))
                .toList();
    }

    @Test
    void theConfirmedResultAndAnAppealThatChangesItArriveAndOneThatKeepsItSendsNothing() throws Exception {
        Learner a = learner();
        Learner b = learner();
        String sitting = linkedSitting("item-sit-1", a, b);
        // issue 16 (3): the chair confirms (mean of 80, 85, 90 = 85: B+ on the configured scale)
        JsonObject confirmed = SittingThrough.confirmed(app, sitting, "c1", a.id(), 80, 85, 90);
        assertEquals("B+", confirmed.getJsonObject("result").getString("letter"));
        awaitSent(sitting, a.id());
        List<JsonObject> got = scoresOf("item-sit-1", a);
        assertEquals(1, got.size(), got.toString());
        assertEquals(85.0, got.get(0).getDouble("scoreGiven"));
        assertEquals(100.0, got.get(0).getDouble("scoreMaximum"), "out of the sitting's maximum (6.15.6)");
        assertEquals("B+", got.get(0).getString("comment"), "the letter in the comment");
        JsonObject listed = statuses(sitting, "m1"); // a member reads them
        assertEquals(true, listed.getBoolean("linked"));
        assertEquals(sitting, listed.getString("sittingId"));

        SittingThrough.confirmed(app, sitting, "c1", b.id(), 70, 70, 70);
        awaitSent(sitting, b.id());
        JsonObject bSent = gradeOf(sitting, b.id());
        SittingThrough.close(app, sitting);

        // an appeal that changes the grade: the new score goes
        SittingThrough.appealDecided(app, sitting, a.id(), "A-");
        TestEngine.awaitUntil(
                "the changed grade arrives", () -> scoresOf("item-sit-1", a).size() == 2, Duration.ofSeconds(15));
        JsonObject changed = scoresOf("item-sit-1", a).get(1);
        assertEquals("A-", changed.getString("comment"));
        assertTrue(changed.getDouble("scoreGiven") > 85.0, changed.encode());
        awaitSent(sitting, a.id());

        // an appeal that keeps it: told (before the decision answered), the same digest, nothing queued
        SittingThrough.appealDecided(app, sitting, b.id(), null);
        JsonObject bAfter = gradeOf(sitting, b.id());
        assertEquals("sent", bAfter.getString("state"));
        assertEquals(bSent.getString("queuedAt"), bAfter.getString("queuedAt"), "not queued again");
        assertEquals(0, app.engine().services().ltiServices().sweepSittingsNow().await(10, TimeUnit.SECONDS));
        assertEquals(1, scoresOf("item-sit-1", b).size());
    }

    @Test
    void aResultWhoseTellingFailedIsCaughtUpByTheSweep() throws Exception {
        Learner a = learner();
        String sitting = linkedSitting("item-sit-2", a);
        SittingResults.Slot slot = app.engine().services().sittings().finalResults();
        SittingResults listener = slot.get();
        slot.set(result -> Future.failedFuture(new IllegalStateException("Redis went away")));
        String letter;
        try {
            // the result stands though its telling failed
            letter = SittingThrough.confirmed(app, sitting, "c1", a.id(), 90, 90, 90)
                    .getJsonObject("result")
                    .getString("letter");
        } finally {
            slot.set(listener);
        }
        assertEquals(null, gradeOf(sitting, a.id()).getString("state"), "nothing queued by the failed telling");
        assertEquals(1, app.engine().services().ltiServices().sweepSittingsNow().await(10, TimeUnit.SECONDS));
        awaitSent(sitting, a.id());
        assertEquals(letter, scoresOf("item-sit-2", a).get(0).getString("comment"));
    }

    @Test
    void onlyTheCommissionReadsTheStatusesAndOnlyWhoRunsTheSittingSendsAgain() throws Exception {
        Learner a = learner();
        String sitting = linkedSitting("item-sit-3", a);
        SittingThrough.confirmed(app, sitting, "c1", a.id(), 60, 60, 60);
        awaitSent(sitting, a.id());
        String path = "/api/v1/sittings/" + sitting + "/lti/grades";
        // its student, a commission member of other sittings, nobody signed in
        assertEquals(403, app.get(path, app.loginAs(a.id())).status(), "a student of the sitting");
        assertEquals(403, app.get(path, app.loginAs("lti-sit-c9")).status(), "someone else's sitting");
        assertEquals(401, app.get(path, null).status());
        assertEquals(
                404,
                app.get("/api/v1/sittings/s-none/lti/grades", app.loginAs("c1")).status());
        assertEquals(200, app.get(path, app.loginAs("ad1")).status(), "the appeal commission sees the results");
        // resend: a member does not run the sitting; its chair and secretary do (the grade is sent: 409)
        String resend = path + "/" + a.id() + "/resend";
        assertEquals(403, app.post(resend, app.loginAs("m1"), null).status(), "a member does not run it");
        assertEquals(403, app.post(resend, app.loginAs("ac1"), null).status());
        assertEquals(403, app.post(resend, app.loginAs(a.id()), null).status());
        assertEquals(
                "grade-not-failed", app.post(resend, app.loginAs("c1"), null).error());
        assertEquals(
                "grade-not-failed", app.post(resend, app.loginAs("sec1"), null).error());
        assertEquals(
                404, app.post(path + "/nobody/resend", app.loginAs("c1"), null).status(), "no grade: not found");
    }
}
