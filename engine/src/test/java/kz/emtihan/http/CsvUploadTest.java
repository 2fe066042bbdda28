package kz.emtihan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Users and rosters uploaded as CSV: all rows land, or none and every bad row is reported by its line. */
@SharedEngine
class CsvUploadTest {
    static TestEngine app;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
    }

    TestEngine.Reply csv(String method, String path, String token, String body) {
        return app.send(method, path, token, "text/csv; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void usersFromASpreadsheet() {
        String admin = app.admin();
        TestEngine.Reply ok = csv(
                "POST",
                "/api/v1/users/import",
                admin,
                "\uFEFFid;name;roles;password\naruzhan.b;Аружан Бекова;student;pass-word-1\nt.kim;Timur Kim;teacher proctor;pass-word-2\n");
        assertEquals(200, ok.status(), ok.body());
        assertEquals(2, ok.json().getInteger("created"));
        JsonObject login = app.post(
                        "/api/v1/auth/login",
                        null,
                        new JsonObject().put("username", "t.kim").put("password", "pass-word-2"))
                .json();
        assertEquals(
                new JsonArray().add("proctor").add("teacher"),
                login.getJsonObject("user").getJsonArray("roles"));
        JsonArray listed = app.get("/api/v1/users", admin).array();
        JsonObject aruzhan = listed.stream()
                .map(u -> (JsonObject) u)
                .filter(u -> u.getString("id").equals("aruzhan.b"))
                .findFirst()
                .orElseThrow();
        assertEquals("Аружан Бекова", aruzhan.getString("name"));
        assertEquals(false, listed.encode().contains("$2"), "no password hash ever leaves the server");
        assertEquals(403, app.get("/api/v1/users", login.getString("token")).status());

        TestEngine.Reply bad = csv(
                "POST",
                "/api/v1/users/import",
                admin,
                "id,name,roles,password\ngood.one,Good,student,long-password\nbad one,,wizard,x\n");
        assertEquals(400, bad.status());
        JsonArray problems = bad.json().getJsonArray("problems");
        assertEquals(4, problems.size());
        problems.forEach(p -> assertEquals(3, ((JsonObject) p).getInteger("line")));
        assertEquals(
                401,
                app.post(
                                "/api/v1/auth/login",
                                null,
                                new JsonObject().put("username", "good.one").put("password", "long-password"))
                        .status(),
                "nothing stored when a row is bad");

        TestEngine.Reply noHeader = csv("POST", "/api/v1/users/import", admin, "x,y\n1,2\n");
        assertEquals("bad-csv", noHeader.error());
    }

    @Test
    void aRosterFromASpreadsheetWithAdmissionRatings() { // 5.30
        app.users("teacher", "t1");
        String teacher = app.loginAs("t1");
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), "nobody");
        TestEngine.Reply ok = csv(
                "PUT",
                "/api/v1/exams/" + examId + "/roster",
                teacher,
                "studentId,admissionRating\ns1,72.5\ns2,\ns3,49\n");
        assertEquals(200, ok.status(), ok.body());
        assertEquals(3, ok.json().getInteger("students"));
        JsonObject exam = app.get("/api/v1/exams/" + examId, teacher).json();
        JsonArray roster = exam.getJsonArray("roster");
        assertEquals(new JsonArray().add("s1").add("s2").add("s3"), roster);
        assertEquals(new JsonObject().put("s1", 72.5).put("s3", 49.0), exam.getJsonObject("admission"));

        TestEngine.Reply bad = csv(
                "PUT", "/api/v1/exams/" + examId + "/roster", teacher, "studentId,admissionRating\ns4,80\ns 5,abc\n");
        assertEquals(400, bad.status());
        assertEquals(3, bad.json().getJsonArray("problems").getJsonObject(0).getInteger("line"));
        assertEquals(
                roster, app.get("/api/v1/exams/" + examId, teacher).json().getJsonArray("roster"), "roster unchanged");
    }
}
