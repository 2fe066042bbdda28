package kz.emtihan.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.grade.statistics.StatisticsFixture;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 (5) through real HTTP and Redis: the registry's ratings (5.30, 6.10), exports read back (CSV, the {@code ;}
 * variant, XLSX), the grade sheet (5.33) read back as text, a sitting's export, and who may read them.
 *
 * <p>Four students of a current-control exam of five questions: rgA (midterms 70 and 75 → admission 72.5) answers 4 of
 * 5 (80 %), rgB (admission rating 64) 3 of 5 (60 %), rgC (no rating) 1 of 5 (20 %), rgD (midterms 40 and 50 → 45,
 * below 50) may not start.
 */
@SharedEngine
class RegistryApiTest {
    static TestEngine app;
    static String teacher;
    static String examId;
    static final String DISCIPLINE = "Registry algebra " + System.nanoTime();

    @BeforeAll
    static void start(TestEngine engine) {
        app = engine;
        app.users("teacher", "rgT", "rgO");
        app.users("registrar", "rgR");
        app.users("commission", "sgCh", "sgM", "sgM2", "sgX", "sgAc", "sgAd");
        app.users("secretary", "sgSec");
        JsonArray students = new JsonArray();
        String[][] people = {
            {"rgA", "Әлия Нұрланқызы", "ИС-21-1"},
            {"rgB", "Борис Иванов", "ИС-21-1"},
            {"rgC", "Carol Smith", "ИС-21-2"},
            {"rgD", "Дана Серікова", "ИС-21-2"}
        };
        for (String[] p : people)
            students.add(new JsonObject()
                    .put("id", p[0])
                    .put("name", p[1])
                    .put("group", p[2])
                    .put("roles", new JsonArray().add("student"))
                    .put("password", p[0] + "-password"));
        TestEngine.Reply made = app.post("/api/v1/users", app.admin(), students);
        assertEquals(200, made.status(), made.body());
        teacher = app.loginAs("rgT");
        StatisticsFixture.Run run = schedule();
        examId = run.examId();
        TestEngine.Reply roster = app.put(
                "/api/v1/exams/" + examId + "/roster",
                teacher,
                new JsonArray()
                        .add(new JsonObject()
                                .put("studentId", "rgA")
                                .put("midterms", new JsonArray().add(70).add(75)))
                        .add(new JsonObject().put("studentId", "rgB").put("admissionRating", 64))
                        .add("rgC")
                        .add(new JsonObject()
                                .put("studentId", "rgD")
                                .put("midterms", new JsonArray().add(40).add(50))));
        assertEquals(200, roster.status(), roster.body());
        StatisticsFixture.sit(app, run, "rgA", StatisticsFixture.MATRIX[0]);
        StatisticsFixture.sit(app, run, "rgB", StatisticsFixture.MATRIX[1]);
        StatisticsFixture.sit(app, run, "rgC", StatisticsFixture.MATRIX[3]);
    }

    /** The bank of a discipline of this test only (no other test's midterms count), in Russian. */
    static StatisticsFixture.Run schedule() {
        JsonObject passport = Fixtures.passport();
        passport.getJsonObject("passport").put("discipline", DISCIPLINE).put("language", "ru");
        String bankId = app.post("/api/v1/banks", teacher, passport).json().getString("id");
        assertEquals(
                200,
                app.post("/api/v1/banks/" + bankId + "/questions", teacher, Fixtures.questions(2, 2, 1))
                        .status());
        Instant now = Instant.now();
        JsonObject exam = new JsonObject()
                .put("bankId", bankId)
                .put("title", "Registry quiz")
                .put("kind", "current-control")
                .put("opensAt", now.minus(Duration.ofHours(1)).toString())
                .put("closesAt", now.plus(Duration.ofDays(1)).toString())
                .put("durationMinutes", 30)
                .put("questionCount", 5)
                .put(
                        "proctoring",
                        new JsonObject()
                                .put("camera", false)
                                .put("screen", false)
                                .put("identity", false));
        return new StatisticsFixture.Run(Fixtures.exam(app, teacher, exam), bankId, Map.of());
    }

