package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import kz.emtihan.TestEngine;
import kz.emtihan.sitting.model.TicketDraw;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 5 through the API: a whole sitting (6.15.6), a technical failure (6.15.2) and appeals (6.15.4-6.15.5). */
class SittingFlowTest {
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("commission", "c1", "m1", "m2", "ac1", "ad1");
        app.users("secretary", "sec1");
        app.users("student", "st1", "st2", "st3");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /**
     * An engine with this class's people and outsiders to them (c9, sec9, exp9, st9: on no sitting), which this class's
     * helpers then use; for the tests that drive sittings in and out of order.
     */
    static TestEngine startWithOutsiders() {
        app = TestEngine.start();
        app.users("commission", "c1", "m1", "m2", "ac1", "ad1", "c9");
        app.users("secretary", "sec1", "sec9");
        app.users("expert", "exp9");
        app.users("student", "st1", "st2", "st3", "st9");
        return app;
    }

    static JsonObject sitting() {
        return SittingBodies.body(
                "comprehensive-exam",
                "Information systems — comprehensive exam",
                kz.emtihan.sitting.SittingDays.today(),
                "kk",
                "st1",
                "st2",
                "st3");
    }

    static JsonArray tickets() {
        JsonArray t = new JsonArray();
        for (int n = 1; n <= 5; n++)
            t.add(new JsonObject()
                    .put("number", n)
                    .put(
                            "questions",
                            new JsonArray().add("Question " + n + ".1").add("Question " + n + ".2")));
        return t;
    }

    static TestEngine.Reply post(String path, String user, JsonObject body) {
        return app.post("/api/v1/sittings/" + path, app.loginAs(user), body);
    }

    /** Admitted, identified and checked (6.15.6): ready for the draw. */
    static void toPreparation(String id, String student) {
        SittingChecks.checked(app, id, student, "sec1");
    }

    /** 6.15.6: the secretary's photos of the checks (a real JPEG from the shared fixtures). */
    static void photos(String id, String student, String... kinds) {
        SittingChecks.photos(app, id, student, "sec1", kinds);
    }

