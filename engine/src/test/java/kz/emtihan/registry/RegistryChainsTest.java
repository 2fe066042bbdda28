package kz.emtihan.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.calendar.model.AcademicCalendar;
import kz.emtihan.exam.ScheduleTerms;
import kz.emtihan.grade.statistics.StatisticsFixture;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 (5) through real HTTP and Redis: midterm ratings from the engine's own midterm exams (6.10), which result
 * of a retake chain counts (5.36-5.38), the roster's CSV with midterms, and the accounts' groups (5.33).
 */
@SharedEngine
class RegistryChainsTest {
    static TestEngine app;
    static String teacher;

    @BeforeAll
    static void start(TestEngine engine) {
        app = engine;
        app.users("teacher", "chT");
        app.users("student", "chA", "chB", "chC");
        teacher = app.loginAs("chT");
    }

    static String bank(String discipline, int easy, int medium, int hard) {
        JsonObject passport = Fixtures.passport();
        passport.getJsonObject("passport").put("discipline", discipline);
        String bankId = app.post("/api/v1/banks", teacher, passport).json().getString("id");
        TestEngine.Reply added =
                app.post("/api/v1/banks/" + bankId + "/questions", teacher, Fixtures.questions(easy, medium, hard));
        assertEquals(200, added.status(), added.body());
        return bankId;
    }

    static JsonObject control(String bankId, String title, String kind, int questions) {
        Instant now = Instant.now();
        return new JsonObject()
                .put("bankId", bankId)
                .put("title", title)
                .put("kind", kind)
                .put("opensAt", now.minus(Duration.ofHours(1)).toString())
                .put("closesAt", now.plus(Duration.ofDays(1)).toString())
                .put("durationMinutes", 50)
                .put("questionCount", questions)
                .put(
                        "proctoring",
                        new JsonObject()
                                .put("camera", false)
                                .put("screen", false)
                                .put("identity", false));
    }

