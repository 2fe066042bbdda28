package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 6 through the API, as an attacker would call it: the set-up checked at creation (6.15.4, 6.15.6), the
 * steps held to the sitting's day unless rescheduled (6.15.6), a thesis defence without a ticket (6.15.1), a removal for
 * a violation (6.14), and a postponed student carried into a later sitting whose result replaces the "I" (6.15.3).
 */
class SittingRegulationTest {
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("commission", "c1", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "ac1", "ad1");
        app.users("secretary", "sec1");
        app.users("student", "st1", "st2", "st3", "st4", "st5");
        app.users("teacher", "t1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonObject body(String kind, String date, Object... students) {
        return SittingBodies.body(kind, "Final attestation", date, "ru", students);
    }

    static String create(JsonObject body) {
        TestEngine.Reply r = app.post("/api/v1/sittings", app.admin(), body);
        assertEquals(201, r.status(), r.body());
        return r.json().getString("id");
    }

    static TestEngine.Reply post(String path, String user, JsonObject body) {
        return app.post("/api/v1/sittings/" + path, app.loginAs(user), body);
    }

    static String stored(String id) {
        return app.redis(Request.cmd(Command.HGET).arg("sitting:" + id).arg("doc"))
                .toString();
    }

    static JsonObject progress(String id, String student, String reader) {
        return app.get("/api/v1/sittings/" + id, app.loginAs(reader))
                .json()
                .getJsonObject("progress")
                .getJsonObject(student);
    }

    static void checks(String id, String student) {
        assertEquals(
                200, post(id + "/students/" + student + "/admit", "sec1", null).status());
        for (String kind : List.of("id-card", "identity", "room")) {
            TestEngine.Reply r = app.send(
                    "PUT",
                    "/api/v1/sittings/" + id + "/students/" + student + "/photos/" + kind,
                    app.loginAs("sec1"),
                    "image/jpeg",
                    SittingRoomTest.FACE);
            assertEquals(200, r.status(), r.body());
        }
        assertEquals(
                200,
                post(id + "/students/" + student + "/identity", "sec1", new JsonObject().put("confirmed", true))
                        .status());
        JsonObject all = new JsonObject();
        for (String item : SittingSteps.ROOM_CHECKLIST) all.put(item, true);
        assertEquals(
                200,
                post(id + "/students/" + student + "/room", "sec1", new JsonObject().put("checklist", all))
                        .status());
    }

    /** From the preparation to every member's score (the draw, if any, is the caller's). */
    static void answerAndScore(String id, String student) {
        String st = id + "/students/" + student;
        assertEquals(
                200,
                post(st + "/phase", "sec1", new JsonObject().put("action", "start-preparation"))
                        .status());
        assertEquals(
                200,
                post(st + "/phase", "sec1", new JsonObject().put("action", "end-preparation"))
                        .status());
        assertEquals(
                200,
                post(
                                st + "/phase",
                                "sec1",
                                new JsonObject().put("action", "end-answer").put("reason", "finished"))
                        .status());
        for (String m : List.of("c1", "m1", "m2"))
            assertEquals(
                    200,
                    app.put("/api/v1/sittings/" + st + "/score", app.loginAs(m), new JsonObject().put("points", 88))
                            .status());
    }

    static void tickets(String id) {
        JsonArray t = new JsonArray();
        for (int n = 1; n <= 3; n++)
            t.add(new JsonObject().put("number", n).put("questions", new JsonArray().add("Question " + n)));
        assertEquals(
                200,
                app.put("/api/v1/sittings/" + id + "/tickets", app.admin(), t).status());
    }

    static Set<String> fields(TestEngine.Reply r) {
        Set<String> out = new HashSet<>();
        for (Object p : r.json().getJsonArray("problems")) out.add(((JsonObject) p).getString("field"));
        return out;
    }

    static int sittings() {
        return app.get("/api/v1/sittings", app.admin()).array().size();
    }

