package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import kz.emtihan.sitting.model.TicketDraw;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 5 and the sitting's part of item 3, as an attacker would try them through the API: the order of the
 * steps (6.15-6.15.6) holds whoever calls, a colleague who is not on the sitting is refused with 403 on every
 * operation, and a student sees only their own ticket.
 */
class SittingOrderTest {
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = SittingFlowTest.startWithOutsiders();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String newSitting() {
        String id = app.post("/api/v1/sittings", app.admin(), SittingFlowTest.sitting())
                .json()
                .getString("id");
        assertEquals(
                200,
                app.put("/api/v1/sittings/" + id + "/tickets", app.loginAs("sec1"), SittingFlowTest.tickets())
                        .status());
        return id;
    }

    static TestEngine.Reply post(String path, String user, JsonObject body) {
        return SittingFlowTest.post(path, user, body);
    }

    static TestEngine.Reply score(String id, String student, String member, int points) {
        return app.put(
                "/api/v1/sittings/" + id + "/students/" + student + "/score",
                app.loginAs(member),
                new JsonObject().put("points", points));
    }

    static String stored(String id) {
        return app.redis(Request.cmd(Command.HGET).arg("sitting:" + id).arg("doc"))
                .toString();
    }

    static void refusedUnchanged(TestEngine.Reply r, int status, String code, String id, String before) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.error(), r.body());
        assertEquals(before, stored(id), "a refusal changes nothing");
    }

    /** Admitted, identified, checked, drawn; then preparation and answer ended early by the secretary (6.15.6). */
    static void toAnswered(String id, String student) {
        SittingFlowTest.toPreparation(id, student);
        assertEquals(
                200, post(id + "/students/" + student + "/draw", "c1", null).status());
        assertEquals(
                200,
                post(
                                id + "/students/" + student + "/phase",
                                "sec1",
                                new JsonObject().put("action", "start-preparation"))
                        .status());
        assertEquals(
                200,
                post(id + "/students/" + student + "/phase", "sec1", new JsonObject().put("action", "end-preparation"))
                        .status());
        assertEquals(
                200,
                post(
                                id + "/students/" + student + "/phase",
                                "sec1",
                                new JsonObject().put("action", "end-answer").put("reason", "the student finished"))
                        .status());
    }

    static void toGraded(String id, String student) {
        toAnswered(id, student);
        for (String m : List.of("m1", "m2", "c1"))
            assertEquals(200, score(id, student, m, 70).status());
        assertEquals(
                200, post(id + "/students/" + student + "/confirm", "c1", null).status());
    }

    @Test
    void noScoreNorConfirmationRightAfterTheDrawNorDuringTheExam() { // 6.15.6, as reproduced on the demo
        String id = newSitting();
        SittingFlowTest.toPreparation(id, "st1");
        assertEquals(200, post(id + "/students/st1/draw", "c1", null).status());
        String before = stored(id);
        refusedUnchanged(score(id, "st1", "m1", 90), 409, "wrong-order", id, before);
        refusedUnchanged(post(id + "/students/st1/confirm", "c1", null), 409, "wrong-order", id, before);
        assertEquals(
                200,
                post(id + "/students/st1/phase", "sec1", new JsonObject().put("action", "start-preparation"))
                        .status());
        before = stored(id);
        refusedUnchanged(score(id, "st1", "m1", 90), 409, "wrong-order", id, before);
        assertEquals(
                200,
                post(id + "/students/st1/phase", "sec1", new JsonObject().put("action", "end-preparation"))
                        .status());
        before = stored(id);
        refusedUnchanged(score(id, "st1", "m1", 90), 409, "wrong-order", id, before);
        assertEquals(
                200,
                post(
                                id + "/students/st1/phase",
                                "sec1",
                                new JsonObject().put("action", "end-answer").put("reason", "finished"))
                        .status());
        assertEquals(200, score(id, "st1", "m1", 90).status(), "after the answer the members score");
        assertEquals(
                "scored",
                app.get("/api/v1/sittings/" + id, app.loginAs("sec1"))
                        .json()
                        .getJsonObject("progress")
                        .getJsonObject("st1")
                        .getString("status"));
    }

    @Test
    void afterAPublishedResultNoActNorPhaseAndTheSittingStaysReadable() { // 6.15.2, 6.15.6
        String id = newSitting();
        toGraded(id, "st1");
        String before = stored(id);
        refusedUnchanged(
                post(
                        id + "/acts",
                        "sec1",
                        new JsonObject().put("studentId", "st1").put("description", "the connection dropped")),
                409,
                "wrong-order",
                id,
                before);
        for (String action : List.of("start-preparation", "end-preparation", "end-answer")) {
            refusedUnchanged(
                    post(
                            id + "/students/st1/phase",
                            "sec1",
                            new JsonObject().put("action", action).put("reason", "x")),
                    409,
                    "wrong-order",
                    id,
                    before);
        }
        refusedUnchanged(score(id, "st1", "m1", 10), 409, "wrong-order", id, before);
        refusedUnchanged(post(id + "/students/st1/draw", "c1", null), 409, "wrong-order", id, before);
        for (String who : List.of("sec1", "c1", "m1", "m2", "ac1", "st1")) {
            TestEngine.Reply view = app.get("/api/v1/sittings/" + id, app.loginAs(who));
            assertEquals(200, view.status(), who + ": " + view.body());
            assertEquals(
                    "graded",
                    view.json().getJsonObject("progress").getJsonObject("st1").getString("status"));
        }
    }

    @Test
    void aDocumentLeftBrokenByTheOldBugIsStillReadable() { // issue 10: an act after the result used to leave this
        // behind
        String id = newSitting();
        toGraded(id, "st1");
        JsonObject doc = new JsonObject(stored(id));
        doc.getJsonObject("progress")
                .getJsonObject("st1")
                .put("scores", new JsonObject())
                .put("status", "new-time")
                .remove("phase");
        app.redis(Request.cmd(Command.HSET).arg("sitting:" + id).arg("doc").arg(doc.encode()));
        for (String who : List.of("sec1", "c1", "m1", "st1")) {
            TestEngine.Reply view = app.get("/api/v1/sittings/" + id, app.loginAs(who));
            assertEquals(200, view.status(), who + ": " + view.body());
        }
        assertEquals(
                200,
                app.get("/api/v1/sittings/" + id + "/protocol.pdf", app.loginAs("sec1"))
                        .status());
        TestEngine.Reply next = post(id + "/students/st1/draw", "c1", null);
        assertTrue(next.status() < 500, next.body());
    }

    @Test
    void aScoredOrPostponedStudentTakesNoFurtherStepsOutOfOrder() { // 6.15.3
        String id = newSitting();
        byte[] pdf = "%PDF-1.4 certificate".getBytes();
        JsonObject application = new JsonObject()
                .put("reason", "in hospital")
                .put(
                        "document",
                        new JsonObject()
                                .put("contentType", "application/pdf")
                                .put("base64", Base64.getEncoder().encodeToString(pdf)));
        assertEquals(201, post(id + "/postponements", "st2", application).status());
        assertEquals(
                200,
                post(id + "/postponements/pp-1/decision", "c1", new JsonObject().put("allowed", true))
                        .status());
        String before = stored(id);
        refusedUnchanged(post(id + "/students/st2/admit", "sec1", null), 409, "wrong-order", id, before);
        refusedUnchanged(score(id, "st2", "m1", 50), 409, "wrong-order", id, before);
        refusedUnchanged(
                post(
                        id + "/acts",
                        "sec1",
                        new JsonObject().put("studentId", "st2").put("description", "x")),
                409,
                "wrong-order",
                id,
                before);

        toAnswered(id, "st1"); // an application in the middle of an exam cannot be allowed: it is refused or waits
        assertEquals(409, post(id + "/postponements", "st1", application).status());
    }

    @Test
    void aColleagueWhoIsNotOnTheSittingGets403OnEveryOperation() throws Exception { // issue 10, item 3
        String id = newSitting();
        SittingFlowTest.toPreparation(id, "st1");
        assertEquals(200, post(id + "/students/st1/draw", "c1", null).status());
        assertEquals(
                201,
                post(
                                id + "/acts",
                                "sec1",
                                new JsonObject().put("studentId", "st1").put("description", "dropped"))
                        .status());
        JsonObject application = new JsonObject()
                .put("reason", "ill")
                .put(
                        "document",
                        new JsonObject()
                                .put("contentType", "application/pdf")
                                .put("base64", Base64.getEncoder().encodeToString("%PDF-1.4".getBytes())));
        assertEquals(201, post(id + "/postponements", "st3", application).status());
        String before = stored(id);
        String s = "/api/v1/sittings/" + id;
        JsonObject checklist = new JsonObject();
        SittingSteps.ROOM_CHECKLIST.forEach(i -> checklist.put(i, true));
        Object[][] ops = {
            {"GET", s, null},
            {"GET", s + "/draws", null},
            {"PUT", s + "/tickets", SittingFlowTest.tickets()},
            {"POST", s + "/close", null},
            {"POST", s + "/students/st2/admit", null},
            {"POST", s + "/students/st2/identity", new JsonObject().put("confirmed", true)},
            {"POST", s + "/students/st2/room", new JsonObject().put("checklist", checklist)},
            {"POST", s + "/students/st2/draw", new JsonObject()},
            {"POST", s + "/students/st1/phase", new JsonObject().put("action", "start-preparation")},
            {"PUT", s + "/students/st1/score", new JsonObject().put("points", 50)},
            {"POST", s + "/students/st1/confirm", null},
            {"GET", s + "/students/st1/photos/id-card", null},
            {"GET", s + "/students/st1/photos/enrolment", null},
            {"POST", s + "/acts", new JsonObject().put("studentId", "st1").put("description", "x")},
            {"PUT", s + "/acts/act-1/vote", new JsonObject().put("choice", "same-day")},
            {"GET", s + "/acts/act-1/pdf", null},
            {"POST", s + "/appeals", new JsonObject().put("reason", "unfair")},
            {"POST", s + "/appeals/ap-1/meeting", new JsonObject()},
            {"POST", s + "/appeals/ap-1/decision", new JsonObject().put("decision", "kept")},
            {"GET", s + "/appeals/ap-1/pdf", null},
            {"POST", s + "/postponements", application},
            {"GET", s + "/postponements/pp-1/document", null},
            {
                "POST",
                s + "/postponements/pp-1/decision",
                new JsonObject().put("allowed", false).put("reason", "no")
            },
            {"GET", s + "/protocol.pdf", null}
        };
        List<String> wrong = new ArrayList<>();
        for (String outsider : List.of("c9", "sec9", "exp9", "st9")) {
            String token = app.loginAs(outsider);
            for (Object[] op : ops) {
                TestEngine.Reply r = app.sendTo(app.base(), (String) op[0], (String) op[1], token, op[2]);
                if (r.status() != 403)
                    wrong.add(outsider + " " + op[0] + " " + op[1] + " → " + r.status() + " " + r.body());
            }
            TestEngine.Reply photo =
                    app.send("PUT", s + "/students/st1/photos/id-card", token, "image/jpeg", SittingRoomTest.FACE);
            if (photo.status() != 403) wrong.add(outsider + " PUT photo → " + photo.status());
            for (Object[] op : ops) { // whatever they send: who may call is settled before the body is read
                if (op[0].equals("GET")) continue;
                TestEngine.Reply broken =
                        app.send((String) op[0], (String) op[1], token, "application/json", "{".getBytes());
                if (broken.status() != 403)
                    wrong.add(outsider + " " + op[0] + " " + op[1] + " with a broken body → " + broken.status() + " "
                            + broken.body());
            }
        }
        // a student of the sitting on the commission's steps, and a member on the secretary's, also with an empty body
        for (String[] call : new String[][] {
            {"st2", "POST", s + "/students/st2/admit"},
            {"st2", "PUT", s + "/students/st2/score"},
            {"st2", "POST", s + "/acts"},
            {"m1", "POST", s + "/students/st2/phase"},
            {"m1", "POST", s + "/postponements/pp-1/decision"},
            {"sec1", "PUT", s + "/acts/act-1/vote"},
            {"c1", "POST", s + "/appeals/ap-1/meeting"},
            {"ac1", "PUT", s + "/students/st1/score"}
        }) {
            TestEngine.Reply r = app.send(call[1], call[2], app.loginAs(call[0]), "application/json", new byte[0]);
            if (r.status() != 403)
                wrong.add(call[0] + " " + call[1] + " " + call[2] + " → " + r.status() + " " + r.body());
        }
        String admin = app.admin(); // an administrator reads every sitting but takes no step in one
        for (Object[] op : ops) {
            String path = (String) op[1];
            boolean aStep = op[0].equals("POST") && !path.endsWith("/close")
                    || path.endsWith("/score")
                    || path.endsWith("/vote");
            if (!aStep) continue;
            TestEngine.Reply r = app.sendTo(app.base(), (String) op[0], path, admin, op[2]);
            if (r.status() != 403) wrong.add("admin " + op[0] + " " + path + " → " + r.status() + " " + r.body());
        }
        assertEquals(List.of(), wrong);
        assertEquals(before, stored(id), "nothing changed");
        for (String outsider : List.of("c9", "sec9")) { // nor the live feed, nor the video room
            TestSocket page = TestSocket.open(app, app.loginAs(outsider));
            page.next("time");
            page.send(new JsonObject().put("type", "sitting").put("sittingId", id));
            assertEquals("forbidden", page.next("error").getString("error"));
            page.send(new JsonObject().put("type", "room-join").put("roomId", id));
            assertEquals("room-refused", page.next("error").getString("error"));
            page.close();
        }
    }

    @Test
    void aStudentSeesOnlyTheirOwnDrawUntilTheSittingClosesThenAnonymousPositions()
            throws Exception { // issue 10, item 3; 6.15.6
        String id = newSitting();
        TestSocket st2Page = TestSocket.open(app, app.loginAs("st2"));
        st2Page.next("time");
        st2Page.send(new JsonObject().put("type", "sitting").put("sittingId", id));
        st2Page.next("following-sitting");
        for (String st : List.of("st1", "st2")) {
            SittingFlowTest.toPreparation(id, st);
            assertEquals(
                    200,
                    post(id + "/students/" + st + "/draw", "c1", new JsonObject().put("word", "word-of-" + st))
                            .status());
        }
        toGradedAfterDraw(id, "st1");
        JsonObject heard;
        do {
            heard = st2Page.next("sitting");
        } while (!"confirmed".equals(heard.getString("change")));
        assertEquals(
                new TreeSet<>(List.of("type", "sittingId", "change")),
                new TreeSet<>(heard.fieldNames()),
                "the live feed says only that the sitting changed: no student, ticket or score");
        st2Page.close();

        JsonObject mine =
                app.get("/api/v1/sittings/" + id + "/draws", app.loginAs("st2")).json();
        assertEquals(1, mine.getJsonArray("draws").size(), mine.encode());
        assertEquals("st2", mine.getJsonArray("draws").getJsonObject(0).getString("studentId"));
        assertFalse(
                mine.encode().contains("st1") || mine.encode().contains("word-of-st1"),
                "nothing of st1: " + mine.encode());
        assertFalse(mine.containsKey("seed"));
        String view = app.get("/api/v1/sittings/" + id, app.loginAs("st2")).body();
        assertFalse(
                view.contains("st1") || view.contains("word-of-st1"),
                "the sitting as st2 sees it names nothing of st1: " + view);
        JsonObject staff =
                app.get("/api/v1/sittings/" + id + "/draws", app.loginAs("m1")).json();
        assertEquals(2, staff.getJsonArray("draws").size(), "the commission sees every draw");

        assertEquals(200, post(id + "/close", "sec1", null).status());
        JsonObject after =
                app.get("/api/v1/sittings/" + id + "/draws", app.loginAs("st2")).json();
        JsonArray draws = after.getJsonArray("draws");
        assertEquals(2, draws.size(), after.encode());
        assertFalse(
                after.encode().contains("st1") || after.encode().contains("word-of-st1"),
                "the others stay anonymous: " + after.encode());
        assertEquals(
                new JsonObject()
                        .put("drawNumber", 1)
                        .put(
                                "ticket",
                                staff.getJsonArray("draws").getJsonObject(0).getInteger("ticket"))
                        .put("student", "other"),
                draws.getJsonObject(0));
        // st2 recomputes their own draw from the seed, the tickets and the positions before it (the recipe of the
        // package docs)
        byte[] seed = TicketDraw.seedFromHex(after.getString("seed"));
        assertTrue(TicketDraw.matches(after.getString("commitment"), seed));
        JsonObject own = draws.getJsonObject(1);
        assertEquals(true, own.getBoolean("yours"));
        TreeSet<Integer> available = new TreeSet<>();
        after.getJsonArray("tickets").forEach(t -> available.add((Integer) t));
        available.remove(draws.getJsonObject(0).getInteger("ticket")); // without replacement (the default)
        int recomputed = TicketDraw.ticket(
                seed, new TicketDraw.Input(id, "st2", own.getInteger("drawNumber"), own.getString("word")), available);
        assertEquals(own.getInteger("ticket"), recomputed);
    }

    private static void toGradedAfterDraw(String id, String student) {
        for (String action : List.of("start-preparation", "end-preparation", "end-answer")) {
            assertEquals(
                    200,
                    post(
                                    id + "/students/" + student + "/phase",
                                    "sec1",
                                    new JsonObject().put("action", action).put("reason", "done"))
                            .status());
        }
        for (String m : List.of("m1", "m2", "c1"))
            assertEquals(200, score(id, student, m, 80).status());
        assertEquals(
                200, post(id + "/students/" + student + "/confirm", "c1", null).status());
    }
}
