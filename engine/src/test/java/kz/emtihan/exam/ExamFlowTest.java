package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.audit.ReceiptSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole flow through real HTTP and real Redis: bank → exam → roster → attempt → results → receipt. */
class ExamFlowTest {
    static TestEngine app;
    static String teacher;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("teacher", "t1");
        app.users("student", "s1", "s2", "s3");
        app.users("registrar", "r1");
        teacher = app.loginAs("t1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void importedBankValidatedScheduledTakenSubmittedAndExported() throws Exception {
        String bankId =
                app.post("/api/v1/banks", teacher, Fixtures.passport()).json().getString("id");
        // GIFT import of 100 questions mixed 40/40/20 by category
        StringBuilder gift = new StringBuilder();
        int n = 0;
        for (String[] d : new String[][] {{"easy", "40"}, {"medium", "40"}, {"hard", "20"}}) {
            gift.append("$CATEGORY: $course$/Algebra/").append(d[0]).append("\n\n");
            for (int i = 0; i < Integer.parseInt(d[1]); i++, n++) {
                gift.append("::Q")
                        .append(n)
                        .append(":: What is ")
                        .append(n)
                        .append(" + 1? {=")
                        .append(n + 1)
                        .append(" ~")
                        .append(n + 2)
                        .append(" ~")
                        .append(n + 3)
                        .append(" ~")
                        .append(n + 4)
                        .append(" ~")
                        .append(n + 5)
                        .append("}\n\n");
            }
        }
        TestEngine.Reply imported = app.send(
                "POST",
                "/api/v1/banks/" + bankId + "/import?format=gift",
                teacher,
                "text/plain",
                gift.toString().getBytes());
        assertEquals(200, imported.status(), imported.body());
        assertEquals(100, imported.json().getInteger("imported"));
        JsonObject bank = app.get("/api/v1/banks/" + bankId, teacher).json();
        assertEquals(
                new JsonObject().put("easy", 40).put("medium", 40).put("hard", 20), bank.getJsonObject("byDifficulty"));
        assertEquals(
                true,
                app.get("/api/v1/banks/" + bankId + "/validation", teacher)
                        .json()
                        .getBoolean("ok"));

        Fixtures.usable(app, bankId); // 5.19, 5.24-5.26: approved and reviewed before an attestation
        String examId = Fixtures.openExam(app, teacher, bankId, "s1", "s2");
        String s1 = app.loginAs("s1");
        JsonArray mine = app.get("/api/v1/me/exams", s1).array();
        assertEquals(1, mine.size());
        assertEquals(50, mine.getJsonObject(0).getInteger("durationMinutes")); // 5.20.3
        assertEquals(null, mine.getJsonObject(0).getValue("attempt"));

        TestEngine.Reply started = app.post("/api/v1/exams/" + examId + "/attempts", s1, null);
        assertEquals(201, started.status(), started.body());
        JsonObject attempt = started.json();
        String attemptId = attempt.getString("id");
        JsonArray questions = attempt.getJsonArray("questions");
        assertEquals(30, questions.size()); // 5.20.3
        assertFalse(started.body().contains("correct"), "correct answers never leave the server during an attempt");
        long minutes = java.time.Duration.between(
                        java.time.Instant.parse(attempt.getString("startedAt")),
                        java.time.Instant.parse(attempt.getString("deadline")))
                .toMinutes();
        assertEquals(50, minutes); // 5.20.3: 50 minutes

        // answer every question correctly: the GIFT option text n+1 is right for "What is n + 1?"
        for (Object o : questions) {
            JsonObject q = (JsonObject) o;
            int asked = Integer.parseInt(q.getString("text").replaceAll("\\D*(\\d+) \\+ 1.*", "$1"));
            String right = q.getJsonArray("options").stream()
                    .map(x -> (JsonObject) x)
                    .filter(opt -> opt.getString("text").equals(Integer.toString(asked + 1)))
                    .findFirst()
                    .orElseThrow()
                    .getString("id");
            TestEngine.Reply saved = app.put(
                    "/api/v1/attempts/" + attemptId + "/answers/" + q.getString("id"),
                    s1,
                    new JsonObject().put("choices", new JsonArray().add(right)).put("seq", 1));
            assertEquals(200, saved.status(), saved.body());
            assertEquals(1, saved.json().getInteger("seq"));
        }
        TestEngine.Reply submitted = app.post("/api/v1/attempts/" + attemptId + "/submit", s1, new JsonObject());
        assertEquals(200, submitted.status(), submitted.body());
        JsonObject result = submitted.json();
        assertEquals("submitted", result.getString("status"));
        assertEquals(30.0, result.getDouble("points"));
        assertEquals(100.0, result.getDouble("percent"));
        assertEquals("A", result.getString("letter"));
        JsonObject receipt = result.getJsonObject("receipt");
        assertTrue(ReceiptSigner.verify(
                ReceiptJson.fromJson(receipt), receipt.getString("signature"), receipt.getString("publicKey")));
        assertEquals(
                receipt,
                app.get("/api/v1/attempts/" + attemptId + "/receipt", s1).json());
        assertEquals(32, receipt.getInteger("events"), "start + 30 saves + submit");

        // 5.33: results list and CSV for the registry
        String registrar = app.loginAs("r1");
        JsonArray rows =
                app.get("/api/v1/exams/" + examId + "/results", registrar).array();
        assertEquals(2, rows.size());
        JsonObject row1 = rows.stream()
                .map(r -> (JsonObject) r)
                .filter(r -> r.getString("studentId").equals("s1"))
                .findFirst()
                .orElseThrow();
        assertEquals("A", row1.getString("letter"));
        assertEquals(4.0, row1.getDouble("gpa"));
        assertEquals("excellent", row1.getString("traditional"));
        TestEngine.Reply csv =
                app.send("GET", "/api/v1/exams/" + examId + "/results", registrar, null, null, "Accept", "text/csv");
        assertEquals(200, csv.status());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("studentId,attemptId,status,points,percent,letter,gpa,traditional", lines.get(0));
        assertTrue(lines.contains("s1," + attemptId + ",submitted,30.0,100.0,A,4.0,excellent"), csv.body());
        assertTrue(lines.contains("s2,,not-started,,,,,"), csv.body());

        // one attempt (5.20.3)
        TestEngine.Reply again = app.post("/api/v1/exams/" + examId + "/attempts", s1, null);
        assertEquals(409, again.status());
        assertEquals("attempt-finished", again.error());
        assertEquals(
                "submitted",
                app.get("/api/v1/me/exams", s1)
                        .array()
                        .getJsonObject(0)
                        .getJsonObject("attempt")
                        .getString("status"));
    }