    @Test
    void aWholeSittingWithAFailureAndAppeals() throws Exception {
        String admin = app.admin();
        TestEngine.Reply bad = app.post(
                "/api/v1/sittings", admin, sitting().put("kind", "quiz").put("students", new JsonArray()));
        assertEquals(400, bad.status());
        assertEquals(2, bad.json().getJsonArray("problems").size(), bad.body());
        assertEquals(
                403,
                app.post("/api/v1/sittings", app.loginAs("sec1"), sitting()).status());
        String id = app.post("/api/v1/sittings", admin, sitting()).json().getString("id");
        TestEngine.Reply badTickets = app.put(
                "/api/v1/sittings/" + id + "/tickets",
                admin,
                new JsonArray()
                        .add(new JsonObject().put("number", 1).put("questions", new JsonArray()))
                        .add(new JsonObject().put("number", 1)));
        assertEquals(2, badTickets.json().getJsonArray("problems").size(), badTickets.body());
        TestEngine.Reply badCsv = app.send(
                "PUT",
                "/api/v1/sittings/" + id + "/tickets",
                admin,
                "text/csv",
                "number,question\n1,What is a key?\nx,Bad number\n2,\n".getBytes());
        assertEquals(
                java.util.List.of(3L, 4L),
                badCsv.json().getJsonArray("problems").stream()
                        .map(p -> ((JsonObject) p).getLong("line"))
                        .toList(),
                "each bad row by its line: " + badCsv.body());
        TestEngine.Reply csv = app.send(
                "PUT",
                "/api/v1/sittings/" + id + "/tickets",
                admin,
                "text/csv",
                "number,question\n1,What is a key?\n1,Normalise this table\n2,What is an index?\n".getBytes());
        assertEquals(2, csv.json().getInteger("tickets"), csv.body());
        assertEquals(
                5,
                app.put("/api/v1/sittings/" + id + "/tickets", app.loginAs("sec1"), tickets())
                        .json()
                        .getInteger("tickets"));

        JsonObject asStudent =
                app.get("/api/v1/sittings/" + id, app.loginAs("st1")).json();
        assertEquals(new JsonArray().add("st1"), asStudent.getJsonArray("students"), "a student sees only themself");
        assertTrue(!asStudent.containsKey("tickets"), "nor the tickets");
        String commitment = asStudent.getString("commitment");
        assertEquals(
                20,
                asStudent.getJsonObject("rules").getInteger("preparationMinutes"),
                "the pages show the configured limits");
        assertEquals(100, asStudent.getJsonObject("rules").getInteger("maxScore"));
        assertEquals(64, commitment.length(), "the draw's commitment is public before any draw");

        kz.emtihan.TestSocket secretaryPage = kz.emtihan.TestSocket.open(app, app.loginAs("sec1"));
        secretaryPage.next("time");
        secretaryPage.send(new JsonObject().put("type", "sitting").put("sittingId", id));
        secretaryPage.next("following-sitting");
        kz.emtihan.TestSocket outsider = kz.emtihan.TestSocket.open(app, app.loginAs("m1"));
        outsider.next("time");
        outsider.send(new JsonObject().put("type", "sitting").put("sittingId", "s-nope"));
        assertEquals("forbidden", outsider.next("error").getString("error"));
        outsider.close();

        // st1: the order of the steps is enforced, each by its role
        assertEquals("wrong-order", post(id + "/students/st1/draw", "c1", null).error());
        assertEquals(403, post(id + "/students/st1/admit", "m1", null).status());
        assertEquals(200, post(id + "/students/st1/admit", "sec1", null).status());
        assertEquals(
                "admitted",
                secretaryPage.next("sitting").getString("change"),
                "every page of the sitting hears of each change");
        secretaryPage.close();
        assertEquals(
                "photo-missing",
                post(id + "/students/st1/identity", "sec1", new JsonObject().put("confirmed", true))
                        .error(),
                "6.15.6: no identity check without the photos beside each other");
        photos(id, "st1", "id-card", "identity");
        assertEquals(
                200,
                post(id + "/students/st1/identity", "sec1", new JsonObject().put("confirmed", true))
                        .status());
        photos(id, "st1", "room");
        assertEquals(
                "checklist",
                post(
                                id + "/students/st1/room",
                                "sec1",
                                new JsonObject().put("checklist", new JsonObject().put("desk-clear", true)))
                        .error());
        toRoom(id);
        assertEquals(403, post(id + "/students/st1/draw", "sec1", null).status(), "the chair starts the draw");
        int ticket = post(id + "/students/st1/draw", "c1", new JsonObject().put("word", "almaty"))
                .json()
                .getInteger("ticket");
        JsonObject mine = app.get("/api/v1/sittings/" + id, app.loginAs("st1"))
                .json()
                .getJsonObject("progress")
                .getJsonObject("st1");
        assertEquals(
                "Question " + ticket + ".1",
                mine.getJsonArray("questions").getString(0),
                "the ticket's questions appear");

        JsonObject prep = post(id + "/students/st1/phase", "sec1", new JsonObject().put("action", "start-preparation"))
                .json();
        assertEquals("PREPARATION", prep.getJsonObject("phase").getString("phase"));
        Instant deadline = Instant.parse(prep.getJsonObject("phase").getString("deadline"));
        Instant started = Instant.parse(prep.getJsonObject("phase").getString("preparationStarted"));
        assertEquals(
                Duration.ofMinutes(20), Duration.between(started, deadline), "6.15.6: preparation up to 20 minutes");
        assertEquals(
                200,
                post(id + "/students/st1/phase", "sec1", new JsonObject().put("action", "end-preparation"))
                        .status());
        TestEngine.Reply early = post(id + "/students/st1/phase", "sec1", new JsonObject().put("action", "end-answer"));
        assertEquals(409, early.status());
        assertTrue(
                early.json().getString("message").contains("reason"),
                "ending the answer before 10 minutes needs a reason: " + early.body());
        assertEquals(
                200,
                post(
                                id + "/students/st1/phase",
                                "sec1",
                                new JsonObject()
                                        .put("action", "end-answer")
                                        .put("reason", "the student finished the answer"))
                        .status());

        // independent scores, hidden until all have scored; the chair confirms; the student sees it at once
        assertEquals(
                200,
                app.put(
                                "/api/v1/sittings/" + id + "/students/st1/score",
                                app.loginAs("m1"),
                                new JsonObject().put("points", 80))
                        .status());
        JsonObject seenByM2 = app.get("/api/v1/sittings/" + id, app.loginAs("m2"))
                .json()
                .getJsonObject("progress")
                .getJsonObject("st1");
        assertEquals(new JsonObject(), seenByM2.getJsonObject("scores"), "m2 does not see m1's score yet");
        assertEquals(new JsonArray().add("m1"), seenByM2.getJsonArray("scored"));
        assertEquals(
                403,
                app.put(
                                "/api/v1/sittings/" + id + "/students/st1/score",
                                app.loginAs("st1"),
                                new JsonObject().put("points", 100))
                        .status());
        assertEquals(
                400,
                app.put(
                                "/api/v1/sittings/" + id + "/students/st1/score",
                                app.loginAs("m2"),
                                new JsonObject().put("points", 101))
                        .status());
        assertEquals(
                "wrong-order", post(id + "/students/st1/confirm", "c1", null).error(), "not before all have scored");
        app.put(
                "/api/v1/sittings/" + id + "/students/st1/score",
                app.loginAs("m2"),
                new JsonObject().put("points", 85));
        app.put(
                "/api/v1/sittings/" + id + "/students/st1/score",
                app.loginAs("c1"),
                new JsonObject().put("points", 90));
        assertEquals(
                3,
                app.get("/api/v1/sittings/" + id, app.loginAs("m2"))
                        .json()
                        .getJsonObject("progress")
                        .getJsonObject("st1")
                        .getJsonObject("scores")
                        .size(),
                "all scores are visible once all have scored");
        assertEquals(403, post(id + "/students/st1/confirm", "m1", null).status());
        JsonObject graded = post(id + "/students/st1/confirm", "c1", null).json();
        assertEquals("B+", graded.getJsonObject("result").getString("letter"), "mean 85 → B+ on the configured scale");
        JsonObject result = app.get("/api/v1/sittings/" + id, app.loginAs("st1"))
                .json()
                .getJsonObject("progress")
                .getJsonObject("st1");
        assertEquals("B+", result.getJsonObject("result").getString("letter"));
        assertEquals(
                new JsonObject(),
                result.getJsonObject("scores"),
                "members' individual scores are not shown to the student");

        // st2: a technical failure during preparation; the commission decides collegially
        toPreparation(id, "st2");
        int ticket2 = post(id + "/students/st2/draw", "c1", null).json().getInteger("ticket");
        assertNotEquals(ticket, ticket2, "no ticket twice in a sitting");
        post(id + "/students/st2/phase", "sec1", new JsonObject().put("action", "start-preparation"));
        assertEquals(
                403,
                post(
                                id + "/acts",
                                "m1",
                                new JsonObject().put("studentId", "st2").put("description", "x"))
                        .status());
        TestEngine.Reply act = post(
                id + "/acts",
                "sec1",
                new JsonObject().put("studentId", "st2").put("description", "the student's connection dropped"));
        assertEquals(201, act.status(), act.body());
        assertEquals("PREPARATION", act.json().getString("stage"));
        assertEquals(ticket2, act.json().getInteger("ticket"));
        String actId = act.json().getString("id");
        assertTrue(
                app.get("/api/v1/sittings/" + id, app.loginAs("m2"))
                        .json()
                        .getJsonArray("acts")
                        .encode()
                        .contains(actId),
                "members have the act");
        app.put(
                "/api/v1/sittings/" + id + "/acts/" + actId + "/vote",
                app.loginAs("m1"),
                new JsonObject().put("choice", "same-day"));
        app.put(
                "/api/v1/sittings/" + id + "/acts/" + actId + "/vote",
                app.loginAs("m2"),
                new JsonObject().put("choice", "refuse"));
        JsonObject decided = app.put(
                        "/api/v1/sittings/" + id + "/acts/" + actId + "/vote",
                        app.loginAs("c1"),
                        new JsonObject().put("choice", "same-day"))
                .json();
        assertEquals("SAME_DAY", decided.getJsonObject("decision").getString("choice"));
        assertEquals(
                "DRAW",
                decided.getJsonObject("decision").getString("ticket"),
                "questions seen in preparation: a new draw");
        JsonObject st2 = app.get("/api/v1/sittings/" + id, app.loginAs("sec1"))
                .json()
                .getJsonObject("progress")
                .getJsonObject("st2");
        assertEquals("new-time", st2.getString("status"));
        assertTrue(!st2.containsKey("ticket"), "the ticket is drawn again");

        // st3 cannot sit remotely and applies with a scan; the chair allows it: "I" until 10 July (6.15.3)
        JsonObject scan = new JsonObject()
                .put("contentType", "application/pdf")
                .put("base64", java.util.Base64.getEncoder().encodeToString("%PDF-1.4 certificate".getBytes()));
        assertEquals(
                "bad-document",
                post(id + "/postponements", "st3", new JsonObject().put("reason", "in hospital"))
                        .error());
        TestEngine.Reply applied = post(
                id + "/postponements",
                "st3",
                new JsonObject().put("reason", "in hospital").put("document", scan));
        assertEquals(201, applied.status(), applied.body());
        String pid = applied.json().getString("id");
        assertEquals(
                403,
                post(id + "/postponements/" + pid + "/decision", "m1", new JsonObject().put("allowed", true))
                        .status());
        assertEquals(
                200,
                post(id + "/postponements/" + pid + "/decision", "c1", new JsonObject().put("allowed", true))
                        .status());
        assertEquals(
                "%PDF-1.4 certificate",
                new String(app.getBytes(
                        "/api/v1/sittings/" + id + "/postponements/" + pid + "/document", app.loginAs("c1"))));
        JsonObject standing = app.get("/api/v1/sittings/" + id, app.loginAs("st3"))
                .json()
                .getJsonObject("progress")
                .getJsonObject("st3")
                .getJsonObject("standing");
        assertEquals("I", standing.getString("letter"));
        java.time.ZoneId almaty = java.time.ZoneId.of("Asia/Almaty");
        java.time.LocalDate today = java.time.LocalDate.now(almaty);
        java.time.LocalDate july10 = java.time.LocalDate.of(today.getYear(), 7, 10);
        if (july10.isBefore(today)) july10 = july10.plusYears(1);
        assertEquals(
                july10.plusDays(1).atStartOfDay(almaty).toInstant().toString(),
                standing.getString("deadline"),
                "through 10 July in Almaty (config)");
        JsonObject moved = new JsonObject(
                app.redis(Request.cmd(Command.HGET).arg("sitting:" + id).arg("doc"))
                        .toString());
        moved.getJsonObject("progress")
                .getJsonObject("st3")
                .getJsonObject("incomplete")
                .put("deadline", Instant.now().minusSeconds(1).toString());
        app.redis(Request.cmd(Command.HSET).arg("sitting:" + id).arg("doc").arg(moved.encode()));
        assertEquals(
                "F",
                app.get("/api/v1/sittings/" + id, app.loginAs("st3"))
                        .json()
                        .getJsonObject("progress")
                        .getJsonObject("st3")
                        .getJsonObject("standing")
                        .getString("letter"),
                "no result by the deadline: F, without anyone doing anything");

        // closing reveals the seed: every draw can be recomputed
        assertEquals(
                "sitting-open",
                post(id + "/appeals", "st1", new JsonObject().put("reason", "early"))
                        .error(),
                "an appeal follows the sitting");
        assertEquals(200, post(id + "/close", "sec1", null).status());
        JsonObject draws = app.get("/api/v1/sittings/" + id + "/draws", app.loginAs("m2"))
                .json(); // the commission sees every draw
        byte[] seed = TicketDraw.seedFromHex(draws.getString("seed"));
        assertTrue(TicketDraw.matches(commitment, seed), "the revealed seed is the committed one");
        JsonObject published = new JsonObject()
                .put("id", id)
                .put("withReplacement", draws.getBoolean("withReplacement"))
                .put("draws", draws.getJsonArray("draws"))
                .put(
                        "tickets",
                        new JsonArray(draws.getJsonArray("tickets").stream()
                                .map(n -> new JsonObject().put("number", n))
                                .toList()));
        assertEquals(2, published.getJsonArray("draws").size());
        assertEquals(
                java.util.List.of(),
                SittingJson.pool(published).audit(commitment, seed),
                "every recorded draw follows from the published seed, sitting, students and words");

        // appeals: in time, handled by the appeal commission; too late, refused
        TestEngine.Reply appeal = post(
                id + "/appeals",
                "st1",
                new JsonObject().put("reason", "the second question was outside the programme"));
        assertEquals(201, appeal.status(), appeal.body());
        assertEquals("awaiting-meeting", appeal.json().getString("status"));
        String appealId = appeal.json().getString("id");
        JsonObject listed = app.get("/api/v1/sittings/" + id, app.loginAs("st1"))
                .json()
                .getJsonArray("appeals")
                .getJsonObject(0);
        assertEquals("awaiting-meeting", listed.getString("status"), "the sitting shows where each appeal stands");
        assertEquals(false, listed.getBoolean("overdue"));
        assertTrue(listed.containsKey("meetingDeadline"));
        assertEquals(
                403, post(id + "/appeals/" + appealId + "/meeting", "c1", null).status());
        assertEquals(
                200, post(id + "/appeals/" + appealId + "/meeting", "ad1", null).status());
        // 6.15.5, 5.28: a letter the scale does not have is refused and nothing changes
        TestEngine.Reply unknown = post(
                id + "/appeals/" + appealId + "/decision",
                "ac1",
                new JsonObject().put("decision", "changed").put("letter", "Z"));
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("bad-field", unknown.error());
        JsonObject decision = post(
                        id + "/appeals/" + appealId + "/decision",
                        "ac1",
                        new JsonObject().put("decision", "changed").put("letter", "A-"))
                .json();
        assertEquals("closed", decision.getString("status"));
        assertEquals("B+", decision.getString("gradeBefore"));
        assertEquals(
                "A-",
                app.get("/api/v1/sittings/" + id, app.loginAs("st1"))
                        .json()
                        .getJsonObject("progress")
                        .getJsonObject("st1")
                        .getJsonObject("result")
                        .getString("letter"),
                "the student sees the changed grade");
        JsonObject changed = app.get("/api/v1/sittings/" + id, app.loginAs("st1"))
                .json()
                .getJsonObject("progress")
                .getJsonObject("st1")
                .getJsonObject("result");
        assertEquals(3.67, changed.getDouble("gpa"), 1e-9, "the GPA of A-, not the B+'s: " + changed);
        assertEquals(90.0, changed.getDouble("percent"), 1e-9, "the points moved into A-: " + changed);

        // the papers, in the sitting's language (Kazakh here), with people by name
        JsonArray renamed = new JsonArray()
                .add(new JsonObject()
                        .put("id", "st1")
                        .put("name", "Айгерім Сәдуақасова")
                        .put("roles", new JsonArray().add("student")))
                .add(new JsonObject()
                        .put("id", "c1")
                        .put("name", "Ерлан Жақсылықов")
                        .put("roles", new JsonArray().add("commission")));
        assertEquals(200, app.post("/api/v1/users", app.admin(), renamed).status());
        String protocol = pdfText("/api/v1/sittings/" + id + "/protocol.pdf", "sec1");
        assertTrue(
                protocol.contains("Айгерім Сәдуақасова")
                        && protocol.contains("A-")
                        && protocol.contains(String.valueOf(ticket)),
                protocol);
        assertTrue(protocol.contains("Ерлан Жақсылықов"), "the chair by name: " + protocol);
        assertTrue(
                protocol.contains("хаттама") || protocol.contains("Хаттама") || protocol.contains("ХАТТАМА"),
                "in Kazakh: " + protocol);
        assertEquals(
                403,
                app.send("GET", "/api/v1/sittings/" + id + "/protocol.pdf", app.loginAs("st1"), null, null)
                        .status());
        String actPaper = pdfText("/api/v1/sittings/" + id + "/acts/" + actId + "/pdf", "st2");
        assertTrue(
                actPaper.contains("the student's connection dropped") && actPaper.contains("сол күні басқа уақытта"),
                actPaper);
        String appealPaper = pdfText("/api/v1/sittings/" + id + "/appeals/" + appealId + "/pdf", "ac1");
        assertTrue(appealPaper.contains("B+") && appealPaper.contains("A-"), appealPaper);

        // 49 hours later (the stored end moved back, as an operator could): too late
        JsonObject doc = new JsonObject(
                app.redis(Request.cmd(Command.HGET).arg("sitting:" + id).arg("doc"))
                        .toString());
        doc.put("endedAt", Instant.now().minus(Duration.ofHours(49)).toString());
        app.redis(Request.cmd(Command.HSET).arg("sitting:" + id).arg("doc").arg(doc.encode()));
        TestEngine.Reply late = post(id + "/appeals", "st3", new JsonObject().put("reason", "I disagree"));
        assertEquals(409, late.status());
        assertEquals("appeal-late", late.error());
    }

    static String pdfText(String path, String user) throws java.io.IOException {
        byte[] pdf = app.getBytes(path, app.loginAs(user));
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private static void toRoom(String id) {
        JsonObject all = new JsonObject();
        for (String item : SittingSteps.ROOM_CHECKLIST) all.put(item, true);
        assertEquals(
                200,
                post(id + "/students/st1/room", "sec1", new JsonObject().put("checklist", all))
                        .status());
    }
}
