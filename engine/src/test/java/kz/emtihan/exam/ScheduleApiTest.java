package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.calendar.model.AcademicCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 5.16, 5.20.1-5.20.3 through the API, as a teacher calling it directly would: each refusal is 409 with its clause and
 * schedules nothing. Windows are in the next academic year's first period (ScheduleTerms), so any day runs them.
 */
@SharedEngine
class ScheduleApiTest {
    static TestEngine app;
    static String teacher;
    static AcademicCalendar.Period next;

    @BeforeAll
    static void setUp(TestEngine engine) {
        app = engine;
        app.users("teacher", "sched-t1");
        teacher = app.loginAs("sched-t1");
        next = ScheduleTerms.nextYear();
    }

    static int examCount() {
        return app.get("/api/v1/exams", teacher).array().size();
    }

    static void assertRefused(TestEngine.Reply r, String code, String rule, String problem) {
        assertEquals(409, r.status(), r.body());
        assertEquals(code, r.error(), r.body());
        JsonObject body = r.json();
        assertEquals(rule, body.getJsonObject("args").getString("rule"), r.body());
        assertTrue(body.getString("message").contains(rule), "the sentence names the clause: " + r.body());
        assertEquals(problem, body.getJsonArray("problems").getJsonObject(0).getString("error"), r.body());
    }

    @Test
    void sevenCurrentControlsOnOneDayGetOne() {
        String bank = ScheduleTerms.bank(app, teacher, "Schedule one day");
        Instant day = ScheduleTerms.week(next, 3);
        assertEquals(
                201,
                app.post("/api/v1/exams", teacher, ScheduleTerms.exam(bank, "current-control", day, 5))
                        .status());
        int before = examCount();
        for (int i = 1; i < 7; i++) {
            TestEngine.Reply r = app.post(
                    "/api/v1/exams",
                    teacher,
                    ScheduleTerms.exam(bank, "current-control", day.plus(Duration.ofMinutes(i)), 5));
            // 5.20.1: at most one a week
            assertRefused(r, "schedule-rule", "5.20.1", "schedule.current-control-week");
        }
        assertEquals(before, examCount(), "nothing was scheduled");
    }

    @Test
    void currentControlIsAtMostSixAPeriodInTeachingWeeks() {
        String bank = ScheduleTerms.bank(app, teacher, "Schedule six");
        for (int w = 1; w <= 6; w++) {
            TestEngine.Reply r = app.post(
                    "/api/v1/exams",
                    teacher,
                    ScheduleTerms.exam(bank, "current-control", ScheduleTerms.week(next, w), 5));
            assertEquals(201, r.status(), "week " + w + ": " + r.body());
        }
        assertRefused(
                app.post(
                        "/api/v1/exams",
                        teacher,
                        ScheduleTerms.exam(bank, "current-control", ScheduleTerms.week(next, 8), 5)),
                "schedule-rule",
                "5.20.1",
                "schedule.current-control-max");
        String other = ScheduleTerms.bank(app, teacher, "Schedule session");
        int after = next.rule().teachingWeeks() + 1;
        assertRefused(
                app.post(
                        "/api/v1/exams",
                        teacher,
                        ScheduleTerms.exam(other, "current-control", ScheduleTerms.week(next, after), 5)),
                "schedule-rule",
                "5.20.1",
                "schedule.teaching-weeks");
    }

    @Test
    void midtermsOpenInWeeksSixAndFourteenOneEach() {
        String bank = ScheduleTerms.bank(app, teacher, "Schedule midterms");
        for (int w : new int[] {1, 5, 7, 13, 15})
            assertRefused(
                    app.post(
                            "/api/v1/exams",
                            teacher,
                            ScheduleTerms.exam(bank, "midterm", ScheduleTerms.week(next, w), 30)),
                    "schedule-rule",
                    "5.20.2",
                    "schedule.midterm-week");
        assertEquals(
                201,
                app.post("/api/v1/exams", teacher, ScheduleTerms.exam(bank, "midterm", ScheduleTerms.week(next, 6), 30))
                        .status());
        assertRefused(
                app.post(
                        "/api/v1/exams",
                        teacher,
                        ScheduleTerms.exam(
                                bank, "midterm", ScheduleTerms.week(next, 6).plus(Duration.ofDays(1)), 30)),
                "schedule-rule",
                "5.20.2",
                "schedule.midterm-taken");
        assertEquals(
                201,
                app.post(
                                "/api/v1/exams",
                                teacher,
                                ScheduleTerms.exam(bank, "midterm", ScheduleTerms.week(next, 14), 30))
                        .status());
    }