    @Test
    void resumeReturnsTheSamePaperAndTheSavedAnswers() {
        String bankId = Fixtures.validBank(app, teacher);
        String examId = Fixtures.openExam(app, teacher, bankId, "s3");
        String s3 = app.loginAs("s3");
        JsonObject first =
                app.post("/api/v1/exams/" + examId + "/attempts", s3, null).json();
        JsonObject q = first.getJsonArray("questions").getJsonObject(4);
        String option = q.getJsonArray("options").getJsonObject(2).getString("id");
        app.put(
                "/api/v1/attempts/" + first.getString("id") + "/answers/" + q.getString("id"),
                s3,
                new JsonObject().put("choices", new JsonArray().add(option)).put("seq", 3));
        TestEngine.Reply resumed = app.post("/api/v1/exams/" + examId + "/attempts", s3, null); // browser crashed
        assertEquals(200, resumed.status());
        assertEquals(first.getString("id"), resumed.json().getString("id"));
        assertEquals(first.getJsonArray("questions"), resumed.json().getJsonArray("questions"));
        assertEquals(
                new JsonArray().add(option),
                resumed.json().getJsonObject("answers").getJsonArray(q.getString("id")));
        assertEquals(3, resumed.json().getJsonObject("seqs").getInteger(q.getString("id")));

        // a resend with an older seq changes nothing and says what is stored
        String other = q.getJsonArray("options").getJsonObject(0).getString("id");
        TestEngine.Reply stale = app.put(
                "/api/v1/attempts/" + first.getString("id") + "/answers/" + q.getString("id"),
                s3,
                new JsonObject().put("choices", new JsonArray().add(other)).put("seq", 2));
        assertEquals(200, stale.status());
        assertEquals(3, stale.json().getInteger("seq"));
        assertEquals(
                new JsonArray().add(option),
                app.get("/api/v1/attempts/" + first.getString("id"), s3)
                        .json()
                        .getJsonObject("answers")
                        .getJsonArray(q.getString("id")));
    }