    @Test
    void theSetUpIsCheckedAndEveryProblemListedWithItsField() { // 6.15.4, 6.15.6
        int before = sittings();
        JsonObject bad = body("comprehensive-exam", SittingDays.today(), "st1", "ghost-student", "t1");
        bad.getJsonObject("commission")
                .put("chair", "st2") // a student as chair
                .put("members", new JsonArray().add("nobody").add("sec1"))
                .put("secretary", "sec1");
        bad.getJsonObject("appealCommission").put("chair", "st2").put("deputy", "st2");
        TestEngine.Reply r = app.post("/api/v1/sittings", app.admin(), bad);
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid-sitting", r.error());
        assertEquals(
                Set.of(
                        "commission.chair", // st2 has no commission role
                        "commission.members[1]", // nobody: no account
                        "commission.members[2]", // sec1 is a secretary, not a commission member
                        "commission.secretary", // and sits as a member
                        "appealCommission.chair", // st2 on both commissions
                        "appealCommission.deputy", // the chair again
                        "students[1]", // ghost-student: no account
                        "students[2]"), // a teacher is no student
                fields(r),
                r.body());
        assertEquals(before, sittings(), "a refused set-up stores nothing");

        JsonObject one = body("comprehensive-exam", SittingDays.today(), "st1");
        one.getJsonObject("commission").put("members", new JsonArray()); // the commission of one
        TestEngine.Reply small = app.post("/api/v1/sittings", app.admin(), one);
        assertEquals(Set.of("commission.members"), fields(small), small.body());
        assertTrue(small.json()
                .getJsonArray("problems")
                .getJsonObject(0)
                .getString("message")
                .contains("3"));

        JsonObject eight = body("comprehensive-exam", SittingDays.today(), "st1");
        eight.getJsonObject("commission")
                .put("members", new JsonArray(List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7")));
        assertEquals(Set.of("commission.members"), fields(app.post("/api/v1/sittings", app.admin(), eight)));

        JsonObject both = body("comprehensive-exam", SittingDays.today(), "st1");
        both.getJsonObject("appealCommission").put("deputy", "m1").put("members", new JsonArray().add("c1"));
        TestEngine.Reply twice = app.post("/api/v1/sittings", app.admin(), both);
        assertEquals(Set.of("appealCommission.deputy", "appealCommission.members[0]"), fields(twice), twice.body());
        assertEquals(
                403,
                app.post("/api/v1/sittings", app.loginAs("c1"), body("comprehensive-exam", SittingDays.today(), "st1"))
                        .status(),
                "only an administrator creates a sitting");
        assertEquals(before, sittings());
    }

    @Test
    void theStepsAreTakenOnTheSittingsDayUnlessRescheduled() { // 6.15.6
        String yesterday = LocalDate.now(SittingDays.ZONE).minusDays(1).toString();
        String id = create(body("comprehensive-exam", yesterday, "st1"));
        String doc = stored(id);
        TestEngine.Reply admit = post(id + "/students/st1/admit", "sec1", null);
        assertEquals(409, admit.status(), admit.body());
        assertEquals("not-sitting-day", admit.error());
        assertTrue(admit.json().getString("message").contains(yesterday), admit.body());
        assertTrue(admit.json().getString("message").contains("6.15.6"), admit.body());
        assertEquals(doc, stored(id), "refused, nothing changed");

        JsonObject today = new JsonObject().put("date", SittingDays.today()).put("reason", "the platform was down");
        assertEquals(403, post(id + "/reschedule", "sec1", today).status(), "the secretary does not reschedule");
        assertEquals(403, post(id + "/reschedule", "c1", today).status(), "nor the chair");
        TestEngine.Reply past = app.post(
                "/api/v1/sittings/" + id + "/reschedule",
                app.admin(),
                new JsonObject().put("date", "2020-05-05").put("reason", "x"));
        assertEquals(400, past.status());
        assertEquals("bad-field", past.error());
        assertEquals("date", past.json().getJsonObject("args").getString("field"), past.body());
        TestEngine.Reply noReason = app.post(
                "/api/v1/sittings/" + id + "/reschedule",
                app.admin(),
                new JsonObject().put("date", SittingDays.today()));
        assertEquals(400, noReason.status());
        assertEquals(doc, stored(id));

        TestEngine.Reply moved = app.post("/api/v1/sittings/" + id + "/reschedule", app.admin(), today);
        assertEquals(200, moved.status(), moved.body());
        JsonObject record = moved.json().getJsonArray("reschedules").getJsonObject(0);
        assertEquals(yesterday, record.getString("from"));
        assertEquals(SittingDays.today(), record.getString("to"));
        assertEquals("admin", record.getString("by"));
        assertEquals("the platform was down", record.getString("reason"));
        assertEquals(200, post(id + "/students/st1/admit", "sec1", null).status(), "on the new day it runs");

        assertEquals(200, post(id + "/close", "sec1", null).status());
        assertEquals(
                409,
                app.post("/api/v1/sittings/" + id + "/reschedule", app.admin(), today)
                        .status(),
                "a closed sitting is not moved");
    }

    @Test
    void aThesisDefenceIsScoredWithoutATicket() { // 6.15.1
        String id = create(body("thesis-defence", SittingDays.today(), "st1"));
        checks(id, "st1");
        assertEquals("start-preparation", progress(id, "st1", "sec1").getString("next"), "no draw in a defence");
        TestEngine.Reply draw = post(id + "/students/st1/draw", "c1", new JsonObject());
        assertEquals(409, draw.status(), draw.body());
        assertEquals("wrong-order", draw.error());
        assertTrue(draw.json().getString("message").contains("6.15.1"), draw.body());
        answerAndScore(id, "st1");
        TestEngine.Reply confirmed = post(id + "/students/st1/confirm", "c1", null);
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("graded", confirmed.json().getString("status"));
        assertEquals(88.0, confirmed.json().getJsonObject("result").getDouble("points"));
        assertFalse(confirmed.json().containsKey("ticket"), "no ticket was drawn");
    }

    @Test
    void theSecretaryRemovesAStudentForAViolation() { // 6.14
        String id = create(body("comprehensive-exam", SittingDays.today(), "st1", "st2"));
        tickets(id);
        checks(id, "st1");
        String st = id + "/students/st1/remove";
        JsonObject why = new JsonObject().put("reason", "a second person in the room");
        String doc = stored(id);
        assertEquals(403, post(st, "m1", why).status(), "a member does not remove");
        assertEquals(403, post(st, "st2", why).status(), "nor another student");
        assertEquals(403, app.post("/api/v1/sittings/" + st, app.admin(), why).status(), "nor an administrator");
        assertEquals(403, post(st, "ac1", why).status(), "nor the appeal commission");
        assertEquals(400, post(st, "sec1", new JsonObject()).status(), "a removal states its reason");
        assertEquals(doc, stored(id));

        TestEngine.Reply removed = post(st, "sec1", why);
        assertEquals(200, removed.status(), removed.body());
        assertEquals("removed", removed.json().getString("status"));
        JsonObject seen = progress(id, "st1", "st1");
        assertEquals("removed", seen.getString("status"), "the student sees it");
        assertEquals("F", seen.getJsonObject("result").getString("letter"), "an unexcused absence");
        assertEquals(0.0, seen.getJsonObject("result").getDouble("points"));
        assertEquals(
                "a second person in the room", seen.getJsonObject("removal").getString("reason"));
        assertEquals("removed", progress(id, "st1", "c1").getString("next"), "the commission sees it");
        JsonObject sitting =
                app.get("/api/v1/sittings/" + id, app.loginAs("c1")).json();
        assertEquals("st1", sitting.getJsonArray("removals").getJsonObject(0).getString("studentId"));
        assertNotNull(SittingRoom.refusal(new JsonObject(stored(id)), "st1"), "out of the video room");

        doc = stored(id);
        assertEquals(409, post(st, "c1", why).status(), "removed once");
        TestEngine.Reply draw = post(id + "/students/st1/draw", "c1", new JsonObject());
        assertEquals("wrong-order", draw.error(), "no more steps");
        assertEquals(doc, stored(id));
        assertEquals(200, post(id + "/students/st2/remove", "c1", why).status(), "the chair removes too");
        JsonObject st2 = app.get("/api/v1/sittings/" + id, app.loginAs("st2")).json();
        assertEquals(1, st2.getJsonArray("removals").size(), "a student sees only their own removal");
        assertEquals("st2", st2.getJsonArray("removals").getJsonObject(0).getString("studentId"));
    }

    static TestEngine.Reply apply(String id, String student) {
        return app.post(
                "/api/v1/sittings/" + id + "/postponements",
                app.loginAs(student),
                new JsonObject()
                        .put("reason", "in hospital")
                        .put(
                                "document",
                                new JsonObject()
                                        .put("contentType", "application/pdf")
                                        .put(
                                                "base64",
                                                Base64.getEncoder()
                                                        .encodeToString("%PDF-1.4 certificate"
                                                                .getBytes(StandardCharsets.US_ASCII)))));
    }

    static String postponed(String student) {
        String id = create(body("comprehensive-exam", SittingDays.today(), student, "st5"));
        TestEngine.Reply a = apply(id, student);
        assertEquals(201, a.status(), a.body());
        assertEquals(
                200,
                post(
                                id + "/postponements/" + a.json().getString("id") + "/decision",
                                "c1",
                                new JsonObject().put("allowed", true))
                        .status());
        assertEquals(200, post(id + "/close", "sec1", null).status(), "the first sitting closes");
        return id;
    }

    @Test
    void aPostponedStudentIsExaminedInALaterSittingThatCarriesThem() { // 6.15.2-6.15.3
        String first = postponed("st3");
        assertEquals(
                "I", progress(first, "st3", "c1").getJsonObject("standing").getString("letter"), "I after closing");
        int before = sittings();
        TestEngine.Reply wrong = app.post(
                "/api/v1/sittings",
                app.admin(),
                body(
                        "comprehensive-exam",
                        SittingDays.today(),
                        new JsonObject().put("id", "st5").put("carriedFrom", first), // not postponed there
                        new JsonObject().put("id", "st3").put("carriedFrom", "s-nowhere"),
                        new JsonObject().put("id", "st1").put("carriedFrom", first))); // not in that sitting
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals(
                Set.of("students[0].carriedFrom", "students[1].carriedFrom", "students[2].carriedFrom"), fields(wrong));
        TestEngine.Reply defence = app.post(
                "/api/v1/sittings",
                app.admin(),
                body(
                        "thesis-defence",
                        SittingDays.today(),
                        new JsonObject().put("id", "st3").put("carriedFrom", first)));
        assertEquals(Set.of("students[0].carriedFrom"), fields(defence), "into a sitting of the same kind");
        assertEquals(before, sittings());

        String later = create(body(
                "comprehensive-exam",
                SittingDays.today(),
                new JsonObject().put("id", "st3").put("carriedFrom", first)));
        assertEquals(later, progress(first, "st3", "c1").getString("carriedTo"));
        assertEquals(
                first,
                app.get("/api/v1/sittings/" + later, app.loginAs("st3"))
                        .json()
                        .getJsonObject("carried")
                        .getJsonObject("st3")
                        .getString("from"),
                "the student sees where they come from");
        TestEngine.Reply again = app.post(
                "/api/v1/sittings",
                app.admin(),
                body(
                        "comprehensive-exam",
                        SittingDays.today(),
                        new JsonObject().put("id", "st3").put("carriedFrom", first)));
        assertEquals(Set.of("students[0].carriedFrom"), fields(again), "carried once");

        tickets(later);
        checks(later, "st3");
        assertEquals(
                200, post(later + "/students/st3/draw", "c1", new JsonObject()).status());
        answerAndScore(later, "st3");
        TestEngine.Reply confirmed = post(later + "/students/st3/confirm", "c1", null);
        assertEquals(200, confirmed.status(), confirmed.body());
        String letter = confirmed.json().getJsonObject("result").getString("letter");
        JsonObject standing = progress(first, "st3", "st3").getJsonObject("standing");
        assertEquals(letter, standing.getString("letter"), "the later result replaces the I");
        assertEquals("graded", standing.getString("status"));
        assertEquals(later, standing.getString("sittingId"));

        // 6.15.4: an appeal in the later sitting that changes the grade changes it in the earlier one as well
        assertEquals(200, post(later + "/close", "sec1", null).status());
        TestEngine.Reply appeal = post(later + "/appeals", "st3", new JsonObject().put("reason", "question 2"));
        assertEquals(201, appeal.status(), appeal.body());
        String appealId = appeal.json().getString("id");
        assertEquals(
                200,
                post(later + "/appeals/" + appealId + "/meeting", "ac1", null).status());
        String other = letter.equals("A") ? "A-" : "A";
        TestEngine.Reply decided = post(
                later + "/appeals/" + appealId + "/decision",
                "ac1",
                new JsonObject().put("decision", "changed").put("letter", other));
        assertEquals(200, decided.status(), decided.body());
        assertEquals(
                other,
                progress(first, "st3", "st3").getJsonObject("standing").getString("letter"),
                "the appeal's letter reaches the sitting the student was carried from");
    }

    @Test
    void aResultAfterThePostponementsDeadlineDoesNotCount() { // 6.15.2
        String first = postponed("st4");
        String later = create(body(
                "comprehensive-exam",
                SittingDays.today(),
                new JsonObject().put("id", "st4").put("carriedFrom", first)));
        tickets(later);
        checks(later, "st4");
        assertEquals(
                200, post(later + "/students/st4/draw", "c1", new JsonObject()).status());
        answerAndScore(later, "st4");
        // the deadline passes while the commission deliberates (as the clock would move it on)
        JsonObject doc = new JsonObject(stored(later));
        doc.getJsonObject("carried").getJsonObject("st4").put("deadline", "2020-01-01T00:00:00Z");
        app.redis(Request.cmd(Command.HSET).arg("sitting:" + later).arg("doc").arg(doc.encode()));
        String before = stored(later);
        TestEngine.Reply late = post(later + "/students/st4/confirm", "c1", null);
        assertEquals(409, late.status(), late.body());
        assertEquals("carried-late", late.error());
        assertEquals(before, stored(later), "nothing published");
    }

    @Test
    void onlyAStudentWithAPublishedResultAppealsOncePerResult() { // 6.15.4
        String id = create(body("comprehensive-exam", SittingDays.today(), "st1", "st2"));
        tickets(id);
        checks(id, "st1");
        assertEquals(
                200, post(id + "/students/st1/draw", "c1", new JsonObject()).status());
        answerAndScore(id, "st1");
        assertEquals(200, post(id + "/students/st1/confirm", "c1", null).status());
        assertEquals(200, post(id + "/close", "sec1", null).status());
        JsonObject reason = new JsonObject().put("reason", "the second question was outside the programme");
        TestEngine.Reply none = post(id + "/appeals", "st2", reason);
        assertEquals(409, none.status(), none.body());
        assertEquals("wrong-order", none.error(), "st2 has no result to appeal against");
        assertEquals(201, post(id + "/appeals", "st1", reason).status());
        assertEquals("already", post(id + "/appeals", "st1", reason).error(), "one appeal per result");
    }
}
