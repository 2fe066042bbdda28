package kz.emtihan.refusal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 (1), against the real engine: a refusal always carries its code, and its sentence (and its problems') is in
 * the caller's language: {@code Accept-Language} first, then the language the signed-in user saved, then English.
 */
class RefusalLanguageTest {
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("teacher", "t1", "t2");
        app.users("student", "s1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static TestEngine.Reply send(String method, String path, String token, Object json, String language) {
        byte[] body = json == null ? null : json.toString().getBytes(StandardCharsets.UTF_8);
        return language == null
                ? app.send(method, path, token, json == null ? null : "application/json", body)
                : app.send(
                        method,
                        path,
                        token,
                        json == null ? null : "application/json",
                        body,
                        "Accept-Language",
                        language);
    }

    private static TestEngine.Reply wrongPassword(String language) {
        return send(
                "POST",
                "/api/v1/auth/login",
                null,
                new JsonObject().put("username", "s1").put("password", "not-the-password"),
                language);
    }

    @Test
    void aWrongPasswordIsRefusedInTheLanguageAsked() {
        TestEngine.Reply kk = wrongPassword("kk-KZ,kk;q=0.9,en;q=0.5");
        assertEquals(401, kk.status(), kk.body());
        assertEquals("bad-credentials", kk.error());
        assertEquals("Пайдаланушы аты немесе құпиясөз қате.", kk.json().getString("message"));
        assertEquals("kk", kk.headers().firstValue("Content-Language").orElse(""));

        TestEngine.Reply ru = wrongPassword("ru");
        assertEquals("bad-credentials", ru.error());
        assertEquals("Неверное имя пользователя или пароль.", ru.json().getString("message"));

        TestEngine.Reply none = wrongPassword(null);
        assertEquals("bad-credentials", none.error());
        assertEquals("Wrong username or password.", none.json().getString("message"));
        assertEquals("en", none.headers().firstValue("Content-Language").orElse(""));
    }

    @Test
    void aUserWhoSavedRussianIsAnsweredInRussianUnlessTheRequestAsksOtherwise() {
        String token = app.loginAs("t2");
        TestEngine.Reply before = send("GET", "/api/v1/banks/no-such-bank", token, null, null);
        assertEquals(404, before.status(), before.body());
        assertEquals("There is no bank \"no-such-bank\".", before.json().getString("message"));

        TestEngine.Reply saved =
                send("PUT", "/api/v1/users/me/language", token, new JsonObject().put("language", "ru"), null);
        assertEquals(200, saved.status(), saved.body());
        assertEquals("ru", saved.json().getString("language"));

        TestEngine.Reply after = send("GET", "/api/v1/banks/no-such-bank", token, null, null);
        assertEquals("not-found", after.error());
        assertEquals("Не найдено: банк «no-such-bank».", after.json().getString("message"));
        assertEquals("ru", after.headers().firstValue("Content-Language").orElse(""));
        TestEngine.Reply asked = send("GET", "/api/v1/banks/no-such-bank", token, null, "kk");
        assertEquals("Табылмады: банк «no-such-bank».", asked.json().getString("message"), "the header wins");

        assertEquals("ru", send("GET", "/api/v1/me", token, null, null).json().getString("language"));
        TestEngine.Reply login = send(
                "POST",
                "/api/v1/auth/login",
                null,
                new JsonObject().put("username", "t2").put("password", "t2-password"),
                null);
        assertEquals("ru", login.json().getJsonObject("user").getString("language"), login.body());

        TestEngine.Reply bad =
                send("PUT", "/api/v1/users/me/language", token, new JsonObject().put("language", "de"), "kk");
        assertEquals(400, bad.status());
        assertEquals("bad-field", bad.error());
        assertEquals("language", bad.json().getJsonObject("args").getString("field"));
        assertTrue(bad.json().getString("message").startsWith("«language» өрісі:"), bad.body());
    }

    @Test
    void aBankImportReportsEveryBadRecordWithItsPositionInTheLanguageAsked() {
        String teacher = app.loginAs("t1");
        String bankId =
                app.post("/api/v1/banks", teacher, Fixtures.passport()).json().getString("id");
        String gift = String.join(
                "\n",
                "// [tag:easy]",
                "::Capital::What is the capital of Kazakhstan? {=Astana ~Almaty ~Shymkent}",
                "",
                "::Sky::What colour is the sky? {=blue}",
                "",
                "// [tag:easy]",
                "::Nothing right::Pick one {~a ~b ~c}",
                "");
        TestEngine.Reply r = app.send(
                "POST",
                "/api/v1/banks/" + bankId + "/import?format=gift",
                teacher,
                "text/plain; charset=utf-8",
                gift.getBytes(StandardCharsets.UTF_8),
                "Accept-Language",
                "kk");
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().getInteger("imported"), r.body());
        JsonArray skipped = r.json().getJsonArray("skipped");
        assertEquals(2, skipped.size(), r.body());
        JsonObject shortAnswer = skipped.getJsonObject(0);
        JsonObject noCorrect = skipped.getJsonObject(1);
        assertEquals(List.of(2, 3), List.of(shortAnswer.getInteger("question"), noCorrect.getInteger("question")));
        assertEquals(List.of(4, 7), List.of(shortAnswer.getInteger("line"), noCorrect.getInteger("line")));
        assertEquals("2-сұрақ (4-жол)", shortAnswer.getString("position"));
        assertEquals("3-сұрақ (7-жол)", noCorrect.getString("position"));
        assertEquals(
                "shortanswer түріндегі сұрақ өткізілді: тек жауап таңдау және «дұрыс/бұрыс» сұрақтары импортталады",
                shortAnswer.getString("reason"));
        assertTrue(noCorrect.getString("reason").startsWith("multichoice сұрағының дұрыс жауабы жоқ"), r.body());
    }

    @Test
    void invalidQuestionsAreRefusedWithEveryProblemByIndexInTheLanguageAsked() {
        String teacher = app.loginAs("t1");
        String bankId =
                app.post("/api/v1/banks", teacher, Fixtures.passport()).json().getString("id");
        JsonArray questions = Fixtures.questions(3, 0, 0);
        questions.getJsonObject(0).put("text", " ");
        questions.getJsonObject(2).remove("difficulty");
        TestEngine.Reply r = send("POST", "/api/v1/banks/" + bankId + "/questions", teacher, questions, "ru");
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid-questions", r.error());
        assertEquals("Найдено ошибок: 2. Ничего не добавлено.", r.json().getString("message"));
        JsonArray problems = r.json().getJsonArray("problems");
        assertEquals(0, problems.getJsonObject(0).getInteger("index"), r.body());
        assertEquals("текст пуст.", problems.getJsonObject(0).getString("message"));
        assertEquals(2, problems.getJsonObject(1).getInteger("index"));
        assertEquals("draft.no-difficulty", problems.getJsonObject(1).getString("error"));
        assertTrue(problems.getJsonObject(1).getString("message").startsWith("не указана сложность"), r.body());
    }

    @Test
    void aRosterOfUsersIsRefusedWithTheLineOfEachBadRowInTheLanguageAsked() {
        String csv = "id,name,roles,password\nu1,One,student,long-enough-1\nu2,Two,wizard,long-enough-2\n"
                + "u3,,student,long-enough-3\n";
        TestEngine.Reply r = app.send(
                "POST",
                "/api/v1/users/import",
                app.admin(),
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8),
                "Accept-Language",
                "kk");
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid-users", r.error());
        assertEquals(
                "Қатесі бар пайдаланушылар: 2. Ештеңе сақталған жоқ.", r.json().getString("message"));
        JsonArray problems = r.json().getJsonArray("problems");
        assertEquals(3, problems.getJsonObject(0).getInteger("line"), r.body());
        assertEquals("белгісіз рөл: 'wizard'.", problems.getJsonObject(0).getString("message"));
        assertEquals(4, problems.getJsonObject(1).getInteger("line"));
        assertEquals("user.name", problems.getJsonObject(1).getString("error"));
    }

    @Test
    void newAccountsWithoutAPasswordAreRefusedByIndexAndNothingIsStored() {
        JsonArray users = new JsonArray()
                .add(new JsonObject()
                        .put("id", "np-old")
                        .put("name", "Known")
                        .put("roles", new JsonArray().add("student")))
                .add(new JsonObject()
                        .put("id", "np-new")
                        .put("name", "New")
                        .put("roles", new JsonArray().add("student")));
        app.users("student", "np-old"); // np-old exists, so it may come without a password; np-new may not
        TestEngine.Reply r = send("POST", "/api/v1/users", app.admin(), users, "ru");
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid-users", r.error());
        JsonArray problems = r.json().getJsonArray("problems");
        assertEquals(1, problems.size(), r.body());
        assertEquals(1, problems.getJsonObject(0).getInteger("index"));
        assertEquals("user.needs-password", problems.getJsonObject(0).getString("error"));
        assertEquals(
                "новому пользователю нужен пароль.", problems.getJsonObject(0).getString("message"));
        String stored = app.get("/api/v1/users", app.admin()).body();
        assertTrue(stored.contains("np-old") && !stored.contains("np-new"), "nothing of the refused list is stored");
    }
}
