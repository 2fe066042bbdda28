package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.exam.model.SweepIndexRule;
import kz.emtihan.proctor.model.EvidenceKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (2): a standalone store written before the exam keys carried their exam's hash tag keeps working after the
 * upgrade. The test makes an exam and attempts through the engine, turns the store back into the older shape (the
 * exam-level keys under their old names, the work lists in the global sets, one attempt with an id of before, without
 * its exam), runs the migration, and then goes on through the engine: a start resumes, a new student starts, the
 * sweeper times out the overdue attempts and grades the one left ungraded, a submit ends the last, and the exam leaves
 * the sweep index once nothing is left.
 */
class ExamKeysMigrationTest {
    static TestEngine app;
    static String teacher;

    @BeforeAll
    static void start() {
        app = TestEngine.start(Map.of(
                "EMTIHAN_ANSWERS_GRACE_SECONDS", "0",
                "EMTIHAN_SWEEPER_INTERVAL_MILLIS", "60000"));
        app.users("teacher", "t1");
        teacher = app.loginAs("t1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void oldKeyNamesMapToTheTaggedOnes() {
        assertEquals(Optional.of("exam:{e3m}:roster"), ExamKeysMigration.renamed("exam:e3m:roster"));
        assertEquals(Optional.of("exam:{e3m}:attempts"), ExamKeysMigration.renamed("exam:e3m:attempts"));
        assertEquals(Optional.of("exam:{e3m}:extra-time"), ExamKeysMigration.renamed("exam:e3m:extra-time"));
        assertEquals(Optional.of("exam:{e3m}:personal"), ExamKeysMigration.renamed("exam:e3m:personal"));
        assertEquals(Optional.empty(), ExamKeysMigration.renamed("exam:{e3m}:roster"), "already tagged");
        assertEquals(Optional.empty(), ExamKeysMigration.renamed("exam:e3m:presence"), "read on its own: kept");
        assertEquals(Optional.empty(), ExamKeysMigration.renamed("exam:e3m:statement-open:s1"));
        assertEquals(Optional.empty(), ExamKeysMigration.renamed("exam:e3m"));
    }

    @Test
    void aStoreOfBeforeIsMigratedAndItsAttemptsGoOn() throws Exception {
        app.users("student", "m1", "m2", "m3", "m4");
        String bank = Fixtures.validBank(app, teacher);
        String exam = Fixtures.openExam(app, teacher, bank, "m1", "m2", "m3", "m4");
        String t1 = app.loginAs("m1"), t2 = app.loginAs("m2"), t3 = app.loginAs("m3"), t4 = app.loginAs("m4");
        String a1 = started(exam, t1, 201), a2 = started(exam, t2, 201), a3 = started(exam, t3, 201);
        assertEquals(
                200, app.post("/api/v1/attempts/" + a3 + "/submit", t3, null).status());

        // the store of before: m1's attempt has an id without its exam and is overdue; m3's is finalised, not graded
        String old1 = legacyId(a1);
        long past = cmd(Command.TIME).get(0).toLong() * 1000 - 60_000;
        cmd(Command.HSET, ExamKeys.attempt(old1), "deadline", Long.toString(past));
        cmd(Command.ZADD, ExamKeys.deadlines(exam), Long.toString(past), old1);
        cmd(Command.DEL, ExamKeys.receipt(a3));
        cmd(Command.SADD, ExamKeys.toGrade(exam), a3);
        long watchedSince = score(ExamKeys.evidenceWatched(exam, "socket"), a2);
        toOldNames(exam);
        assertEquals(0, cmd(Command.EXISTS, ExamKeys.roster(exam)).toLong());

        ExamKeysMigration.run(app.engine().services().store().redis()).await(60, TimeUnit.SECONDS);

        assertEquals(1, cmd(Command.SISMEMBER, ExamKeys.roster(exam), "m4").toLong(), "the roster, renamed");
        assertEquals(
                0,
                cmd(Command.EXISTS, "exam:" + exam + ":roster", "exam:" + exam + ":attempts")
                        .toLong());
        assertEquals(old1, cmd(Command.HGET, ExamKeys.examAttempts(exam), "m1").toString());
        assertEquals(
                0,
                cmd(Command.EXISTS, ExamKeys.deadlines(), ExamKeys.toGrade(), "evidence:socket")
                        .toLong());
        assertEquals(past, score(ExamKeys.deadlines(exam), old1), "moved with its deadline");
        assertEquals(1, cmd(Command.SISMEMBER, ExamKeys.toGrade(exam), a3).toLong());
        assertEquals(watchedSince, score(ExamKeys.evidenceWatched(exam, "socket"), a2), "moved with its last sighting");
        assertNotNull(cmd(Command.ZSCORE, ExamKeys.sweepExams(), exam), "the exam is in the sweep index");
        assertNotNull(cmd(Command.GET, ExamKeys.examKeysMigrated()));
        // once done, never again: a second run changes nothing even if old names appeared again
        cmd(Command.SADD, "exam:" + exam + ":roster", "intruder");
        ExamKeysMigration.run(app.engine().services().store().redis()).await(60, TimeUnit.SECONDS);
        assertEquals(1, cmd(Command.EXISTS, "exam:" + exam + ":roster").toLong(), "the marker stops a second run");
        cmd(Command.DEL, "exam:" + exam + ":roster");

        // through the engine
        assertEquals(a2, started(exam, t2, 200), "5.20.3: the one attempt resumes");
        String a4 = started(exam, t4, 201);
        JsonObject q = app.get("/api/v1/attempts/" + a2, t2)
                .json()
                .getJsonArray("questions")
                .getJsonObject(0);
        String option = q.getJsonArray("options").getJsonObject(0).getString("id");
        TestEngine.Reply saved = app.put(
                "/api/v1/attempts/" + a2 + "/answers/" + q.getString("id"),
                t2,
                new JsonObject().put("choices", new JsonArray().add(option)).put("seq", 1));
        assertEquals(200, saved.status(), saved.body());
        // a node of the older version still wrote m4's overdue attempt into the global list: the sweeper moves it
        cmd(Command.HSET, ExamKeys.attempt(a4), "deadline", Long.toString(past));
        cmd(Command.ZREM, ExamKeys.deadlines(exam), a4);
        cmd(Command.ZADD, ExamKeys.deadlines(), Long.toString(past), a4);

        // (the engine's own sweeper may tick meanwhile: what counts is that each attempt is closed once)
        int closed =
                app.engine().services().exam().attempts().finaliseDue(100, 4).await(30, TimeUnit.SECONDS);

        assertTrue(closed <= 2, "m1's attempt of before and m4's from the global list: " + closed);
        assertEquals(0, cmd(Command.EXISTS, ExamKeys.deadlines()).toLong(), "the global list is empty");
        for (String[] a : List.of(new String[] {old1, t1}, new String[] {a4, t4})) {
            JsonObject r = receipt(a[0], a[1]);
            assertEquals("timed-out", r.getString("status"), a[0]);
            assertEquals(2, r.getInteger("events"), a[0] + ": started, timed out once");
        }
        assertEquals("submitted", receipt(a3, t3).getString("status"), "graded again: the receipt is back");
        assertEquals(0, cmd(Command.SCARD, ExamKeys.toGrade(exam)).toLong());
        assertEquals(
                "submitted",
                app.post("/api/v1/attempts/" + a2 + "/submit", t2, null).json().getString("status"));

        // nothing left: the exam leaves the index, but only once nobody has added it for ten minutes
        SweepIndex index = new SweepIndex(app.engine().services().store().redis());
        long now = cmd(Command.TIME).get(0).toLong() * 1000;
        TestEngine.awaitUntil(
                "every work list of the exam is empty (the finished attempts are no longer watched)",
                () -> cmd(Command.EXISTS, SweepIndex.workLists(exam).toArray()).toLong() == 0,
                Duration.ofSeconds(20));
        assertEquals(0, index.prune(now).await(10, TimeUnit.SECONDS), "added moments ago: stays");
        assertEquals(
                1,
                index.prune(now + SweepIndexRule.PRUNE_AFTER_MILLIS + SweepIndexRule.REMEMBER_MILLIS)
                        .await(10, TimeUnit.SECONDS));
        assertNull(cmd(Command.ZSCORE, ExamKeys.sweepExams(), exam));
    }

    /** Renames the exam's keys and moves its work lists back to where a store of before had them. */
    private static void toOldNames(String exam) {
        for (String suffix : List.of("attempts", "roster", "admission", "midterms", "personal", "extra-time")) {
            String now = "exam:{" + exam + "}:" + suffix;
            if (cmd(Command.EXISTS, now).toLong() == 1) cmd(Command.RENAME, now, "exam:" + exam + ":" + suffix);
        }
        moveSorted(ExamKeys.deadlines(exam), ExamKeys.deadlines());
        for (EvidenceKind k : EvidenceKind.values()) {
            moveSorted(ExamKeys.evidenceWatched(exam, k.code()), ExamKeys.evidenceWatched(k.code()));
            moveSorted(ExamKeys.evidenceGaps(exam, k.code()), ExamKeys.evidenceGaps(k.code()));
        }
        for (Response id : cmd(Command.SMEMBERS, ExamKeys.toGrade(exam))) cmd(Command.SADD, ExamKeys.toGrade(), id);
        cmd(Command.DEL, ExamKeys.toGrade(exam), ExamKeys.sweepExams(), ExamKeys.examKeysMigrated());
    }

    private static void moveSorted(String from, String to) {
        for (String[] p : LegacySets.pairs(cmd(Command.ZRANGE, from, "0", "-1", "WITHSCORES")))
            cmd(Command.ZADD, to, p[1], p[0]);
        cmd(Command.DEL, from);
    }

    /** Gives the attempt the id it would have had before issue 14 (no exam part): its keys and its roster entry. */
    private static String legacyId(String attemptId) {
        String old = attemptId.substring(0, attemptId.lastIndexOf('-'));
        for (String suffix : List.of("", ":answers", ":answered", ":log"))
            if (cmd(Command.EXISTS, ExamKeys.attempt(attemptId) + suffix).toLong() == 1)
                cmd(Command.RENAME, ExamKeys.attempt(attemptId) + suffix, ExamKeys.attempt(old) + suffix);
        String exam = ExamKeys.examOf(attemptId).orElseThrow();
        String student = cmd(Command.HGET, ExamKeys.attempt(old), "studentId").toString();
        cmd(Command.HSET, ExamKeys.examAttempts(exam), student, old);
        for (String set : SweepIndex.workLists(exam)) {
            if (set.equals(ExamKeys.toGrade(exam))) continue; // the only plain set; the attempt is not in it
            Response s = cmd(Command.ZSCORE, set, attemptId);
            if (s != null) {
                cmd(Command.ZREM, set, attemptId);
                cmd(Command.ZADD, set, s.toString(), old);
            }
        }
        return old;
    }

    private static String started(String exam, String token, int status) {
        TestEngine.Reply r = app.post("/api/v1/exams/" + exam + "/attempts", token, null);
        assertEquals(status, r.status(), r.body());
        return r.json().getString("id");
    }

    private static JsonObject receipt(String attempt, String token) {
        TestEngine.Reply r = app.get("/api/v1/attempts/" + attempt + "/receipt", token);
        assertEquals(200, r.status(), attempt + ": " + r.body());
        return r.json();
    }

    private static long score(String set, String member) {
        Response s = cmd(Command.ZSCORE, set, member);
        assertNotNull(s, member + " in " + set);
        return s.toDouble().longValue();
    }

    private static Response cmd(Command c, Object... args) {
        Request r = Request.cmd(c);
        for (Object a : args) r.arg(a.toString());
        return app.redis(r);
    }
}
