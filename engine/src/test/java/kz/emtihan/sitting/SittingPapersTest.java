package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.sitting.documents.CodeWords;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, 7: the papers of a sitting through the API, in Kazakh, Russian and English, read back from the PDF. A
 * student's preparation is stopped by an act; the members vote three different ways; the secretary records the new
 * time (refused while undecided, by a member, in a bad form, on another day, in the past); the student draws again,
 * answers and is graded B 80; another student postpones; after the sitting the deputy chair meets and changes the
 * grade to A- with a comment. The act, the protocol and the appeal decision say all of it, and no code word.
 */
@SharedEngine
class SittingPapersTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static TestEngine app;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        JsonArray people = new JsonArray()
                .add(person("ppc", "Сейтқалиева Әлия", "commission"))
                .add(person("ppm1", "Жұмабеков Қайрат", "commission"))
                .add(person("ppm2", "Петрова Елена", "commission"))
                .add(person("ppac", "Омарова Гүлнар", "commission"))
                .add(person("ppad", "Смирнов Андрей", "commission"))
                .add(person("ppam", "Ким Роман", "commission"))
                .add(person("ppsec", "Ішмұхамедова Һәлима", "secretary"))
                .add(person("ppst1", "Нұрланұлы Ерқанат", "student"))
                .add(person("ppst2", "Иванов Сергей", "student"));
        TestEngine.Reply r = app.post("/api/v1/users", app.admin(), people);
        assertEquals(200, r.status(), r.body());
    }

    static JsonObject person(String id, String name, String role) {
        return new JsonObject()
                .put("id", id)
                .put("name", name)
                .put("roles", new JsonArray().add(role))
                .put("password", id + "-password");
    }

    static TestEngine.Reply post(String path, String user, JsonObject body) {
        return app.post("/api/v1/sittings/" + path, app.loginAs(user), body);
    }

    static String sitting(String language) {
        JsonObject body = new JsonObject()
                .put("kind", "comprehensive-exam")
                .put("title", "Ақпараттық жүйелер — МАК отырысы")
                .put("date", LocalDate.now(ALMATY).toString())
                .put("language", language)
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "ppc")
                                .put("members", new JsonArray().add("ppm1").add("ppm2"))
                                .put("secretary", "ppsec"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "ppac")
                                .put("deputy", "ppad")
                                .put("members", new JsonArray().add("ppam")))
                .put("students", new JsonArray().add("ppst1").add("ppst2"));
        TestEngine.Reply r = app.post("/api/v1/sittings", app.admin(), body);
        assertEquals(201, r.status(), r.body());
        String id = r.json().getString("id");
        JsonArray tickets = new JsonArray();
        for (int n = 1; n <= 5; n++)
            tickets.add(new JsonObject()
                    .put("number", n)
                    .put("questions", new JsonArray().add("Сұрақ " + n + ".1").add("Вопрос " + n + ".2")));
        assertEquals(
                200,
                app.put("/api/v1/sittings/" + id + "/tickets", app.loginAs("ppsec"), tickets)
                        .status());
        return id;
    }

    static void checked(String id, String student) {
        SittingChecks.checked(app, id, student, "ppsec");
    }

    static JsonObject phase(String id, String student, JsonObject body) {
        TestEngine.Reply r = post(id + "/students/" + student + "/phase", "ppsec", body);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static String text(String path, String user) throws Exception {
        byte[] pdf = app.getBytes(path, app.loginAs(user));
        java.nio.file.Path out = java.nio.file.Path.of("target", "documents");
        java.nio.file.Files.createDirectories(out); // to look at: target/documents/api-*.pdf
        java.nio.file.Files.write(out.resolve("api-" + path.replaceAll("[^a-z0-9]+", "-") + ".pdf"), pdf);
        try (var document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void theActTheProtocolAndTheAppealDecisionSayEverything(String language) throws Exception {
        String id = sitting(language);

        // st1: drawn, preparing, then the connection fails: the act (6.15.2)
        checked(id, "ppst1");
        int first = post(id + "/students/ppst1/draw", "ppc", new JsonObject().put("word", "алматы"))
                .json()
                .getInteger("ticket");
        phase(id, "ppst1", new JsonObject().put("action", "start-preparation"));
        TestEngine.Reply act = post(
                id + "/acts",
                "ppsec",
                new JsonObject().put("studentId", "ppst1").put("description", "Байланыс үзілді / связь прервалась"));
        assertEquals(201, act.status(), act.body());
        String actId = act.json().getString("id");
        String acts = id + "/acts/" + actId;
        Instant actAt = Instant.parse(act.json().getString("at"));
        Instant laterAt = Instant.now().plusSeconds(15 * 60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String later = laterAt.atZone(ALMATY).toOffsetDateTime().toString(); // the same day unless run at 23:45

        // each member's vote as cast: same day, another sitting, same day → another time the same day
        assertEquals(
                200,
                app.put("/api/v1/sittings/" + acts + "/vote", app.loginAs("ppm1"), vote("same-day"))
                        .status());
        assertEquals(
                200,
                app.put("/api/v1/sittings/" + acts + "/vote", app.loginAs("ppm2"), vote("another-sitting"))
                        .status());
        TestEngine.Reply undecided = post(acts + "/new-time", "ppsec", new JsonObject().put("newTime", later));
        assertEquals(409, undecided.status(), "no new time before the decision: " + undecided.body());
        assertEquals("already", undecided.error());
        TestEngine.Reply decided = app.put("/api/v1/sittings/" + acts + "/vote", app.loginAs("ppc"), vote("same-day"));
        assertEquals("SAME_DAY", decided.json().getJsonObject("decision").getString("choice"), decided.body());

        // the new time: only the secretary or the chair, a date-time with offset, later the same day (6.15.2)
        assertEquals(
                403,
                post(acts + "/new-time", "ppm1", new JsonObject().put("newTime", later))
                        .status());
        assertEquals(
                403,
                post(acts + "/new-time", "ppst1", new JsonObject().put("newTime", later))
                        .status());
        TestEngine.Reply badForm = post(acts + "/new-time", "ppsec", new JsonObject().put("newTime", "15:30"));
        assertEquals(400, badForm.status(), badForm.body());
        assertTrue(badForm.body().contains("newTime"), badForm.body());
        TestEngine.Reply tomorrow = post(
                acts + "/new-time",
                "ppsec",
                new JsonObject()
                        .put(
                                "newTime",
                                actAt.plusSeconds(86_400)
                                        .atZone(ALMATY)
                                        .toOffsetDateTime()
                                        .toString()));
        assertEquals(400, tomorrow.status(), "the same day, not the next: " + tomorrow.body());
        TestEngine.Reply past = post(
                acts + "/new-time",
                "ppc",
                new JsonObject()
                        .put(
                                "newTime",
                                actAt.minusSeconds(60)
                                        .atZone(ALMATY)
                                        .toOffsetDateTime()
                                        .toString()));
        assertEquals(400, past.status(), past.body());
        JsonObject unchanged = app.get("/api/v1/sittings/" + id, app.loginAs("ppsec"))
                .json()
                .getJsonArray("acts")
                .getJsonObject(0);
        assertTrue(!unchanged.containsKey("newTime"), "a refused new time changes nothing: " + unchanged);
        TestEngine.Reply timed = post(acts + "/new-time", "ppsec", new JsonObject().put("newTime", later));
        assertEquals(200, timed.status(), timed.body());
        Instant newTime = Instant.parse(timed.json().getJsonObject("newTime").getString("at"));
        assertEquals(laterAt, newTime);

        // the redraw, the answer and the grade: every member 80 → B
        int second = post(id + "/students/ppst1/draw", "ppc", null).json().getInteger("ticket");
        assertNotEquals(first, second, "questions seen in preparation: another ticket");
        phase(id, "ppst1", new JsonObject().put("action", "start-preparation"));
        phase(id, "ppst1", new JsonObject().put("action", "end-preparation"));
        phase(id, "ppst1", new JsonObject().put("action", "end-answer").put("reason", "жауап аяқталды"));
        for (String member : List.of("ppm1", "ppm2", "ppc"))
            assertEquals(
                    200,
                    app.put(
                                    "/api/v1/sittings/" + id + "/students/ppst1/score",
                                    app.loginAs(member),
                                    new JsonObject().put("points", 80))
                            .status());
        JsonObject graded = post(id + "/students/ppst1/confirm", "ppc", null).json();
        assertEquals("B", graded.getJsonObject("result").getString("letter"), graded.encode());

        // st2 postpones (6.15.3)
        JsonObject scan = new JsonObject()
                .put("contentType", "application/pdf")
                .put("base64", java.util.Base64.getEncoder().encodeToString("%PDF-1.4 certificate".getBytes()));
        TestEngine.Reply applied = post(
                id + "/postponements",
                "ppst2",
                new JsonObject().put("reason", "ауруханада").put("document", scan));
        assertEquals(201, applied.status(), applied.body());
        assertEquals(
                200,
                post(
                                id + "/postponements/" + applied.json().getString("id") + "/decision",
                                "ppc",
                                new JsonObject().put("allowed", true))
                        .status());

        // after the sitting: the appeal, met and decided by the deputy chair (6.15.4-6.15.5)
        assertEquals(200, post(id + "/close", "ppsec", null).status());
        TestEngine.Reply appeal =
                post(id + "/appeals", "ppst1", new JsonObject().put("reason", "Екінші сұрақ толық бағаланбады"));
        assertEquals(201, appeal.status(), appeal.body());
        String appealId = appeal.json().getString("id");
        assertEquals(
                200,
                post(id + "/appeals/" + appealId + "/meeting", "ppad", null).status());
        TestEngine.Reply decision = post(
                id + "/appeals/" + appealId + "/decision",
                "ppad",
                new JsonObject()
                        .put("decision", "changed")
                        .put("letter", "A-")
                        .put("comment", "Жауап толық, бағалау парағында ескерілмеген"));
        assertEquals(200, decision.status(), decision.body());
        Instant decidedAt = Instant.parse(decision.json().getString("decidedAt"));

        SittingPapersWords w = SittingPapersWords.of(language);
        String zoned = java.util.Map.of( // issue 15 (1): the zone in the paper's language, CLDR's name
                        "kk", "(Қазақстан уақыты, UTC+5)",
                        "ru", "(Казахстан, UTC+5)",
                        "en", "(Kazakhstan Time, UTC+5)")
                .get(language);

        // the act: student, time, stage, ticket with its questions, votes as cast, decision, new time, signers
        String actText = text("/api/v1/sittings/" + acts + "/pdf", "ppsec");
        String a = oneLine(actText);
        for (String expected : List.of(
                "Нұрланұлы Ерқанат",
                w.stagePreparation(),
                w.ticket(first),
                "Сұрақ " + first + ".1",
                "Вопрос " + first + ".2",
                w.voteSameDay(),
                w.voteAnotherSitting(),
                w.decisionSameDay(),
                w.redraw(),
                hhmm(actAt),
                hhmm(newTime),
                zoned,
                "Ішмұхамедова Һәлима",
                "Сейтқалиева Әлия",
                "Жұмабеков Қайрат",
                "Петрова Елена"))
            assertTrue(a.contains(expected), language + ": act lacks " + expected + ":\n" + actText);
        assertEquals(2, count(a, w.voteSameDay()), "two members voted for the same day: " + actText);
        String decisionLine = Map.of(
                        "kk", "Шешім сол күні басқа уақытта",
                        "ru", "Решение другое время в тот же день",
                        "en", "Decision another time the same day")
                .get(language);
        assertTrue(a.contains(decisionLine), "the decision in its own line: " + actText);
        CodeWords.assertNone(actText, language);

        // the protocol: times, ticket, scores, commission's grade beside the appeal's, the act, the redraw, the
        // postponement, the zone
        String protocolText = text("/api/v1/sittings/" + id + "/protocol.pdf", "ppsec");
        String p = oneLine(protocolText);
        String decidedDay = DateTimeFormatter.ofPattern("dd.MM.yyyy").format(decidedAt.atZone(ALMATY));
        for (String expected : List.of(
                zoned.substring(1, zoned.length() - 1), // issue 15 (1): the zone by its name in the paper's language
                "80 80 80 80 B A- 90, " + decidedDay,
                w.act(1),
                w.redrawAfter(1),
                w.ticketDraw(second),
                w.admitted(),
                w.preparation(),
                w.answer(),
                w.confirmed(),
                w.commissionB80(),
                w.appealChanged("A- 90"),
                w.postponementAllowed(),
                w.decisionSameDay(),
                hhmm(newTime)))
            assertTrue(p.contains(expected), language + ": protocol lacks " + expected + ":\n" + protocolText);
        assertTrue(
                Pattern.compile("\\b80 80 80 80 B\\b").matcher(p).find(),
                "the commission's grade in the commission's column, not the appeal's: " + protocolText);
        assertTrue(!p.contains("80 80 80 90 A-"), protocolText);
        CodeWords.assertNone(protocolText, language);

        // the appeal decision: student, result appealed, reason, meeting, decision, new grade, comment, time, signers
        String appealText = text("/api/v1/sittings/" + id + "/appeals/" + appealId + "/pdf", "ppac");
        String d = oneLine(appealText);
        for (String expected : List.of(
                "Нұрланұлы Ерқанат",
                "B 80",
                "A- 90",
                "Екінші сұрақ толық бағаланбады",
                "Жауап толық, бағалау парағында ескерілмеген",
                w.changed(),
                w.deputySigned(),
                "Смирнов Андрей",
                "Ким Роман",
                hhmm(decidedAt) + " " + zoned))
            assertTrue(d.contains(expected), language + ": appeal lacks " + expected + ":\n" + appealText);
        assertTrue(!d.contains("Омарова Гүлнар"), "the chair was away: the deputy signs, not the chair: " + appealText);
        CodeWords.assertNone(appealText, language);
    }

    static JsonObject vote(String choice) {
        return new JsonObject().put("choice", choice);
    }

    static String hhmm(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(ALMATY));
    }

    static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) n++;
        return n;
    }
}
