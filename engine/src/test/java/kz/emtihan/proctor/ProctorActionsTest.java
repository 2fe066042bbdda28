package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 4, 5: a proctor messages a student, terminates an attempt (6.14), and watches live through engine signalling. */
class ProctorActionsTest {
    static TestEngine app;
    static String teacher;
    static String proctor;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("teacher", "t1");
        app.users("proctor", "p1");
        app.users("student", "s1", "s2", "s3");
        teacher = app.loginAs("t1");
        proctor = app.loginAs("p1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aTerminatedAttemptClosesAtOnceAndCountsAsAnUnexcusedAbsence() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s1");
        String student = app.loginAs("s1");
        JsonObject started =
                app.post("/api/v1/exams/" + exam + "/attempts", student, null).json();
        String attempt = started.getString("id");
        // 5.17.2: the questions are served once the identity photos are in
        ProctorFixtures.identity(app, student, attempt, ProctorFixtures.ONE_FACE, ProctorFixtures.OTHER_FACE);
        started = app.get("/api/v1/attempts/" + attempt, student).json();
        JsonObject q = started.getJsonArray("questions").getJsonObject(0);
        app.put(
                "/api/v1/attempts/" + attempt + "/answers/" + q.getString("id"),
                student,
                new JsonObject()
                        .put("seq", 1)
                        .put(
                                "choices",
                                new JsonArray()
                                        .add(q.getJsonArray("options")
                                                .getJsonObject(0)
                                                .getString("id"))));
        TestSocket page = TestSocket.open(app, student).following(attempt);
        TestSocket dashboard = TestSocket.open(app, proctor).subscribed(exam);

        assertEquals(
                400,
                app.post("/api/v1/attempts/" + attempt + "/terminate", proctor, new JsonObject())
                        .status(),
                "a reason is required");
        assertEquals(
                403,
                app.post(
                                "/api/v1/attempts/" + attempt + "/terminate",
                                student,
                                new JsonObject().put("reason", "I give up"))
                        .status());
        TestEngine.Reply done = app.post(
                "/api/v1/attempts/" + attempt + "/terminate",
                proctor,
                new JsonObject().put("reason", "a second person dictates the answers"));
        assertEquals(200, done.status(), done.body());
        assertEquals("terminated", done.json().getString("status"));

        JsonObject closed = page.next("attempt-closed");
        assertEquals("terminated", closed.getString("status"));
        assertEquals("a second person dictates the answers", closed.getString("reason"));
        assertEquals("terminated", dashboard.next("attempt-finished").getString("status"));

        TestEngine.Reply save = app.put(
                "/api/v1/attempts/" + attempt + "/answers/" + q.getString("id"),
                student,
                new JsonObject().put("seq", 2).put("choices", new JsonArray()));
        assertEquals("attempt-closed", save.error());
        JsonObject view = app.get("/api/v1/attempts/" + attempt, student).json();
        assertEquals("terminated", view.getString("status"));
        assertEquals("F", view.getJsonObject("result").getString("letter"), "6.14: an unexcused absence");
        assertEquals(0.0, view.getJsonObject("result").getDouble("points"));
        assertEquals("a second person dictates the answers", view.getString("terminationReason"));
        assertEquals(
                409,
                app.post("/api/v1/attempts/" + attempt + "/terminate", proctor, new JsonObject().put("reason", "again"))
                        .status());
        JsonObject receipt =
                app.get("/api/v1/attempts/" + attempt + "/receipt", student).json();
        assertEquals("terminated", receipt.getString("status"), receipt.encode());
        page.close();
        dashboard.close();
    }

    @Test
    void aMessageReachesTheStudentsPage() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s2");
        String student = app.loginAs("s2");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        TestSocket page = TestSocket.open(app, student).following(attempt);
        assertEquals(
                400,
                app.post("/api/v1/attempts/" + attempt + "/messages", proctor, new JsonObject().put("text", " "))
                        .status());
        assertEquals(
                200,
                app.post(
                                "/api/v1/attempts/" + attempt + "/messages",
                                proctor,
                                new JsonObject().put("text", "Please turn your camera towards you"))
                        .status());
        assertEquals(
                "Please turn your camera towards you",
                page.next("proctor-message").getString("text"));
        assertEquals(
                403,
                app.post("/api/v1/attempts/" + attempt + "/messages", student, new JsonObject().put("text", "hi"))
                        .status());
        page.close();
    }

    @Test
    void liveViewSignallingIsRelayedBetweenTheProctorAndTheStudentOnly() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s3");
        String student = app.loginAs("s3");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        TestSocket page = TestSocket.open(app, student).following(attempt);
        TestSocket watcher = TestSocket.open(app, proctor);
        watcher.next("time");
        watcher.send(new JsonObject()
                .put("type", "signal")
                .put("attemptId", attempt)
                .put("data", new JsonObject().put("kind", "watch")));
        JsonObject asked = page.next("signal");
        assertEquals("watch", asked.getJsonObject("data").getString("kind"));
        String peer = asked.getString("from");
        page.send(new JsonObject()
                .put("type", "signal")
                .put("attemptId", attempt)
                .put("to", peer)
                .put("data", new JsonObject().put("kind", "offer").put("sdp", "v=0 fake")));
        JsonObject offer = watcher.next("signal");
        assertEquals("offer", offer.getJsonObject("data").getString("kind"));
        assertEquals("v=0 fake", offer.getJsonObject("data").getString("sdp"));
        for (int i = 0; i < 30; i++) { // both ways: a candidate must never overtake the description it belongs to
            page.send(new JsonObject()
                    .put("type", "signal")
                    .put("attemptId", attempt)
                    .put("to", peer)
                    .put("data", new JsonObject().put("kind", "ice").put("n", i)));
            watcher.send(new JsonObject()
                    .put("type", "signal")
                    .put("attemptId", attempt)
                    .put("data", new JsonObject().put("kind", "ice").put("n", i)));
        }
        for (int i = 0; i < 30; i++) {
            assertEquals(
                    i,
                    watcher.next("signal").getJsonObject("data").getInteger("n"),
                    "the student's signals arrive in the order sent");
            assertEquals(i, page.next("signal").getJsonObject("data").getInteger("n"), "and the proctor's");
        }

        TestSocket intruder = TestSocket.open(app, app.loginAs("s1"));
        intruder.next("time");
        intruder.send(new JsonObject()
                .put("type", "signal")
                .put("attemptId", attempt)
                .put("data", new JsonObject().put("kind", "watch")));
        assertEquals("signal-refused", intruder.next("error").getString("error"), "a student cannot watch another");
        page.close();
        watcher.close();
        intruder.close();
    }
}
