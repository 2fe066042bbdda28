package kz.emtihan.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 (1): a bank's life through the API, tried as an attacker would: approval only by a head of department
 * (5.19), review only by a panel expert who is no compiler (5.24-5.26), an attestation only on a usable bank, the
 * papers read back (5.27), and the lock refusing every change of the bank and of its exams' grading (5.31).
 */
@SharedEngine
class BankLifeApiTest {
    static TestEngine app;
    static String owner;
    static String head;
    static String expert;
    static String other;
    static String student;
    static String admin;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        app.users("teacher", "bl-owner");
        app.users("head", "bl-head");
        app.users("expert", "bl-expert", "bl-other", "bl-compiler");
        app.users("student", "bl-student");
        owner = app.loginAs("bl-owner");
        head = app.loginAs("bl-head");
        expert = app.loginAs("bl-expert");
        other = app.loginAs("bl-other");
        student = app.loginAs("bl-student");
        admin = app.admin();
    }

    static String bank(String discipline, String language, int easy, int medium, int hard) {
        JsonObject passport = Fixtures.passport().getJsonObject("passport").copy();
        passport.put("discipline", discipline).put("language", language);
        // 5.24: the account bl-compiler is named as a compiler in the passport
        passport.put("compilers", new JsonArray().add("A. Teacher").add("BL-Compiler"));
        String id = app.post("/api/v1/banks", owner, new JsonObject().put("passport", passport))
                .json()
                .getString("id");
        assertEquals(
                200,
                app.post("/api/v1/banks/" + id + "/questions", owner, Fixtures.questions(easy, medium, hard))
                        .status());
        return id;
    }

    static TestEngine.Reply schedule(String bankId) {
        Instant now = Instant.now();
        return app.post(
                "/api/v1/exams",
                owner,
                Fixtures.attestation(bankId, now.plus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1))));
    }

    static JsonObject life(String bankId) {
        TestEngine.Reply r = app.get("/api/v1/banks/" + bankId + "/life", owner);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static JsonObject panel(String year, String... experts) {
        return new JsonObject().put("academicYear", year).put("experts", new JsonArray(java.util.List.of((Object[])
                experts)));
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void approvedByTheHeadReviewedByAPanelExpertThenUsable() {
        String id = bank("Life algebra", "kk", 40, 40, 20);
        String base = "/api/v1/banks/" + id;
        String year = life(id).getString("currentYear");
        // 5.24-5.26: a draft is not used for an attestation
        TestEngine.Reply draft = schedule(id);
        assertEquals(409, draft.status(), draft.body());
        assertEquals("bank-not-usable", draft.error());
        assertEquals("5.24-5.26", draft.json().getString("rule"));

        // 5.19: only a head of department (or an admin) records the approval
        for (String wrong : new String[] {owner, expert, student})
            assertEquals(
                    403,
                    app.post(base + "/approval", wrong, Fixtures.approval()).status());
        TestEngine.Reply future = app.post(
                base + "/approval",
                head,
                Fixtures.approval()
                        .put(
                                "meetingDate",
                                LocalDate.now(ZoneOffset.UTC).plusDays(3).toString()));
        assertEquals(400, future.status(), future.body());
        assertEquals("meetingDate", future.json().getJsonObject("args").getString("field"));
        assertEquals(
                400,
                app.post(base + "/approval", head, new JsonObject().put("meetingDate", "2026-01-01"))
                        .status());
        assertEquals("draft", life(id).getString("status"), "a refused approval changes nothing");
        TestEngine.Reply approved = app.post(base + "/approval", head, Fixtures.approval());
        assertEquals(200, approved.status(), approved.body());
        assertEquals("approved", approved.json().getString("status"));
        assertEquals("7", approved.json().getJsonObject("approval").getString("minutes"));
        assertEquals("bl-head", approved.json().getJsonObject("approval").getString("by"));
        assertEquals(
                "bank-approved",
                app.post(base + "/approval", head, Fixtures.approval()).error());

        // 5.24: the panel is named by the head or an admin, with experts who are not compilers
        assertEquals(
                403, app.put(base + "/panel", owner, panel(year, "bl-expert")).status());
        assertEquals(
                403, app.put(base + "/panel", expert, panel(year, "bl-expert")).status());
        assertEquals(
                "invalid-people",
                app.put(base + "/panel", head, panel(year, "bl-owner")).error());
        TestEngine.Reply compiler = app.put(base + "/panel", head, panel(year, "bl-compiler"));
        assertEquals(409, compiler.status(), compiler.body());
        assertEquals("expert-is-compiler", compiler.error());
        assertEquals("5.24", compiler.json().getString("rule"));
        int first = Integer.parseInt(year.substring(0, 4));
        TestEngine.Reply past = app.put(base + "/panel", head, panel((first - 1) + "-" + first, "bl-expert"));
        assertEquals(400, past.status(), "a past academic year");
        assertEquals(
                200, app.put(base + "/panel", head, panel(year, "bl-expert")).status());

        // 5.24: an expert not on the panel cannot conclude, whatever the body says
        TestEngine.Reply stranger = app.post(base + "/conclusions", other, Fixtures.conclusion("may-be-used"));
        assertEquals(403, stranger.status());
        assertEquals("not-on-panel", stranger.error());
        assertEquals(
                403,
                app.post(base + "/conclusions", owner, Fixtures.conclusion("may-be-used"))
                        .status());
        assertEquals(
                400,
                app.post(base + "/conclusions", expert, Fixtures.conclusion("perhaps"))
                        .status());
        JsonObject noWording = Fixtures.conclusion("may-be-used");
        noWording.remove("wording");
        assertEquals(
                "bad-field", app.post(base + "/conclusions", expert, noWording).error());

        // 5.26: may not → not usable; a re-review is a new conclusion and the latest counts
        TestEngine.Reply no = app.post(base + "/conclusions", expert, Fixtures.conclusion("may-not-be-used"));
        assertEquals(201, no.status(), no.body());
        assertEquals(1, no.json().getInteger("number"));
        assertEquals("bank-not-usable", schedule(id).error());
        TestEngine.Reply yes = app.post(base + "/conclusions", expert, Fixtures.conclusion("may-be-used"));
        assertEquals(2, yes.json().getInteger("number"));
        JsonObject now = life(id);
        assertTrue(now.getJsonObject("usable").getJsonObject(year).getBoolean("usable"), now.encode());
        assertEquals(2, now.getJsonArray("conclusions").size(), "every conclusion is kept");
        assertFalse(now.getJsonArray("conclusions").getJsonObject(0).getBoolean("counts"));
        TestEngine.Reply exam = schedule(id);
        assertEquals(201, exam.status(), exam.body());

        // 5.24: a change of the questions returns the bank to draft; it needs approval and review again
        String question =
                app.get(base + "/questions", owner).array().getJsonObject(0).getString("id");
        TestEngine.Reply edited = app.send(
                "PATCH",
                base + "/questions/" + question,
                owner,
                "application/json",
                new JsonObject().put("text", "Question 0, reworded").encode().getBytes());
        assertEquals(200, edited.status(), edited.body());
        JsonObject changed = life(id);
        assertEquals("draft", changed.getString("status"));
        assertFalse(changed.getJsonObject("usable").getJsonObject(year).getBoolean("usable"));
        assertEquals("bank-not-usable", schedule(id).error());
        JsonArray trail = changed.getJsonArray("trail");
        assertEquals(
                java.util.List.of("approved", "panel-assigned", "concluded", "concluded", "returned-to-draft"),
                trail.stream().map(o -> ((JsonObject) o).getString("action")).toList());
        assertEquals("bl-head", trail.getJsonObject(0).getString("by"));
        assertEquals("question-edited", trail.getJsonObject(4).getString("cause"));
    }

    @Test
    void anInvalidBankIsNotApproved() {
        String id = bank("Life too small", "en", 4, 4, 2);
        TestEngine.Reply r = app.post("/api/v1/banks/" + id + "/approval", head, Fixtures.approval());
        assertEquals(409, r.status(), r.body());
        assertEquals("bank-not-valid", r.error());
        assertEquals("7.6", r.json().getString("rule"));
        assertFalse(r.json().getJsonArray("problems").isEmpty(), "each validation problem is named");
        assertEquals("draft", life(id).getString("status"));
    }

    @Test
    void thePassportAndEachConclusionPrintInTheBanksLanguage() {
        String id = bank("Алгебра негіздері", "Қазақ тілі", 40, 40, 20);
        Fixtures.usable(app, id);
        String passport = text(app.getBytes("/api/v1/banks/" + id + "/passport/pdf", owner));
        assertTrue(passport.contains("Тест тапсырмалары банкінің паспорты"), passport);
        assertTrue(passport.contains("Алгебра негіздері"), passport);
        assertTrue(passport.contains("6B01501"), passport);
        assertTrue(passport.contains("BL-Compiler"), passport);
        assertTrue(passport.contains("Formula sheet"), passport);
        assertTrue(passport.contains("Хаттама №") && passport.contains("7"), passport);
        assertTrue(passport.contains(Fixtures.HEAD), "who recorded the approval: " + passport);
        String conclusion = text(app.getBytes("/api/v1/banks/" + id + "/conclusions/1/pdf", owner));
        assertTrue(conclusion.contains("сараптамалық қорытынды"), conclusion);
        assertTrue(conclusion.contains("fits the syllabus"), conclusion);
        assertTrue(conclusion.contains("ПАЙДАЛАНУҒА БОЛАДЫ"), conclusion);
        assertTrue(conclusion.contains(Fixtures.EXPERT), conclusion);

        String ru = bank("Основы алгебры", "Русский", 40, 40, 20);
        Fixtures.usable(app, ru);
        String inRussian = text(app.getBytes("/api/v1/banks/" + ru + "/conclusions/2/pdf", head));
        assertTrue(inRussian.contains("Экспертное заключение № 2"), inRussian);
        assertTrue(inRussian.contains("МОЖЕТ быть использован"), inRussian);
        assertTrue(inRussian.contains("Формулировки"), inRussian);

        assertEquals(
                403, app.get("/api/v1/banks/" + id + "/passport/pdf", student).status());
        assertEquals(
                403,
                app.get("/api/v1/banks/" + id + "/conclusions/1/pdf", other).status());
        assertEquals(
                404,
                app.get("/api/v1/banks/" + id + "/conclusions/9/pdf", owner).status());
    }

    @Test
    void aLockedBankAndItsGradingChangeOnlyAfterARecordedUnlock() {
        String id = bank("Life locked", "en", 40, 40, 20);
        Fixtures.usable(app, id);
        String base = "/api/v1/banks/" + id;
        String examId = Fixtures.exam(
                app,
                owner,
                Fixtures.attestation(
                        id,
                        Instant.now().plus(Duration.ofMinutes(5)),
                        Instant.now().plus(Duration.ofDays(1))),
                "bl-student");
        String question =
                app.get(base + "/questions", owner).array().getJsonObject(0).getString("id");

        assertEquals(403, app.post(base + "/lock", owner, new JsonObject()).status(), "5.31: the administrator");
        assertEquals(403, app.post(base + "/lock", head, new JsonObject()).status());
        assertEquals(
                400,
                app.post(base + "/lock", admin, new JsonObject().put("period", "autumn"))
                        .status());
        TestEngine.Reply locked = app.post(base + "/lock", admin, new JsonObject().put("reason", "the period ended"));
        assertEquals(200, locked.status(), locked.body());
        assertTrue(locked.json().getBoolean("locked"));
        assertEquals(
                "bank-locked", app.post(base + "/lock", admin, new JsonObject()).error());

        int before = app.get(base + "/questions", owner).array().size();
        java.util.List<TestEngine.Reply> refused = java.util.List.of(
                app.post(base + "/questions", owner, Fixtures.questions(1, 0, 0)),
                app.send(
                        "PATCH",
                        base + "/questions/" + question,
                        owner,
                        "application/json",
                        "{\"text\":\"changed\"}".getBytes()),
                app.send("DELETE", base + "/questions/" + question, owner, null, null),
                app.post(
                        base + "/questions/classify",
                        owner,
                        new JsonObject()
                                .put("ids", new JsonArray().add(question))
                                .put("difficulty", null)),
                app.send(
                        "POST",
                        base + "/import?format=gift",
                        owner,
                        "text/plain",
                        "::Q:: 2+2? {=4 ~3 ~5 ~6 ~7}".getBytes()),
                app.put(
                        base + "/access",
                        owner,
                        new JsonObject().put("coAuthors", new JsonArray()).put("experts", new JsonArray())),
                app.put(base + "/panel", head, panel(life(id).getString("currentYear"), "bl-other")),
                app.post(base + "/conclusions", Fixtures.reviewers(app)[1], Fixtures.conclusion("may-be-used")),
                schedule(id),
                app.put(
                        "/api/v1/exams/" + examId + "/roster",
                        owner,
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("studentId", "bl-student")
                                        .put("admissionRating", 20))));
        for (TestEngine.Reply r : refused) {
            assertEquals(409, r.status(), r.body());
            assertEquals("bank-locked", r.error(), r.body());
            assertEquals("5.31", r.json().getString("rule"));
        }
        assertEquals(before, app.get(base + "/questions", owner).array().size(), "nothing changed");
        assertEquals(
                new JsonObject(),
                app.get("/api/v1/exams/" + examId, owner).json().getJsonObject("admission", new JsonObject()),
                "the admission ratings stay as they were");

        // only a recorded unlock with a reason
        assertEquals(
                403,
                app.post(base + "/unlock", owner, new JsonObject().put("reason", "x"))
                        .status());
        assertEquals(400, app.post(base + "/unlock", admin, new JsonObject()).status());
        TestEngine.Reply open = app.post(base + "/unlock", admin, new JsonObject().put("reason", "grade corrected"));
        assertEquals(200, open.status(), open.body());
        JsonArray history = open.json().getJsonArray("locks");
        assertEquals("lock", history.getJsonObject(0).getString("action"));
        assertEquals("unlock", history.getJsonObject(1).getString("action"));
        assertEquals("grade corrected", history.getJsonObject(1).getString("reason"));
        assertEquals("admin", history.getJsonObject(1).getString("by"));
        assertEquals(
                "bank-not-locked",
                app.post(base + "/unlock", admin, new JsonObject().put("reason", "y"))
                        .error());
        assertEquals(
                200,
                app.put("/api/v1/exams/" + examId + "/roster", owner, new JsonArray().add("bl-student"))
                        .status());
        JsonArray trail = life(id).getJsonArray("trail");
        JsonObject last = trail.getJsonObject(trail.size() - 1);
        assertEquals("unlocked", last.getString("action"));
        assertEquals("grade corrected", last.getString("reason"));
    }

    @Test
    void manyBanksAreLockedAtOnceOrNoneWhenOneIsUnknown() {
        String a = bank("Life many A", "en", 1, 0, 0);
        String b = bank("Life many B", "en", 1, 0, 0);
        TestEngine.Reply unknown = app.post(
                "/api/v1/bank-locks",
                admin,
                new JsonObject().put("bankIds", new JsonArray().add(a).add("b-none")));
        assertEquals(404, unknown.status(), unknown.body());
        assertFalse(life(a).getBoolean("locked"), "nothing locked");
        assertEquals(
                403,
                app.post("/api/v1/bank-locks", owner, new JsonObject().put("bankIds", new JsonArray().add(a)))
                        .status());
        assertEquals(
                200,
                app.post("/api/v1/banks/" + a + "/lock", admin, new JsonObject())
                        .status());
        TestEngine.Reply many = app.post(
                "/api/v1/bank-locks",
                admin,
                new JsonObject().put("bankIds", new JsonArray().add(a).add(b)).put("period", "2026-2027/spring"));
        assertEquals(200, many.status(), many.body());
        assertEquals(new JsonArray().add(b), many.json().getJsonArray("locked"));
        assertEquals(new JsonArray().add(a), many.json().getJsonArray("alreadyLocked"));
        assertEquals(
                "2026-2027/spring",
                life(b).getJsonArray("locks").getJsonObject(0).getString("period"));
    }
}
