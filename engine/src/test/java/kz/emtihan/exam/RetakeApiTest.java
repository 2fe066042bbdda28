package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 5.36-5.38 through the API: a retake is linked to the exam it retakes and open only to the students with debt. */
@SharedEngine
class RetakeApiTest {
    static TestEngine app;
    static String teacher;
    static String bank;
    static String first;
    static Instant firstCloses;

    @BeforeAll
    static void setUp(TestEngine engine) {
        app = engine;
        app.users("teacher", "rt-t1", "rt-t2");
        app.users("student", "rt-fail", "rt-pass", "rt-absent", "rt-never");
        teacher = app.loginAs("rt-t1");
        bank = ScheduleTerms.bank(app, teacher, "Retake algebra");
        Instant now = Instant.now();
        firstCloses = now.plus(Duration.ofHours(1));
        JsonObject exam = Fixtures.attestation(bank, now.minus(Duration.ofHours(1)), firstCloses);
        exam.put("proctoring", new JsonObject());
        first = Fixtures.exam(app, teacher, exam, "rt-fail", "rt-pass", "rt-absent");
        sit("rt-fail", false);
        sit("rt-pass", true);
    }

    /** Starts and submits; every answer right (A) or none given (F). */
    static void sit(String student, boolean right) {
        String token = app.loginAs(student);
        TestEngine.Reply started = app.post("/api/v1/exams/" + first + "/attempts", token, null);
        assertEquals(201, started.status(), started.body());
        String attemptId = started.json().getString("id");
        if (right) {
            for (Object o : started.json().getJsonArray("questions")) {
                JsonObject q = (JsonObject) o;
                int n = Integer.parseInt(
                        q.getString("text").replaceAll("\\D+", " ").trim().split(" ")[0]);
                String option = q.getJsonArray("options").stream()
                        .map(x -> (JsonObject) x)
                        .filter(x -> x.getString("text").equals("option " + (n % 5) + " of question " + n))
                        .findFirst()
                        .orElseThrow()
                        .getString("id");
                assertEquals(
                        200,
                        app.put(
                                        "/api/v1/attempts/" + attemptId + "/answers/" + q.getString("id"),
                                        token,
                                        new JsonObject()
                                                .put("choices", new JsonArray().add(option))
                                                .put("seq", 1))
                                .status());
            }
        }
        TestEngine.Reply done = app.post("/api/v1/attempts/" + attemptId + "/submit", token, new JsonObject());
        assertEquals(200, done.status(), done.body());
        assertEquals(right ? "A" : "F", done.json().getString("letter"), done.body());
    }

    static JsonObject retake(String bankId, String of, Instant opens) {
        return ScheduleTerms.exam(bankId, "intermediate-attestation", opens, 30).put("retakeOf", of);
    }

    static void assertRefused(TestEngine.Reply r, String problem) {
        assertEquals(409, r.status(), r.body());
        assertEquals("retake-refused", r.error(), r.body());
        assertEquals("5.36", r.json().getJsonObject("args").getString("rule"), r.body());
        assertEquals(problem, r.json().getJsonArray("problems").getJsonObject(0).getString("error"), r.body());
    }

    @Test
    void aRetakeIsLinkedExemptFromOnePerPeriodAndHoldsOnlyTheStudentsWithDebt() {
        Instant opens = firstCloses.plus(Duration.ofDays(1));
        // without the link, a second attestation of the discipline is refused (5.20.3) ...
        TestEngine.Reply second =
                app.post("/api/v1/exams", teacher, ScheduleTerms.exam(bank, "intermediate-attestation", opens, 30));
        assertEquals(409, second.status(), second.body());
        // ... as a retake it is the same attestation
        TestEngine.Reply created = app.post("/api/v1/exams", teacher, retake(bank, first, opens));
        assertEquals(201, created.status(), created.body());
        String retakeId = created.json().getString("id");
        JsonObject view = app.get("/api/v1/exams/" + retakeId, teacher).json();
        assertEquals(first, view.getString("retakeOf"));
        assertTrue(view.getJsonObject("calendar").getInteger("week") >= 1, view.encode());
        assertEquals(
                List.of(retakeId),
                app.get("/api/v1/exams/" + first, teacher)
                        .json()
                        .getJsonArray("retakes")
                        .getList());

        // 5.36: F and no result may retake; A may not; nor someone who was never on the roster
        TestEngine.Reply refused = app.put(
                "/api/v1/exams/" + retakeId + "/roster",
                teacher,
                new JsonArray().add("rt-fail").add("rt-pass").add("rt-never"));
        assertEquals(409, refused.status(), refused.body());
        assertEquals("retake-roster", refused.error());
        JsonArray problems = refused.json().getJsonArray("problems");
        assertEquals(2, problems.size(), refused.body());
        assertEquals(1, problems.getJsonObject(0).getInteger("index"));
        assertEquals("retake.passed", problems.getJsonObject(0).getString("error"));
        assertEquals(2, problems.getJsonObject(1).getInteger("index"));
        assertEquals("retake.not-on-roster", problems.getJsonObject(1).getString("error"));
        assertEquals(List.of(), view.getJsonArray("roster").getList(), "nothing was stored");
        assertEquals(
                List.of(),
                app.get("/api/v1/exams/" + retakeId, teacher)
                        .json()
                        .getJsonArray("roster")
                        .getList());
        TestEngine.Reply ok = app.put(
                "/api/v1/exams/" + retakeId + "/roster",
                teacher,
                new JsonArray().add("rt-fail").add("rt-absent"));
        assertEquals(200, ok.status(), ok.body());

        // a retake of the retake joins the chain of the first exam
        TestEngine.Reply again =
                app.post("/api/v1/exams", teacher, retake(bank, retakeId, opens.plus(Duration.ofDays(1))));
        assertEquals(201, again.status(), again.body());
        assertEquals(
                first,
                app.get("/api/v1/exams/" + again.json().getString("id"), teacher)
                        .json()
                        .getString("retakeOf"));
    }

    @Test
    void aRetakeIsOfTheSameDisciplineAfterTheFirstWindowAndNotYearsLater() {
        int before = app.get("/api/v1/exams", teacher).array().size();
        assertRefused(
                app.post(
                        "/api/v1/exams",
                        teacher,
                        retake(bank, first, Instant.now().plus(Duration.ofMinutes(10)))),
                "retake.before");
        String other = ScheduleTerms.bank(app, teacher, "Retake geometry");
        assertRefused(
                app.post("/api/v1/exams", teacher, retake(other, first, firstCloses.plus(Duration.ofDays(1)))),
                "retake.discipline");
        Instant later = ScheduleTerms.week(ScheduleTerms.nextYear(), 2).plus(Duration.ofDays(366));
        assertRefused(app.post("/api/v1/exams", teacher, retake(bank, first, later)), "retake.period");
        assertEquals(before, app.get("/api/v1/exams", teacher).array().size(), "nothing was scheduled");
    }

    @Test
    void anotherTeacherCannotLinkARetakeToTheExamAndAnUnknownExamIsABadField() {
        String t2 = app.loginAs("rt-t2");
        String own = ScheduleTerms.bank(app, t2, "Retake algebra");
        assertEquals(
                403,
                app.post("/api/v1/exams", t2, retake(own, first, firstCloses.plus(Duration.ofDays(1))))
                        .status());
        TestEngine.Reply unknown =
                app.post("/api/v1/exams", teacher, retake(bank, "e-nothing", firstCloses.plus(Duration.ofDays(1))));
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("bad-field", unknown.error());
    }
}