    static int[] all(int value, int n) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    static Map<String, CSVRecord> csv(String path) throws IOException {
        String text = new String(app.getBytes(path, teacher, "Accept-Language", "en"), StandardCharsets.UTF_8);
        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord r : CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text.substring(1)))) rows.put(r.get(0), r);
        return rows;
    }

    /**
     * 5.20.2 places midterms in weeks 6 and 14; these are scheduled there in the next academic year, through the API, then
     * moved to now in the store before the engine first reads them, so the students can sit them in this test.
     */
    static String midtermNow(String bankId, String title, int week) {
        AcademicCalendar.Period next = ScheduleTerms.nextYear();
        JsonObject body = ScheduleTerms.exam(bankId, "midterm", ScheduleTerms.week(next, week), 5)
                .put("title", title)
                .put("durationMinutes", 50);
        String id = Fixtures.exam(app, teacher, body, "chA", "chB");
        moveWindow(id, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
        return id;
    }

    static void moveWindow(String examId, Instant opens, Instant closes) {
        JsonObject stored = new JsonObject(
                app.redis(Request.cmd(Command.HGET).arg("exam:" + examId).arg("json"))
                        .toString());
        stored.put("opensAt", opens.toString()).put("closesAt", closes.toString());
        app.redis(Request.cmd(Command.HSET).arg("exam:" + examId).arg("json").arg(stored.encode()));
    }

    @Test
    void withoutRatingsOnTheRosterTheDisciplinesTwoMidtermExamsGiveThem() throws IOException {
        String discipline = "Midterm algebra " + System.nanoTime();
        String bankId = Fixtures.validBank(app, teacher, Fixtures.passport(discipline));
        String m1 = midtermNow(bankId, "Midterm 1", 6);
        String m2 = midtermNow(bankId, "Midterm 2", 14);
        // a midterm of another discipline does not count
        String other = Fixtures.validBank(app, teacher, Fixtures.passport("Another " + System.nanoTime()));
        String otherMidterm = midtermNow(other, "Other midterm", 6);
        StatisticsFixture.sit(app, new StatisticsFixture.Run(m1, bankId, Map.of()), "chA", all(1, 100));
        StatisticsFixture.sit(app, new StatisticsFixture.Run(m1, bankId, Map.of()), "chB", all(1, 100));
        StatisticsFixture.sit(app, new StatisticsFixture.Run(m2, bankId, Map.of()), "chA", all(0, 100));
        StatisticsFixture.sit(app, new StatisticsFixture.Run(otherMidterm, other, Map.of()), "chB", all(1, 100));
        // chB does not take midterm 2: it counts 0
        Instant now = Instant.now();
        String exam = Fixtures.exam(
                app,
                teacher,
                Fixtures.attestation(bankId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))),
                "chA",
                "chB");
        StatisticsFixture.sit(app, new StatisticsFixture.Run(exam, bankId, Map.of()), "chA", all(1, 100));
        StatisticsFixture.sit(app, new StatisticsFixture.Run(exam, bankId, Map.of()), "chB", all(-1, 100));
        Map<String, CSVRecord> rows = csv("/api/v1/registry/exams/" + exam + "/export");
        // chA: midterms 100 and 0 → 50; exam 100 % → 0.6 × 50 + 0.4 × 100 = 70 → C+
        assertEquals(List.of("100", "0", "50", "100", "70", "C+", "2.33"), cells(rows.get("chA")));
        // chB: midterms 100 and (not taken) 0 → 50; exam 0 % → 30 → FX
        assertEquals(List.of("100", "0", "50", "0", "30", "FX", "0.5"), cells(rows.get("chB")));
        JsonObject json = app.get("/api/v1/registry/exams/" + exam, teacher).json();
        assertEquals("midterm-exams", json.getJsonArray("rows").getJsonObject(0).getString("admissionSource"));
    }

    /** Midterm 1, midterm 2, admission, percent, final rating, final letter, final GPA. */
    static List<String> cells(CSVRecord r) {
        return List.of(r.get(3), r.get(4), r.get(5), r.get(8), r.get(12), r.get(13), r.get(14));
    }

    @Test
    void theLatestResultOfARetakeChainCounts() throws IOException {
        String bankId = Fixtures.validBank(app, teacher, Fixtures.passport("Retake algebra " + System.nanoTime()));
        Instant now = Instant.now();
        JsonObject firstBody = control(bankId, "First sitting", "intermediate-attestation", 5);
        String first = Fixtures.exam(app, teacher, firstBody, "chA", "chB");
        StatisticsFixture.Run one = new StatisticsFixture.Run(first, bankId, Map.of());
        StatisticsFixture.sit(app, one, "chA", all(0, 100)); // F: may retake
        StatisticsFixture.sit(app, one, "chB", all(1, 100)); // A
        // the first window ended two hours ago (moved in the store), so its retake may open an hour ago (5.36-5.38)
        moveWindow(first, now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(2)));
        JsonObject retakeBody =
                control(bankId, "Summer retake", "intermediate-attestation", 5).put("retakeOf", first);
        String retake = Fixtures.exam(app, teacher, retakeBody, "chA");
        assertEquals(first, app.get("/api/v1/exams/" + retake, teacher).json().getString("retakeOf"));
        StatisticsFixture.sit(app, new StatisticsFixture.Run(retake, bankId, Map.of()), "chA", all(1, 100));
        Map<String, CSVRecord> rows = csv("/api/v1/registry/exams/" + first + "/export");
        assertEquals("Counts", rows.get("chA").getParser().getHeaderNames().get(16));
        assertEquals(
                "Result that counts",
                rows.get("chA").getParser().getHeaderNames().get(17));
        assertEquals(
                List.of("no", "Summer retake"),
                List.of(rows.get("chA").get(16), rows.get("chA").get(17)));
        assertEquals(
                List.of("yes", "First sitting"),
                List.of(rows.get("chB").get(16), rows.get("chB").get(17)));
        Map<String, CSVRecord> again = csv("/api/v1/registry/exams/" + retake + "/export");
        assertEquals(
                List.of("yes", "Summer retake"),
                List.of(again.get("chA").get(16), again.get("chA").get(17)));
        assertTrue(app.get("/api/v1/registry/exams/" + first, teacher).json().getBoolean("retakes"));
    }

    @Test
    void theRostersCsvCarriesMidtermsWithDecimalCommas() {
        String bankId = bank("Csv algebra " + System.nanoTime(), 2, 2, 1);
        String exam = Fixtures.exam(app, teacher, control(bankId, "Csv quiz", "current-control", 5));
        TestEngine.Reply ok = app.send(
                "PUT",
                "/api/v1/exams/" + exam + "/roster",
                teacher,
                "text/csv",
                "studentId;midterm1;midterm2\nchA;70,5;80\nchB;;\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, ok.status(), ok.body());
        JsonObject view = app.get("/api/v1/exams/" + exam, teacher).json();
        assertEquals(75.25, view.getJsonObject("admission").getDouble("chA"), 1e-9);
        assertEquals(
                new JsonArray().add(70.5).add(80.0),
                view.getJsonObject("midterms").getJsonArray("chA"));
        TestEngine.Reply bad = app.send(
                "PUT",
                "/api/v1/exams/" + exam + "/roster",
                teacher,
                "text/csv",
                "studentId,midterm1,midterm2\nchA,70,\nchB,101,3\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, bad.status(), bad.body());
        JsonArray problems = bad.json().getJsonArray("problems");
        assertEquals(2, problems.size(), bad.body());
        assertEquals(2, problems.getJsonObject(0).getInteger("line"), bad.body());
        assertEquals(3, problems.getJsonObject(1).getInteger("line"), bad.body());
        // nothing changed
        assertEquals(
                75.25,
                app.get("/api/v1/exams/" + exam, teacher)
                        .json()
                        .getJsonObject("admission")
                        .getDouble("chA"),
                1e-9);
    }

    @Test
    void anAccountsGroupIsImportedListedAndChecked() {
        String admin = app.admin();
        TestEngine.Reply imported = app.send(
                "POST",
                "/api/v1/users/import",
                admin,
                "text/csv",
                "id,name,roles,password,group\ngrA,Әлия,student,grA-password,ИС-21-1\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, imported.status(), imported.body());
        JsonObject listed = null;
        for (Object o : app.get("/api/v1/users", admin).array())
            if ("grA".equals(((JsonObject) o).getString("id"))) listed = (JsonObject) o;
        assertEquals("ИС-21-1", listed.getString("group"));
        TestEngine.Reply bad = app.post(
                "/api/v1/users",
                admin,
                new JsonArray()
                        .add(new JsonObject()
                                .put("id", "grA")
                                .put("name", "Әлия")
                                .put("roles", new JsonArray().add("student"))
                                .put("group", "<script>")));
        assertEquals(400, bad.status(), bad.body());
        assertEquals(0, bad.json().getJsonArray("problems").getJsonObject(0).getInteger("index"));
        // "" removes it
        app.post(
                "/api/v1/users",
                admin,
                new JsonArray()
                        .add(new JsonObject()
                                .put("id", "grA")
                                .put("name", "Әлия")
                                .put("roles", new JsonArray().add("student"))
                                .put("group", "")));
        for (Object o : app.get("/api/v1/users", admin).array())
            if ("grA".equals(((JsonObject) o).getString("id"))) assertEquals(null, ((JsonObject) o).getString("group"));
    }
}