    @Test
    void everyStudentGetsADifferentDrawAndTheSeedRebuildsIt() { // 7.6
        String bankId = Fixtures.validBank(app, teacher);
        app.users("student", "d1", "d2");
        String examId = Fixtures.openExam(app, teacher, bankId, "d1", "d2");
        JsonObject a = app.post("/api/v1/exams/" + examId + "/attempts", app.loginAs("d1"), null)
                .json();
        JsonObject b = app.post("/api/v1/exams/" + examId + "/attempts", app.loginAs("d2"), null)
                .json();
        Set<String> qa = new HashSet<>();
        a.getJsonArray("questions").forEach(q -> qa.add(((JsonObject) q).getString("id")));
        Set<String> qb = new HashSet<>();
        b.getJsonArray("questions").forEach(q -> qb.add(((JsonObject) q).getString("id")));
        assertNotEquals(qa, qb, "7.6: a random selection per student");
        // 7.6 audit: the stored seed and the exam's frozen questions rebuild exactly the paper the student got
        String attemptKey = ExamKeys.attempt(a.getString("id"));
        long seed = Long.parseLong(
                app.redis(Request.cmd(Command.HGET).arg(attemptKey).arg("seed")).toString());
        String storedPaper = app.redis(Request.cmd(Command.HGET).arg(attemptKey).arg("paper"))
                .toString();
        java.util.List<kz.emtihan.bank.model.Question> frozen = new java.util.ArrayList<>();
        for (var q : app.redis(Request.cmd(Command.HVALS).arg(ExamKeys.examQuestions(examId)))) {
            frozen.add(kz.emtihan.bank.QuestionJson.fromStored(q.toString()));
        }
        var mix = java.util.Map.of(
                kz.emtihan.bank.model.Difficulty.EASY,
                40,
                kz.emtihan.bank.model.Difficulty.MEDIUM,
                40,
                kz.emtihan.bank.model.Difficulty.HARD,
                20);
        assertEquals(
                storedPaper,
                kz.emtihan.exam.model.Draw.of(frozen, 30, mix, seed).encode());
        java.util.List<String> shown = a.getJsonArray("questions").stream()
                .map(q -> ((JsonObject) q).getString("id"))
                .toList();
        assertEquals(
                shown,
                kz.emtihan.exam.model.Paper.decode(storedPaper).items().stream()
                        .map(kz.emtihan.exam.model.Paper.Item::questionId)
                        .toList(),
                "the student saw the questions in the rebuilt order");
        assertNotNull(storedPaper);
    }

    @Test
    void tamperingWithAStoredAnswerIsDetectedAgainstTheReceipt() { // 5.16
        String bankId = Fixtures.validBank(app, teacher);
        app.users("student", "x1");
        String examId = Fixtures.openExam(app, teacher, bankId, "x1");
        String x1 = app.loginAs("x1");
        JsonObject attempt =
                app.post("/api/v1/exams/" + examId + "/attempts", x1, null).json();
        String id = attempt.getString("id");
        JsonObject q = attempt.getJsonArray("questions").getJsonObject(0);
        app.put(
                "/api/v1/attempts/" + id + "/answers/" + q.getString("id"),
                x1,
                new JsonObject()
                        .put(
                                "choices",
                                new JsonArray()
                                        .add(q.getJsonArray("options")
                                                .getJsonObject(0)
                                                .getString("id")))
                        .put("seq", 1));
        assertEquals(
                200, app.post("/api/v1/attempts/" + id + "/submit", x1, null).status());
        String admin = app.admin();
        JsonObject clean =
                app.get("/api/v1/attempts/" + id + "/verification", admin).json();
        assertEquals(true, clean.getBoolean("intact"), clean.encode());

        String forged = q.getJsonArray("options").getJsonObject(1).getString("id");
        app.redis(Request.cmd(Command.HSET)
                .arg(ExamKeys.answers(id))
                .arg(q.getString("id"))
                .arg("1|1700000000000|" + forged));
        JsonObject after =
                app.get("/api/v1/attempts/" + id + "/verification", admin).json();
        assertEquals(false, after.getBoolean("intact"));
        assertEquals(new JsonArray().add("answers"), after.getJsonArray("changed"));

        app.redis(Request.cmd(Command.LPOP).arg(ExamKeys.log(id)));
        assertTrue(app.get("/api/v1/attempts/" + id + "/verification", admin)
                .json()
                .getJsonArray("changed")
                .contains("log"));
    }
}
