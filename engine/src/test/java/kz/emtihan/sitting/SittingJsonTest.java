package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import kz.emtihan.sitting.model.PhaseLimits;
import kz.emtihan.sitting.model.Sitting;
import kz.emtihan.sitting.model.SittingRole;
import kz.emtihan.sitting.model.StudentState;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the stored document is read into the typed sitting and written back at one edge (SittingJson), in the form
 * it always had, so stored sittings and replace-sitting.lua keep working: what the aggregate does not own stays as it
 * was, what a transition changes is written as the services wrote it before. Pure, no Redis.
 */
class SittingJsonTest {
    static final PhaseLimits LIMITS = PhaseLimits.ofMinutes(20, 10, 15);
    static final Instant NOW = Instant.parse("2026-06-10T09:30:00Z");

    /** A document as the engine stores it, with the parts the aggregate leaves to other services. */
    static JsonObject stored() {
        JsonObject st1 = new JsonObject()
                .put("status", "admitted")
                .put("scores", new JsonObject())
                .put("admittedAt", "2026-06-10T09:00:00Z")
                .put("updatedAt", "2026-06-10T09:00:00Z")
                .put(
                        "photos",
                        new JsonObject()
                                .put(
                                        "id-card",
                                        new JsonObject()
                                                .put("at", "2026-06-10T09:01:00Z")
                                                .put("by", "st1"))
                                .put(
                                        "identity",
                                        new JsonObject()
                                                .put("at", "2026-06-10T09:02:00Z")
                                                .put("by", "sec"))
                                .put(
                                        "room",
                                        new JsonObject()
                                                .put("at", "2026-06-10T09:03:00Z")
                                                .put("by", "sec")))
                .put("history", new JsonArray().add(new JsonObject().put("act", "act-1")));
        return new JsonObject()
                .put("id", "s-1")
                .put("kind", "comprehensive-exam")
                .put("title", "Final")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "chair")
                                .put("secretary", "sec")
                                .put("members", new JsonArray().add("chair").add("m1")))
                .put(
                        "appealCommission",
                        new JsonObject().put("chair", "ac").put("deputy", "ad").put("members", new JsonArray()))
                .put("students", new JsonArray().add("st1").add("st2"))
                .put(
                        "tickets",
                        new JsonArray()
                                .add(new JsonObject().put("number", 1).put("questions", new JsonArray().add("q1")))
                                .add(new JsonObject().put("number", 2).put("questions", new JsonArray().add("q2"))))
                .put("commitment", "ab")
                .put("withReplacement", false)
                .put("draws", new JsonArray())
                .put("progress", new JsonObject().put("st1", st1))
                .put("acts", new JsonArray().add(new JsonObject().put("id", "act-1")))
                .put("appeals", new JsonArray())
                .put(
                        "postponements",
                        new JsonArray().add(new JsonObject().put("id", "pp-1").put("studentId", "st2")))
                .put("recordings", new JsonArray().add(new JsonObject().put("uri", "file:///r.webm")));
    }

    @Test
    void readingAndWritingWithoutAChangeLeavesTheDocumentAsItWas() {
        JsonObject doc = stored();
        Sitting s = SittingJson.read(doc, LIMITS);
        assertEquals(stored(), SittingJson.write(s, s, doc.copy()));
        assertTrue(s.postponements().get(0).awaiting(), "pp-1 awaits the chair");
        assertEquals("st2", s.postponements().get(0).studentId());
        assertEquals(
                Set.of("id-card", "identity", "room"),
                s.records().get("st1").photos().keySet());
        assertEquals(StudentState.ADMITTED, s.stateOf("st1", NOW));
        assertEquals(StudentState.WAITING, s.stateOf("st2", NOW), "no progress yet: waiting");
        assertEquals(SittingRole.MEMBER, s.roleOf("m1").orElseThrow());
        assertEquals(SittingRole.APPEAL_DEPUTY, s.roleOf("ad").orElseThrow());
    }

    @Test
    void aTransitionWritesWhatItChangedInTheFormTheServicesAlwaysWrote() {
        JsonObject doc = stored();
        Sitting before = SittingJson.read(doc, LIMITS);
        Sitting after = before.identify("st1", "sec", true, "ok", NOW)
                .checkRoom("st1", "sec", Set.copyOf(Sitting.ROOM_CHECKLIST), NOW)
                .draw("st1", new byte[32], "word", NOW);
        JsonObject written = SittingJson.write(before, after, doc);
        JsonObject p = written.getJsonObject("progress").getJsonObject("st1");
        assertEquals("drawn", p.getString("status"));
        assertEquals(
                new JsonObject().put("by", "sec").put("at", NOW.toString()).put("note", "ok"),
                p.getJsonObject("identity"));
        assertEquals(4, p.getJsonObject("room").getJsonObject("checklist").size());
        assertEquals(NOW.toString(), p.getString("updatedAt"));
        int ticket = p.getInteger("ticket");
        assertEquals(
                new JsonArray()
                        .add(new JsonObject()
                                .put("drawNumber", 1)
                                .put("studentId", "st1")
                                .put("word", "word")
                                .put("ticket", ticket)
                                .put("at", NOW.toString())),
                written.getJsonArray("draws"));
        assertEquals(
                stored().getJsonObject("progress").getJsonObject("st1").getJsonObject("photos"),
                p.getJsonObject("photos"));
        assertEquals(new JsonArray().add(new JsonObject().put("act", "act-1")), p.getJsonArray("history"));
        assertEquals(stored().getJsonArray("acts"), written.getJsonArray("acts"), "what the aggregate does not own");
        assertFalse(written.getJsonObject("progress").containsKey("st2"), "an untouched student is not written");
        assertEquals(after, SittingJson.read(written, LIMITS), "what is written reads back as the same sitting");
    }

    @Test
    void aRecordingIsAddedBesideTheOnesKeptAsTheyWere() { // 6.15.1
        JsonObject doc = stored();
        Sitting before = SittingJson.read(doc, LIMITS);
        Sitting after = before.recorded(new kz.emtihan.sitting.model.Recording(
                "chair", "chair", "p-1", "file:///c.webm", java.util.Optional.of(NOW)));
        JsonArray recordings = SittingJson.write(before, after, doc).getJsonArray("recordings");
        assertEquals(
                new JsonArray()
                        .add(new JsonObject().put("uri", "file:///r.webm"))
                        .add(new JsonObject()
                                .put("userId", "chair")
                                .put("role", "chair")
                                .put("peer", "p-1")
                                .put("uri", "file:///c.webm")
                                .put("at", NOW.toString())),
                recordings);
    }

    @Test
    void aListEntryTheAggregateCannotReadStaysInItsPlaceWhileTheOthersChange() {
        JsonObject doc = stored();
        JsonObject odd =
                new JsonObject().put("id", "ap-1").put("studentId", "st1").put("filedAt", "last week");
        doc.put("appeals", new JsonArray().add(odd.copy()));
        Sitting before = SittingJson.read(doc, LIMITS);
        assertEquals(java.util.List.of(), before.appeals(), "not readable: not in the aggregate");
        Instant until = Instant.parse("2026-07-10T18:59:59Z");
        Sitting after = before.decidePostponement("pp-1", true, "", "chair", until, NOW);
        JsonObject written = SittingJson.write(before, after, doc);
        assertEquals(new JsonArray().add(odd), written.getJsonArray("appeals"));
        JsonObject pp = written.getJsonArray("postponements").getJsonObject(0);
        assertEquals("st2", pp.getString("studentId"));
        assertEquals(true, pp.getBoolean("allowed"));
        assertEquals("chair", pp.getString("decidedBy"));
        assertEquals(
                until.toString(),
                written.getJsonObject("progress")
                        .getJsonObject("st2")
                        .getJsonObject("incomplete")
                        .getString("deadline"));
    }

    @Test
    void aDocumentEditedByHandIsReadAsFarAsItGoes() {
        JsonObject doc = stored();
        doc.getJsonObject("progress")
                .put("st2", new JsonObject().put("status", "drawn").put("admittedAt", "yesterday"));
        doc.getJsonObject("progress").getJsonObject("st1").put("status", "done"); // before issue 10: answered
        Sitting s = SittingJson.read(doc, LIMITS);
        assertTrue(s.unreadable().containsKey("st2"), s.unreadable().toString());
        assertEquals(StudentState.ANSWERED, s.stateOf("st1", NOW));
        assertEquals("score", s.next("st1", NOW));
    }
}