    static Map<String, CSVRecord> csv(byte[] body, char delimiter) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 with a byte order mark");
        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord r : CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text.substring(1)))) rows.put(r.get(0), r);
        return rows;
    }

    static TestEngine.Reply get(String path, String token, String language) {
        return app.send("GET", path, token, null, null, "Accept-Language", language);
    }

    static byte[] bytes(String path, String token, String language) {
        TestEngine.Reply r = get(path, token, language);
        assertEquals(200, r.status(), r.body());
        return app.getBytes(path, token, "Accept-Language", language);
    }

    @Test
    void fivePointThirtyTheMeanOfTheMidtermsDecidesAdmission() {
        // 5.30: rgD's midterms 40 and 50 make 45, below the 50 needed
        TestEngine.Reply refused = app.post("/api/v1/exams/" + examId + "/attempts", app.loginAs("rgD"), null);
        assertEquals("not-admitted", refused.error(), refused.body());
        JsonObject view = app.get("/api/v1/exams/" + examId, teacher).json();
        assertEquals(45.0, view.getJsonObject("admission").getDouble("rgD"), 1e-9);
        assertEquals(
                new JsonArray().add(70.0).add(75.0),
                view.getJsonObject("midterms").getJsonArray("rgA"));
        // both at once is refused with the entry's index, and nothing changes
        TestEngine.Reply both = app.put(
                "/api/v1/exams/" + examId + "/roster",
                teacher,
                new JsonArray()
                        .add(new JsonObject()
                                .put("studentId", "rgA")
                                .put("admissionRating", 60)
                                .put("midterms", new JsonArray().add(1).add(2))));
        assertEquals(400, both.status(), both.body());
        TestEngine.Reply three = app.put(
                "/api/v1/exams/" + examId + "/roster",
                teacher,
                new JsonArray()
                        .add(new JsonObject()
                                .put("studentId", "rgA")
                                .put("midterms", new JsonArray().add(1).add(2).add(3))));
        assertEquals(400, three.status(), three.body());
        assertEquals(
                72.5,
                app.get("/api/v1/exams/" + examId, teacher)
                        .json()
                        .getJsonObject("admission")
                        .getDouble("rgA"),
                1e-9);
    }

    @Test
    void theRowsCarryNamesRatingsAndTheFinalGrade() {
        JsonObject r =
                app.get("/api/v1/registry/exams/" + examId, app.loginAs("rgR")).json();
        Map<String, JsonObject> rows = new HashMap<>();
        for (Object o : r.getJsonArray("rows")) rows.put(((JsonObject) o).getString("studentId"), (JsonObject) o);
        assertEquals(4, rows.size());
        assertEquals(DISCIPLINE, r.getString("discipline"));
        assertEquals(new JsonArray().add("ИС-21-1").add("ИС-21-2"), r.getJsonArray("groups"));
        JsonObject a = rows.get("rgA");
        assertEquals("Әлия Нұрланқызы", a.getString("name"));
        assertEquals("roster-midterms", a.getString("admissionSource"));
        assertEquals(72.5, a.getDouble("admissionRating"), 1e-9);
        assertEquals(80.0, a.getDouble("percent"), 1e-9);
        // 6.10: 0.6 × 72.5 + 0.4 × 80 = 75.5 → B-
        assertEquals(75.5, a.getJsonObject("final").getDouble("rating"), 1e-9);
        assertEquals("B-", a.getJsonObject("final").getString("letter"));
        // 0.6 × 64 + 0.4 × 60 = 62.4 → C-
        assertEquals(62.4, rows.get("rgB").getJsonObject("final").getDouble("rating"), 1e-9);
        assertEquals("roster-rating", rows.get("rgB").getString("admissionSource"));
        assertEquals("none", rows.get("rgC").getString("admissionSource"));
        assertFalse(rows.get("rgC").containsKey("final"));
        assertEquals("not-started", rows.get("rgD").getString("status"));
    }

    @Test
    void theCsvWithCommasReadsBackValueByValue() throws IOException {
        Map<String, CSVRecord> rows =
                csv(bytes("/api/v1/registry/exams/" + examId + "/export?format=csv", teacher, "en"), ',');
        CSVRecord a = rows.get("rgA");
        assertEquals("Full name", a.getParser().getHeaderNames().get(1));
        assertEquals(
                List.of(
                        "rgA",
                        "Әлия Нұрланқызы",
                        "ИС-21-1",
                        "70",
                        "75",
                        "72.5",
                        "submitted",
                        "4",
                        "80",
                        "B",
                        "3",
                        "good",
                        "75.5",
                        "B-",
                        "2.67",
                        "good"),
                a.toList());
        assertEquals(
                List.of(
                        "rgB",
                        "Борис Иванов",
                        "ИС-21-1",
                        "",
                        "",
                        "64",
                        "submitted",
                        "3",
                        "60",
                        "C-",
                        "1.67",
                        "satisfactory",
                        "62.4",
                        "C-",
                        "1.67",
                        "satisfactory"),
                rows.get("rgB").toList());
        assertEquals(
                List.of(
                        "rgC",
                        "Carol Smith",
                        "ИС-21-2",
                        "",
                        "",
                        "",
                        "submitted",
                        "1",
                        "20",
                        "F",
                        "0",
                        "unsatisfactory",
                        "",
                        "",
                        "",
                        ""),
                rows.get("rgC").toList());
        assertEquals(
                List.of(
                        "rgD",
                        "Дана Серікова",
                        "ИС-21-2",
                        "40",
                        "50",
                        "45",
                        "not started",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        ""),
                rows.get("rgD").toList());
    }

    @Test
    void theSemicolonVariantHasRussianHeadersAndDecimalCommas() throws IOException {
        Map<String, CSVRecord> rows =
                csv(bytes("/api/v1/registry/exams/" + examId + "/export?format=csv-semicolon", teacher, "ru"), ';');
        CSVRecord a = rows.get("rgA");
        assertEquals(
                List.of(
                        "ID обучающегося",
                        "Ф. И. О.",
                        "Группа",
                        "Рубежный контроль 1",
                        "Рубежный контроль 2",
                        "Рейтинг допуска",
                        "Статус",
                        "Баллы",
                        "Процент",
                        "Буквенная оценка",
                        "Цифровой эквивалент",
                        "Традиционная оценка",
                        "Итоговый рейтинг",
                        "Итоговая буквенная оценка",
                        "Итоговый цифровой эквивалент",
                        "Итоговая традиционная оценка"),
                a.getParser().getHeaderNames());
        assertEquals(
                List.of(
                        "rgA",
                        "Әлия Нұрланқызы",
                        "ИС-21-1",
                        "70",
                        "75",
                        "72,5",
                        "сдан",
                        "4",
                        "80",
                        "B",
                        "3",
                        "хорошо",
                        "75,5",
                        "B-",
                        "2,67",
                        "хорошо"),
                a.toList());
        // the Kazakh headers too
        Map<String, CSVRecord> kk =
                csv(bytes("/api/v1/registry/exams/" + examId + "/export?format=csv-semicolon", teacher, "kk"), ';');
        assertEquals("Аты-жөні", kk.get("rgA").getParser().getHeaderNames().get(1));
        assertEquals("қанағаттанарлық", kk.get("rgB").get(11));
    }

    @Test
    void theXlsxHoldsNumbersAsNumbers() throws IOException {
        byte[] xlsx = bytes("/api/v1/registry/exams/" + examId + "/export?format=xlsx", teacher, "en");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals(5, rows.size());
            assertEquals("Final rating", rows.get(0).getCellText(12));
            Map<String, Row> by = new HashMap<>();
            for (Row r : rows.subList(1, rows.size())) by.put(r.getCellText(0), r);
            Row a = by.get("rgA");
            assertEquals("Әлия Нұрланқызы", a.getCellText(1));
            assertEquals("ИС-21-1", a.getCellText(2));
            assertEquals(70, a.getCellAsNumber(3).orElseThrow().doubleValue(), 1e-9);
            assertEquals(75, a.getCellAsNumber(4).orElseThrow().doubleValue(), 1e-9);
            assertEquals(72.5, a.getCellAsNumber(5).orElseThrow().doubleValue(), 1e-9);
            assertEquals("submitted", a.getCellText(6));
            assertEquals(4, a.getCellAsNumber(7).orElseThrow().doubleValue(), 1e-9);
            assertEquals(80, a.getCellAsNumber(8).orElseThrow().doubleValue(), 1e-9);
            assertEquals("B", a.getCellText(9));
            assertEquals(3, a.getCellAsNumber(10).orElseThrow().doubleValue(), 1e-9);
            assertEquals("good", a.getCellText(11));
            assertEquals(75.5, a.getCellAsNumber(12).orElseThrow().doubleValue(), 1e-9);
            assertEquals("B-", a.getCellText(13));
            assertEquals(2.67, a.getCellAsNumber(14).orElseThrow().doubleValue(), 1e-9);
            assertEquals("good", a.getCellText(15));
            assertEquals(62.4, by.get("rgB").getCellAsNumber(12).orElseThrow().doubleValue(), 1e-9);
            assertEquals("", by.get("rgC").getCellText(12));
        }
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void theGradeSheetOfAGroupInTheExamsLanguage() throws IOException {
        // 5.33: in the bank's language (ru) whatever the caller's
        String all = pdfText(bytes("/api/v1/registry/exams/" + examId + "/grade-sheet", teacher, "en"));
        assertTrue(all.contains("Экзаменационная ведомость"), all);
        assertTrue(all.contains(DISCIPLINE), all);
        assertTrue(all.contains("6B01501"), all);
        assertTrue(all.contains("Текущий контроль"), all);
        assertTrue(all.contains("rgT"), all); // the teacher's name (the test account's name is its id)
        for (String n : List.of("Әлия Нұрланқызы", "Борис Иванов", "Carol Smith", "Дана Серікова"))
            assertTrue(all.contains(n), n);
        // numbers with the decimal comma of a Russian paper: rgA's admission 72,5, final 75,5, GPA 2,67
        String words = all.replaceAll("\\s+", " ");
        assertTrue(words.contains("72,5 80 75,5 B- 2,67 хорошо"), all);
        assertTrue(words.contains("64 60 62,4 C- 1,67 удовлетворительно"), all);
        assertTrue(all.contains("Заведующий кафедрой"), all);
        assertTrue(all.contains("Офис регистратора"), all);
        // totals per letter, from A down, then those with no grade (rgD did not sit); rgC has no final rating, so
        // the exam's own F
        assertTrue(words.contains("A A- B+ B B- C+ C C- D+ D FX F без оценки 0 0 0 0 1 0 0 1 0 0 0 1 1"), all);
        // students by name in collation order, numbered
        assertTrue(words.indexOf("Carol Smith") < words.indexOf("Борис Иванов"), all);
        assertTrue(words.indexOf("Борис Иванов") < words.indexOf("Дана Серікова"), all);
        String group = pdfText(bytes(
                "/api/v1/registry/exams/" + examId + "/grade-sheet?language=en&group=%D0%98%D0%A1-21-1",
                teacher,
                "ru"));
        assertTrue(group.contains("Grade sheet"), group);
        assertTrue(group.contains("ИС-21-1"), group);
        assertTrue(group.contains("Борис Иванов") && group.contains("Әлия Нұрланқызы"), group);
        assertFalse(group.contains("Carol Smith"), group);
        assertTrue(group.contains("Head of department"), group);
        assertEquals(
                404,
                app.get("/api/v1/registry/exams/" + examId + "/grade-sheet?group=nobody", teacher)
                        .status());
        assertEquals(
                "bad-field",
                app.get("/api/v1/registry/exams/" + examId + "/grade-sheet?language=de", teacher)
                        .error());
        assertEquals(
                "bad-field",
                app.get("/api/v1/registry/exams/" + examId + "/export?format=pdf", teacher)
                        .error());
    }

    @Test
    void onlyTheExamsTeacherRegistrarsAndAdminsReadIt() {
        for (String path : List.of("", "/export", "/export?format=xlsx", "/grade-sheet")) {
            String p = "/api/v1/registry/exams/" + examId + path;
            assertEquals(403, app.get(p, app.loginAs("rgA")).status(), "a student: " + p);
            assertEquals(403, app.get(p, app.loginAs("rgO")).status(), "another teacher: " + p);
            assertEquals(401, app.get(p, null).status(), p);
            assertEquals(200, app.get(p, app.loginAs("rgR")).status(), "a registrar: " + p);
            assertEquals(200, app.get(p, app.admin()).status(), "an admin: " + p);
        }
        assertEquals(403, app.get("/api/v1/registry", app.loginAs("rgA")).status());
        JsonArray exams = app.get("/api/v1/registry", app.loginAs("rgO")).json().getJsonArray("exams");
        assertFalse(exams.encode().contains(examId), "another teacher's list leaves the exam out");
        assertTrue(app.get("/api/v1/registry", app.loginAs("rgR"))
                .json()
                .getJsonArray("exams")
                .encode()
                .contains(examId));
    }

    @Test
    void aSittingsExportWithNamesScoresAppealAndAnExpiredIncomplete() throws IOException {
        String today = LocalDate.now(ZoneId.of("Asia/Almaty")).toString();
        JsonObject sitting = new JsonObject()
                .put("kind", "comprehensive-exam")
                .put("title", "Registry comprehensive exam")
                .put("date", today)
                .put("language", "kk")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "sgCh")
                                .put(
                                        "members",
                                        new JsonArray().add("sgCh").add("sgM").add("sgM2"))
                                .put("secretary", "sgSec"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "sgAc")
                                .put("deputy", "sgAd")
                                .put("members", new JsonArray()))
                .put("students", new JsonArray().add("rgA").add("rgB").add("rgC"));
        TestEngine.Reply made = app.post("/api/v1/sittings", app.admin(), sitting);
        assertEquals(201, made.status(), made.body());
        String id = made.json().getString("id");
        // the commission's work, as the stored document records it (the flow itself is SittingFlowTest's)
        JsonObject doc = new JsonObject(
                app.redis(Request.cmd(Command.HGET).arg("sitting:" + id).arg("doc"))
                        .toString());
        doc.getJsonObject("progress")
                .put(
                        "rgA",
                        new JsonObject()
                                .put("status", "appeal-decided")
                                .put("ticket", 3)
                                .put(
                                        "scores",
                                        new JsonObject()
                                                .put("sgCh", 80)
                                                .put("sgM", 90)
                                                .put("sgM2", 85))
                                .put(
                                        "result",
                                        new JsonObject()
                                                .put("points", 85.0)
                                                .put("percent", 85.0)
                                                .put("letter", "B+")
                                                .put("gpa", 3.33)
                                                .put("traditional", "good")))
                .put(
                        "rgB",
                        new JsonObject()
                                .put("status", "postponed")
                                .put("scores", new JsonObject())
                                .put("incomplete", new JsonObject().put("deadline", "2020-07-11T00:00:00Z")));
        doc.put(
                "appeals",
                new JsonArray()
                        .add(new JsonObject()
                                .put("id", "ap1")
                                .put("studentId", "rgA")
                                .put("decision", "changed")
                                .put("gradeBefore", "B")
                                .put("gradeAfter", "B+")));
        app.redis(Request.cmd(Command.HSET).arg("sitting:" + id).arg("doc").arg(doc.encode()));
        String path = "/api/v1/registry/sittings/" + id + "/export";
        Map<String, CSVRecord> rows = csv(bytes(path + "?format=csv", app.loginAs("rgR"), "en"), ',');
        assertEquals(
                List.of(
                        "Student ID",
                        "Full name",
                        "Group",
                        "Ticket",
                        "sgCh",
                        "sgM",
                        "sgM2",
                        "Points",
                        "Letter grade",
                        "GPA points",
                        "Traditional grade",
                        "Appeal",
                        "Standing"),
                rows.get("rgA").getParser().getHeaderNames());
        assertEquals(
                List.of(
                        "rgA",
                        "Әлия Нұрланқызы",
                        "ИС-21-1",
                        "3",
                        "80",
                        "90",
                        "85",
                        "85",
                        "B+",
                        "3.33",
                        "good",
                        "B → B+",
                        "appeal decided"),
                rows.get("rgA").toList());
        // 6.15.2: an I past its deadline is F
        assertEquals(
                List.of(
                        "rgB",
                        "Борис Иванов",
                        "ИС-21-1",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "F (the incomplete grade expired)"),
                rows.get("rgB").toList());
        assertEquals("waiting", rows.get("rgC").get(12));
        Map<String, CSVRecord> kk = csv(bytes(path + "?format=csv-semicolon", app.loginAs("sgCh"), "kk"), ';');
        assertEquals("3,33", kk.get("rgA").get(9));
        assertEquals("жақсы", kk.get("rgA").get(10));
        assertEquals(200, app.get(path + "?format=xlsx", app.loginAs("sgSec")).status());
        assertEquals(200, app.get(path, app.admin()).status());
        for (String outsider : List.of("rgA", "sgX", "rgT", "sgAc"))
            assertEquals(403, app.get(path, app.loginAs(outsider)).status(), outsider);
        assertEquals(
                403,
                app.get("/api/v1/registry/sittings/s-nope/export", app.loginAs("sgX"))
                        .status());
        assertEquals(
                404,
                app.get("/api/v1/registry/sittings/s-nope/export", app.loginAs("rgR"))
                        .status());
        assertTrue(app.get("/api/v1/registry", app.loginAs("sgCh"))
                .json()
                .getJsonArray("sittings")
                .encode()
                .contains(id));
        assertFalse(app.get("/api/v1/registry", app.loginAs("sgX"))
                .json()
                .getJsonArray("sittings")
                .encode()
                .contains(id));
    }
}
