package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * issue 15 (2), (6) through the API: lists that show people carry their names; the student's exam list says before
 * they start whether they are admitted (5.30), what proctoring asks and how much time is left, while starting is
 * still refused by the server.
 */
@SharedEngine
class NamesAndCardApiTest {
    static TestEngine app;
    static String teacher;
    static String bankId;
    static String examId;

    @BeforeAll
    static void setUp(TestEngine engine) {
        app = engine;
        JsonArray people = new JsonArray()
                .add(person("nc-teacher", "Гүлнар Серікқызы", "teacher"))
                .add(person("nc-strong", "Айгерім Нұрланқызы", "student"))
                .add(person("nc-weak", "Бақыт Ержанұлы", "student"));
        TestEngine.Reply made = app.post("/api/v1/users", app.admin(), people);
        assertEquals(200, made.status(), made.body());
        teacher = app.loginAs("nc-teacher");
        bankId = Fixtures.validBank(app, teacher);
        Instant now = Instant.now();
        JsonObject exam = Fixtures.attestation(bankId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))
                .put(
                        "proctoring",
                        new JsonObject().put("camera", true).put("screen", true).put("identity", true));
        examId = Fixtures.exam(app, teacher, exam, "nc-strong");
        TestEngine.Reply roster = app.put(
                "/api/v1/exams/" + examId + "/roster",
                teacher,
                new JsonArray()
                        .add(new JsonObject().put("studentId", "nc-strong").put("admissionRating", 80))
                        .add(new JsonObject().put("studentId", "nc-weak").put("admissionRating", 42))
                        .add(new JsonObject().put("studentId", "nc-gone")));
        assertEquals(200, roster.status(), roster.body());
    }

    static JsonObject person(String id, String name, String role) {
        return new JsonObject()
                .put("id", id)
                .put("name", name)
                .put("roles", new JsonArray().add(role))
                .put("password", id + "-password");
    }

    static JsonObject myExam(String student, String language) {
        TestEngine.Reply r =
                app.send("GET", "/api/v1/me/exams", app.loginAs(student), null, null, "Accept-Language", language);
        assertEquals(200, r.status(), r.body());
        return r.array().stream()
                .map(o -> (JsonObject) o)
                .filter(o -> examId.equals(o.getString("id")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theCardSaysANotAdmittedStudentIsRefusedAndWhy() { // issue 15 (6), 5.30
        JsonObject card = myExam("nc-weak", "kk");
        JsonObject admission = card.getJsonObject("admission");
        assertFalse(admission.getBoolean("admitted"), card.encode());
        assertEquals("5.30", admission.getString("rule"));
        assertEquals(42, admission.getInteger("rating"));
        assertEquals(Fixtures.regulation().rating().minAdmissionRating(), admission.getInteger("minimum"));
        assertTrue(admission.getString("reason").contains("жіберілмейсіз"), admission.getString("reason"));
        assertFalse(card.getBoolean("canStart"));
        // the card only tells: the server still refuses the start, as before
        TestEngine.Reply start = app.post("/api/v1/exams/" + examId + "/attempts", app.loginAs("nc-weak"), null);
        assertEquals(403, start.status(), start.body());
        assertEquals("not-admitted", start.json().getString("error"));
        assertTrue(myExam("nc-weak", "ru")
                .getJsonObject("admission")
                .getString("reason")
                .contains("5.30"));
    }

    @Test
    void theCardNamesWhatProctoringNeedsAndTheTimeLeft() { // issue 15 (6), 5.17.2, 5.20.3
        JsonObject card = myExam("nc-strong", "en");
        assertTrue(card.getJsonObject("admission").getBoolean("admitted"));
        assertNull(card.getJsonObject("admission").getString("reason"));
        assertEquals(
                List.of("camera", "microphone", "whole-screen", "id-card"),
                card.getJsonArray("requirements").getList());
        JsonObject window = card.getJsonObject("window");
        assertEquals("open", window.getString("phase"));
        assertFalse(window.getBoolean("personal"));
        long left = window.getLong("secondsLeft");
        assertTrue(left > 23 * 3600 && left <= 24 * 3600, window.encode());
        assertEquals(card.getInteger("durationMinutes"), window.getInteger("minutesIfStarted"));
        assertTrue(card.getBoolean("canStart"));
        Instant.parse(card.getString("serverTime"));
    }

    @Test
    void staffListsNameTheStudents() { // issue 15 (2)
        JsonArray results =
                app.get("/api/v1/exams/" + examId + "/results", teacher).array();
        JsonObject strong = row(results, "nc-strong");
        assertEquals("Айгерім Нұрланқызы", strong.getString("name"));
        assertEquals("nc-gone", row(results, "nc-gone").getString("name"), "no account: the id stands in");
        JsonArray progress =
                app.get("/api/v1/exams/" + examId + "/progress", teacher).json().getJsonArray("students");
        assertEquals("Бақыт Ержанұлы", row(progress, "nc-weak").getString("name"));
        JsonObject people = app.get("/api/v1/exams/" + examId, teacher).json().getJsonObject("people");
        assertEquals("Бақыт Ержанұлы", people.getString("nc-weak"));
        assertEquals("Гүлнар Серікқызы", people.getString("nc-teacher"), "the exam's owner is named too");
        // the CSV for the registry keeps its columns
        String csv = new String(
                app.getBytes("/api/v1/exams/" + examId + "/results", teacher, "Accept", "text/csv"),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("studentId,attemptId,status,points"), csv);
        JsonObject bank = app.get("/api/v1/banks", teacher).array().stream()
                .map(o -> (JsonObject) o)
                .filter(b -> bankId.equals(b.getString("id")))
                .findFirst()
                .orElseThrow();
        assertEquals("Гүлнар Серікқызы", bank.getString("ownerName"));
    }

    @Test
    void aRenameIsShownOnTheNextRead() { // issue 15 (2): the node's name cache forgets what it changes
        assertEquals("Бақыт Ержанұлы", row(results(), "nc-weak").getString("name"));
        TestEngine.Reply renamed = app.post(
                "/api/v1/users",
                app.admin(),
                new JsonArray().add(person("nc-weak", "Бақыт Ержанұлы Сейіт", "student")));
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Бақыт Ержанұлы Сейіт", row(results(), "nc-weak").getString("name"));
        app.post("/api/v1/users", app.admin(), new JsonArray().add(person("nc-weak", "Бақыт Ержанұлы", "student")));
    }

    @Test
    void aStudentCannotReadTheNamedLists() { // the names add nothing to who may read them
        String student = app.loginAs("nc-strong");
        assertEquals(
                403, app.get("/api/v1/exams/" + examId + "/results", student).status());
        assertEquals(
                403, app.get("/api/v1/exams/" + examId + "/progress", student).status());
        assertEquals(403, app.get("/api/v1/exams/" + examId, student).status());
    }

    static JsonArray results() {
        return app.get("/api/v1/exams/" + examId + "/results", teacher).array();
    }

    static JsonObject row(JsonArray rows, String studentId) {
        return rows.stream()
                .map(o -> (JsonObject) o)
                .filter(r -> studentId.equals(r.getString("studentId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(studentId + " not in " + rows.encode()));
    }
}
