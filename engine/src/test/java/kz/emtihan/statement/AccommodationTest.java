package kz.emtihan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Extra time per student through the API: set by the exam's teacher or an admin only, validated whole, audited, and
 * in the server's deadline (so on the student's timer), never past the window's close.
 */
@SharedEngine
class AccommodationTest {
    static TestEngine app;
    static String teacher;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        StatementFlowTest.start(shared);
        teacher = StatementFlowTest.teacher;
    }

    static TestEngine.Reply put(String exam, String token, JsonObject body) {
        return app.put("/api/v1/exams/" + exam + "/accommodations", token, body);
    }

    @Test
    void theTeacherGivesExtraTimeAndTheDeadlineIncludesIt() {
        Instant now = Instant.now();
        String exam = StatementFlowTest.exam(
                "Accommodations 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), "stm-s1", "stm-s2");
        // who first: another teacher, a student, the registrar
        assertEquals(
                403,
                put(exam, StatementFlowTest.other, new JsonObject().put("stm-s1", 15))
                        .status());
        assertEquals(
                403,
                put(exam, app.loginAs("stm-s1"), new JsonObject().put("stm-s1", 15))
                        .status());
        assertEquals(
                403,
                put(exam, StatementFlowTest.registrar, new JsonObject().put("stm-s1", 15))
                        .status());
        assertEquals(
                403,
                app.get("/api/v1/exams/" + exam + "/accommodations", StatementFlowTest.other)
                        .status());
        // then what: all or nothing, a problem per student
        TestEngine.Reply bad = put(
                exam,
                teacher,
                new JsonObject().put("stm-s1", 15).put("stm-s8", 10).put("stm-s2", 500));
        assertEquals(400, bad.status(), bad.body());
        assertEquals("bad-field", bad.error());
        assertEquals(2, bad.json().getJsonArray("problems").size(), bad.body());
        JsonObject none =
                app.get("/api/v1/exams/" + exam + "/accommodations", teacher).json();
        assertEquals(new JsonObject(), none.getJsonObject("extraMinutes"));
        assertEquals(0, none.getJsonArray("audit").size());

        TestEngine.Reply ok = put(exam, teacher, new JsonObject().put("stm-s1", 15));
        assertEquals(200, ok.status(), ok.body());
        assertEquals(15, ok.json().getJsonObject("extraMinutes").getInteger("stm-s1"));
        JsonObject event = ok.json().getJsonArray("audit").getJsonObject(0);
        assertEquals("stm-t", event.getString("by"));
        assertEquals(
                new JsonObject().put("before", 0).put("after", 15),
                event.getJsonObject("changes").getJsonObject("stm-s1"));
        assertEquals(
                200, put(exam, app.admin(), new JsonObject().put("stm-s2", 5)).status());

        JsonObject a1 = app.post("/api/v1/exams/" + exam + "/attempts", app.loginAs("stm-s1"), null)
                .json();
        assertEquals(
                Duration.ofMinutes(65),
                Duration.between(Instant.parse(a1.getString("startedAt")), Instant.parse(a1.getString("deadline"))));
        assertEquals(200, put(exam, teacher, new JsonObject().put("stm-s2", 0)).status());
        JsonObject a2 = app.post("/api/v1/exams/" + exam + "/attempts", app.loginAs("stm-s2"), null)
                .json();
        assertEquals(
                Duration.ofMinutes(50),
                Duration.between(Instant.parse(a2.getString("startedAt")), Instant.parse(a2.getString("deadline"))),
                "0 removed it");
    }

    @Test
    void extraTimeNeverPassesTheWindowsClose() {
        Instant now = Instant.now();
        Instant closes = now.plus(Duration.ofMinutes(55));
        String exam = StatementFlowTest.exam("Accommodations 2", now.minus(Duration.ofHours(1)), closes, "stm-s3");
        assertEquals(200, put(exam, teacher, new JsonObject().put("stm-s3", 30)).status());
        JsonObject a = app.post("/api/v1/exams/" + exam + "/attempts", app.loginAs("stm-s3"), null)
                .json();
        assertEquals(
                closes.toEpochMilli(), Instant.parse(a.getString("deadline")).toEpochMilli());
    }
}