    @Test
    void oneIntermediateAttestationPerDisciplineAndPeriod() {
        String first = ScheduleTerms.bank(app, teacher, "Schedule attestation");
        // the same discipline written otherwise, in another bank
        String same = ScheduleTerms.bank(app, teacher, "  SCHEDULE   attestation ");
        String otherProgramme = ScheduleTerms.bank(app, teacher, "Schedule attestation", "6B01502");
        Instant opens = ScheduleTerms.week(next, next.rule().teachingWeeks() + 1);
        TestEngine.Reply created =
                app.post("/api/v1/exams", teacher, ScheduleTerms.exam(first, "intermediate-attestation", opens, 30));
        assertEquals(201, created.status(), created.body());
        int before = examCount();
        TestEngine.Reply second = app.post(
                "/api/v1/exams",
                teacher,
                ScheduleTerms.exam(same, "intermediate-attestation", opens.plus(Duration.ofDays(2)), 30));
        assertRefused(second, "schedule-rule", "5.20.3", "schedule.attestation-taken");
        assertTrue(second.body().contains(created.json().getString("id")), "names the exam: " + second.body());
        assertRefused(
                app.post(
                        "/api/v1/exams",
                        teacher,
                        ScheduleTerms.exam(first, "intermediate-attestation", opens.plus(Duration.ofDays(3)), 30)),
                "schedule-rule",
                "5.20.3",
                "schedule.attestation-taken");
        assertEquals(before, examCount(), "nothing was scheduled");
        assertEquals(
                201,
                app.post(
                                "/api/v1/exams",
                                teacher,
                                ScheduleTerms.exam(otherProgramme, "intermediate-attestation", opens, 30))
                        .status(),
                "another programme's discipline is another discipline");
        // the next period is another period
        AcademicCalendar.Period then =
                ScheduleTerms.CALENDAR.periodOn(next.ends().plusDays(1)).orElseThrow();
        assertEquals(
                201,
                app.post(
                                "/api/v1/exams",
                                teacher,
                                ScheduleTerms.exam(first, "intermediate-attestation", ScheduleTerms.week(then, 3), 30))
                        .status());
    }

    @Test
    void aWindowInThePastIsRefusedAndOneOpenedAnHourAgoIsNot() {
        String bank = ScheduleTerms.bank(app, teacher, "Schedule past");
        Instant now = Instant.now();
        JsonObject past = ScheduleTerms.exam(bank, "intermediate-attestation", now.minus(Duration.ofHours(3)), 30);
        assertRefused(app.post("/api/v1/exams", teacher, past), "schedule-rule", "5.16", "schedule.past");
        JsonObject year2020 =
                ScheduleTerms.exam(bank, "intermediate-attestation", Instant.parse("2020-03-02T04:00:00Z"), 30);
        assertRefused(app.post("/api/v1/exams", teacher, year2020), "schedule-rule", "5.16", "schedule.past");
        JsonObject open = ScheduleTerms.exam(bank, "intermediate-attestation", now.minus(Duration.ofHours(1)), 30);
        assertEquals(201, app.post("/api/v1/exams", teacher, open).status());
    }

    @Test
    void theRefusalIsInTheCallersLanguage() {
        String bank = ScheduleTerms.bank(app, teacher, "Schedule language");
        JsonObject exam = ScheduleTerms.exam(bank, "midterm", ScheduleTerms.week(next, 2), 30);
        for (String lang : new String[] {"kk", "ru"}) {
            TestEngine.Reply r = app.send(
                    "POST",
                    "/api/v1/exams",
                    teacher,
                    "application/json",
                    exam.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "Accept-Language",
                    lang);
            assertEquals(409, r.status(), r.body());
            String message = r.json().getString("message");
            assertTrue(message.contains("5.20.2") && message.matches("(?s).*[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі].*"), message);
        }
    }

    @Test
    void theCalendarSaysThePeriodAndWeekOfAWindowToStaffOnly() {
        Instant at = ScheduleTerms.week(next, 6);
        JsonObject c = app.get("/api/v1/calendar?at=" + at, teacher).json();
        assertEquals(next.key(), c.getString("period"));
        assertEquals(6, c.getInteger("week"));
        assertEquals(true, c.getBoolean("teaching"));
        assertEquals(false, c.getBoolean("summer"));
        JsonObject session = app.get(
                        "/api/v1/calendar?at="
                                + ScheduleTerms.week(next, next.rule().teachingWeeks() + 1),
                        teacher)
                .json();
        assertEquals(false, session.getBoolean("teaching"));
        assertEquals(400, app.get("/api/v1/calendar?at=tomorrow", teacher).status());
        app.users("student", "sched-s1");
        assertEquals(403, app.get("/api/v1/calendar", app.loginAs("sched-s1")).status());
    }

    @Test
    void concurrentAttestationsOfOneDisciplineLeaveOne() throws Exception {
        List<String> banks = new ArrayList<>();
        for (int i = 0; i < 6; i++) banks.add(ScheduleTerms.bank(app, teacher, "Schedule race"));
        Instant opens = ScheduleTerms.week(next, next.rule().teachingWeeks() + 2);
        ExecutorService pool = Executors.newFixedThreadPool(banks.size());
        try {
            List<Future<TestEngine.Reply>> replies = new ArrayList<>();
            for (String b : banks)
                replies.add(pool.submit(() -> app.post(
                        "/api/v1/exams", teacher, ScheduleTerms.exam(b, "intermediate-attestation", opens, 30))));
            int created = 0;
            for (Future<TestEngine.Reply> f : replies) {
                TestEngine.Reply r = f.get();
                if (r.status() == 201) created++;
                else assertRefused(r, "schedule-rule", "5.20.3", "schedule.attestation-taken");
            }
            assertEquals(1, created, "5.20.3: one of the concurrent creations, never two");
        } finally {
            pool.shutdown();
        }
    }
}
