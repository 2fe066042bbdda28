package kz.emtihan.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.RedisLtiDirectory;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.services.model.Scopes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (3): grades back to the platform's gradebook, through the real engine and real Redis, against {@link
 * SpecPlatform}: the score of a submitted attempt arrives with the platform's user id, the points and the letter; a
 * platform that fails twice gets it on the third try; one that never accepts it shows failed with its answer; only the
 * exam's people read and resend.
 */
@SharedEngine(
        env = {
            "EMTIHAN_LTI_SERVICES_RETRY_MILLIS=100,200",
            "EMTIHAN_LTI_SERVICES_GIVE_UP_AFTER_SECONDS=2",
            "EMTIHAN_LTI_SERVICES_POLL_MILLIS=50"
        })
class GradesBackTest {
    static TestEngine app;
    static SpecPlatform platform;
    static String platformId;
    static String teacher;
    static String otherTeacher;
    static final AtomicInteger SUBS = new AtomicInteger();

    @BeforeAll
    static void start(TestEngine shared) throws Exception {
        app = shared;
        platform = new SpecPlatform(app.base());
        TestEngine.Reply registered = app.post("/api/v1/lti/platforms", app.admin(), platform.registration());
        assertEquals(201, registered.status(), registered.body());
        platformId = registered.json().getString("id");
        app.users("teacher", "lti-grades-t1", "lti-grades-t2");
        teacher = app.loginAs("lti-grades-t1");
        otherTeacher = app.loginAs("lti-grades-t2");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static RedisLtiDirectory directory() {
        return app.engine().services().lti().store();
    }

    /** A learner who came from the platform (its sub), with a password so the test can sign in as them. */
    static String learner(String sub) throws Exception {
        String id = directory()
                .userFor(platformId, sub, "Learner " + sub, sub + "@uni.test", Role.STUDENT)
                .await(10, TimeUnit.SECONDS);
        app.users("student", id);
        return id;
    }

    static String sub() {
        return "moodle-user-" + SUBS.incrementAndGet() + "-" + System.nanoTime();
    }

    /** An exam open now, with this roster, opened from the platform by a link whose line item is {@code item}. */
    static String linkedExam(String item, String... students) throws Exception {
        String bankId = Fixtures.validBank(app, teacher);
        String examId = Fixtures.openExam(app, teacher, bankId, students);
        directory()
                .saveLink(new ResourceLink(
                        platformId,
                        "1",
                        "ctx-1",
                        "rl-" + examId,
                        examId,
                        item == null ? null : platform.base() + "/lineitems/" + item,
                        platform.base() + "/lineitems",
                        List.of(Scopes.LINEITEM, Scopes.SCORE, Scopes.LINEITEM_READONLY),
                        platform.base() + "/memberships"))
                .await(10, TimeUnit.SECONDS);
        return examId;
    }

    /** The student starts, answers every question with its first option, and submits; the submit's answer. */
    static JsonObject takes(String examId, String student) {
        return takesOn(app, examId, student);
    }

    static JsonObject takesOn(TestEngine app, String examId, String student) {
        String token = app.loginAs(student);
        TestEngine.Reply started = app.post("/api/v1/exams/" + examId + "/attempts", token, null);
        assertEquals(201, started.status(), started.body());
        JsonObject attempt = started.json();
        JsonObject answers = new JsonObject();
        for (Object o : attempt.getJsonArray("questions")) {
            JsonObject q = (JsonObject) o;
            answers.put(
                    q.getString("id"),
                    new JsonArray()
                            .add(q.getJsonArray("options").getJsonObject(0).getString("id")));
        }
        TestEngine.Reply submitted = app.post(
                "/api/v1/attempts/" + attempt.getString("id") + "/submit",
                token,
                new JsonObject().put("answers", answers));
        assertEquals(200, submitted.status(), submitted.body());
        return submitted.json();
    }

    static JsonObject gradeOf(String examId, String student, String token) {
        TestEngine.Reply r = app.get("/api/v1/exams/" + examId + "/lti/grades/" + student, token);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static void awaitState(String examId, String student, String state) {
        TestEngine.awaitUntil(
                student + " " + state,
                () -> state.equals(gradeOf(examId, student, teacher).getString("state")),
                Duration.ofSeconds(15));
    }

    @Test
    void aSubmittedAttemptsScoreArrivesWithThePlatformsUserIdThePointsAndTheLetter() throws Exception {
        String sub = sub();
        String student = learner(sub);
        String examId = linkedExam("item-a", student);
        JsonObject result = takes(examId, student); // issue 16 (3): a test submitted
        awaitState(examId, student, "sent");
        List<JsonObject> got = platform.scores.get("item-a");
        assertEquals(1, got.size(), got.toString());
        JsonObject score = got.get(0);
        assertEquals(sub, score.getString("userId"));
        assertEquals(result.getDouble("points"), score.getDouble("scoreGiven"));
        assertEquals(30.0, score.getDouble("scoreMaximum")); // 5.20.3: 30 questions
        assertEquals(result.getString("letter"), score.getString("comment"));
        assertEquals("Completed", score.getString("activityProgress"));
        assertEquals("FullyGraded", score.getString("gradingProgress"));
        assertNotNull(java.time.Instant.parse(score.getString("timestamp")));
        assertEquals("application/vnd.ims.lis.v1.score+json", score.getString("_contentType"));

        JsonObject listed =
                app.get("/api/v1/exams/" + examId + "/lti/grades", teacher).json();
        assertEquals(true, listed.getBoolean("linked"));
        JsonObject row = listed.getJsonArray("grades").getJsonObject(0);
        assertEquals(student, row.getString("studentId"));
        assertEquals("sent", row.getString("state"));
        assertNotNull(row.getString("sentAt"));
        // the student reads their own
        assertEquals("sent", gradeOf(examId, student, app.loginAs(student)).getString("state"));
        // a repeated submit gives the same result: nothing is sent again
        String attemptId = app.get("/api/v1/me/exams", app.loginAs(student)).array().stream()
                .map(o -> (JsonObject) o)
                .filter(e -> e.getString("id").equals(examId))
                .findFirst()
                .orElseThrow()
                .getJsonObject("attempt")
                .getString("id");
        assertEquals(
                200,
                app.post("/api/v1/attempts/" + attemptId + "/submit", app.loginAs(student), new JsonObject())
                        .status());
        assertEquals("sent", gradeOf(examId, student, teacher).getString("state"));
        assertEquals(1, platform.scores.get("item-a").size());
    }

    @Test
    void aPlatformThatFailsTwiceGetsTheScoreOnTheThirdTry() throws Exception {
        platform.failures.put("item-b", new AtomicInteger(2));
        platform.failStatus.put("item-b", 500);
        String sub = sub();
        String student = learner(sub);
        String examId = linkedExam("item-b", student);
        takes(examId, student);
        awaitState(examId, student, "sent");
        List<JsonObject> got = platform.scores.get("item-b");
        assertEquals(3, got.size(), got.toString());
        assertEquals(
                List.of(500, 500, 200),
                got.stream().map(s -> s.getInteger("_answered")).toList());
        assertEquals(3, gradeOf(examId, student, teacher).getInteger("tries"));
        assertTrue(got.stream().allMatch(s -> sub.equals(s.getString("userId"))));
    }

    @Test
    void aPlatformThatNeverAcceptsShowsFailedWithItsAnswerAndTheOwnerResendsIt() throws Exception {
        platform.failures.put("item-c", new AtomicInteger(1_000));
        platform.failStatus.put("item-c", 503);
        platform.failBody.put("item-c", "{\"error\":\"gradebook locked for maintenance\"}");
        String student = learner(sub());
        String examId = linkedExam("item-c", student);
        takes(examId, student);
        awaitState(examId, student, "failed");
        JsonObject failed = gradeOf(examId, student, teacher);
        assertEquals(503, failed.getJsonObject("platformAnswer").getInteger("status"));
        assertTrue(
                failed.getJsonObject("platformAnswer").getString("body").contains("gradebook locked for maintenance"),
                failed.encode());
        assertNotNull(failed.getString("failedAt"));

        // attacker: another teacher neither reads nor resends it; the student does not resend it
        assertEquals(
                403,
                app.get("/api/v1/exams/" + examId + "/lti/grades", otherTeacher).status());
        assertEquals(
                403,
                app.get("/api/v1/exams/" + examId + "/lti/grades/" + student, otherTeacher)
                        .status());
        String resend = "/api/v1/exams/" + examId + "/lti/grades/" + student + "/resend";
        assertEquals(403, app.post(resend, otherTeacher, null).status());
        assertEquals(403, app.post(resend, app.loginAs(student), null).status());
        assertEquals("failed", gradeOf(examId, student, teacher).getString("state"));

        // the platform is back: the owner resends it and it arrives
        platform.failures.get("item-c").set(0);
        TestEngine.Reply resent = app.post(resend, teacher, null);
        assertEquals(200, resent.status(), resent.body());
        awaitState(examId, student, "sent");
        // a sent grade is not resent
        TestEngine.Reply again = app.post(resend, teacher, null);
        assertEquals(409, again.status(), again.body());
        assertEquals("grade-not-failed", again.error());
    }

    @Test
    void aStudentReadsOnlyTheirOwnGrade() throws Exception {
        String one = learner(sub());
        String two = learner(sub());
        String examId = linkedExam("item-d", one, two);
        takes(examId, one);
        awaitState(examId, one, "sent");
        String token = app.loginAs(two);
        assertEquals(
                403,
                app.get("/api/v1/exams/" + examId + "/lti/grades/" + one, token).status());
        assertEquals(
                403, app.get("/api/v1/exams/" + examId + "/lti/grades", token).status());
        assertEquals(null, gradeOf(examId, two, token).getString("state"));
    }

    @Test
    void aLinkWithoutALineItemFindsOrMakesTheOneOfItsResourceLink() throws Exception {
        String sub = sub();
        String student = learner(sub);
        String examId = linkedExam(null, student);
        takes(examId, student);
        awaitState(examId, student, "sent");
        JsonObject made = platform.lineItems.values().stream()
                .filter(i -> ("rl-" + examId).equals(i.getString("resourceLinkId")))
                .findFirst()
                .orElseThrow();
        assertEquals(30.0, made.getDouble("scoreMaximum"));
        String id = made.getString("id").substring(made.getString("id").lastIndexOf('/') + 1);
        assertEquals(sub, platform.scores.get(id).get(0).getString("userId"));
    }

    @Test
    void theAccessTokenIsAskedOncePerScopesAndTheAssertionPassesTheToolsJwks() throws Exception {
        String examId = linkedExam("item-e");
        for (int i = 0; i < 2; i++) {
            String student = learner(sub());
            app.put("/api/v1/exams/" + examId + "/roster", teacher, new JsonArray().add(student));
            takes(examId, student);
            awaitState(examId, student, "sent");
        }
        long scoreTokens = platform.tokenRequests.stream()
                .filter(t -> Scopes.SCORE.equals(t.getString("scope")))
                .count();
        assertEquals(1, scoreTokens, platform.tokenRequests.toString());
        assertTrue(
                platform.tokenRequests.stream().noneMatch(t -> t.containsKey("refused")),
                platform.tokenRequests.toString());
    }

    @Test
    void aGradeInFlightOnANodeThatDiedIsSentWhenItsLeaseEnds() throws Exception {
        String sub = sub();
        String student = learner(sub);
        String examId = linkedExam("item-f", student);
        // what a node leaves behind when it dies after claiming the job: waiting, its lease still running
        long now = System.currentTimeMillis();
        long leaseEnds = now + 1_500;
        String member = ServiceKeys.member(examId, student);
        app.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.HSET)
                .arg(ServiceKeys.grade(examId, student))
                .arg("examId")
                .arg(examId)
                .arg("studentId")
                .arg(student)
                .arg("scoreGiven")
                .arg("12.0")
                .arg("scoreMaximum")
                .arg("30.0")
                .arg("letter")
                .arg("D")
                .arg("timestamp")
                .arg(java.time.Instant.ofEpochMilli(now).toString())
                .arg("source")
                .arg("attempt")
                .arg("digest")
                .arg("12.0000/30.0000/D")
                .arg("state")
                .arg("waiting")
                .arg("queuedAt")
                .arg(now)
                .arg("tries")
                .arg(0)
                .arg("gen")
                .arg(1));
        app.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.SADD)
                .arg(ServiceKeys.gradesOfExam(examId))
                .arg(member));
        app.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.ZADD)
                .arg(ServiceKeys.due())
                .arg(leaseEnds)
                .arg(member));
        awaitState(examId, student, "sent");
        JsonObject got = platform.scores.get("item-f").get(0);
        assertEquals(sub, got.getString("userId"));
        assertEquals(12.0, got.getDouble("scoreGiven"));
        assertTrue(got.getLong("_at") >= leaseEnds, "taken again only when the lease ended");
    }
}
