package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import kz.emtihan.TestEngine;
import kz.emtihan.pdf.Messages;
import kz.emtihan.sitting.documents.CodeWords;
import kz.emtihan.sitting.documents.SittingDocuments;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, 7 after 6: the protocol, through the API and read back, says what the sitting's second half records: the
 * administrator's move of the sitting (6.15.6), a removal for a violation (6.14), a student carried into a later sitting
 * and, in the earlier one, the I that the later result cleared (6.15.2-6.15.3), and no ticket in a thesis defence
 * (6.15.1). Uses {@link SittingRegulationTest}'s steps on an engine of its own.
 */
class SittingProtocolInterventionsTest {
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("commission", "c1", "m1", "m2", "ac1", "ad1");
        app.users("secretary", "sec1");
        app.users("student", "st1", "st2", "st3", "st5");
        SittingRegulationTest.app = app; // its helpers act on this engine (classes run one after another)
    }

    @AfterAll
    static void stop() {
        SittingRegulationTest.app = null;
        app.close();
    }

    static String create(String title, String language, String date, Object... students) {
        return SittingRegulationTest.create(SittingRegulationTest.body("thesis-defence", date, students)
                .put("title", title)
                .put("language", language));
    }

    static TestEngine.Reply post(String path, String user, JsonObject body) {
        return SittingRegulationTest.post(path, user, body);
    }

    static String protocol(String id) throws Exception {
        byte[] pdf = app.getBytes("/api/v1/sittings/" + id + "/protocol.pdf", app.loginAs("sec1"));
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            return SittingPapersTest.oneLine(stripper.getText(document));
        }
    }

    static String hhmm(String at) {
        return DateTimeFormatter.ofPattern("HH:mm").format(Instant.parse(at).atZone(SittingDays.ZONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void theProtocolSaysTheMoveTheRemovalTheCarryAndNoTicket(String language) throws Exception {
        Messages m = Messages.of(SittingDocuments.BUNDLE, Language.valueOf(language.toUpperCase()));
        LocalDate today = LocalDate.parse(SittingDays.today());
        String earlierTitle = "Защита-" + language + "-1";
        String first = create(earlierTitle, language, today.minusDays(1).toString(), "st1", "st3", "st5");
        String why = "платформа была недоступна";
        assertEquals(
                200,
                app.post(
                                "/api/v1/sittings/" + first + "/reschedule",
                                app.admin(),
                                new JsonObject().put("date", today.toString()).put("reason", why))
                        .status());
        String violation = "второй человек в комнате";
        TestEngine.Reply removed =
                post(first + "/students/st1/remove", "sec1", new JsonObject().put("reason", violation));
        assertEquals(200, removed.status(), removed.body());
        TestEngine.Reply applied = SittingRegulationTest.apply(first, "st3");
        assertEquals(201, applied.status(), applied.body());
        assertEquals(
                200,
                post(
                                first + "/postponements/" + applied.json().getString("id") + "/decision",
                                "c1",
                                new JsonObject().put("allowed", true))
                        .status());
        assertEquals(200, post(first + "/close", "sec1", null).status());

        String later = create(
                "Защита-" + language + "-2",
                language,
                today.toString(),
                new JsonObject().put("id", "st3").put("carriedFrom", first));
        SittingRegulationTest.checks(later, "st3");
        SittingRegulationTest.answerAndScore(later, "st3");
        TestEngine.Reply confirmed = post(later + "/students/st3/confirm", "c1", null);
        assertEquals(200, confirmed.status(), confirmed.body());
        JsonObject result = confirmed.json().getJsonObject("result");
        String grade = result.getString("letter") + " " + SittingProtocol.points(result.getDouble("points"));

        JsonObject stored = new JsonObject(SittingRegulationTest.stored(first));
        JsonObject removal =
                stored.getJsonObject("progress").getJsonObject("st1").getJsonObject("removal");
        JsonObject move = stored.getJsonArray("reschedules").getJsonObject(0);
        String published = stored.getJsonObject("progress")
                .getJsonObject("st3")
                .getJsonObject("replacedBy")
                .getString("publishedAt");

        String p = protocol(first);
        // 6.15.6: the move, from which day to which, who, when and why
        assertTrue(p.contains(m.get("label.rescheduled")), language + ": " + p);
        String moved = m.format(
                "protocol.rescheduled",
                m.date(today.minusDays(1)),
                m.date(today),
                "Administrator", // the administrator's name (TestEngine)
                hhmm(move.getString("at")),
                why);
        assertTrue(p.contains(moved), language + ": lacks " + moved + "\n" + p);
        // 6.14: who removed, when, why, an unexcused absence graded F; the state in words
        String removedLine = m.format("protocol.removed", "sec1", hhmm(removal.getString("at")), violation);
        assertTrue(p.contains(removedLine), language + ": lacks " + removedLine + "\n" + p);
        assertTrue(p.contains(m.get("state.removed")), p);
        // 6.15.3: the I of the earlier sitting cleared by the later result, naming that sitting and its day
        String cleared =
                m.format("protocol.clearedBy", "Защита-" + language + "-2", m.date(today), grade, hhmm(published));
        assertTrue(p.contains(cleared), language + ": lacks " + cleared + "\n" + p);
        // 6.15.1: no ticket column, no ticket line in a defence
        assertFalse(
                p.contains(kz.emtihan.sitting.documents.ProtocolInterventionsTest.ticketWord(m)),
                language + ": a defence has no ticket column\n" + p);
        assertFalse(
                p.contains(m.format("times.confirmed", hhmm(removal.getString("at")))), "a removal is no confirmation");
        assertFalse(p.contains(m.get("draw.label")), p);

        String q = protocol(later);
        String carried = m.format("protocol.carriedFrom", earlierTitle, m.date(today));
        assertTrue(q.contains(carried), language + ": lacks " + carried + "\n" + q);
        assertFalse(q.contains(m.get("label.rescheduled")), "the later sitting was never moved: " + q);
        assertFalse(q.contains(kz.emtihan.sitting.documents.ProtocolInterventionsTest.ticketWord(m)), q);
        assertFalse(q.contains(first), "the earlier sitting by its title, not its id: " + q);
        CodeWords.assertNone(p, language);
        CodeWords.assertNone(q, language);
    }
}
