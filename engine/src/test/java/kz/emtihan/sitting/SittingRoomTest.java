package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 5: the photos of the checks before the draw (6.15.6) and the sitting's own video room (6.15.1). */
@SharedEngine
class SittingRoomTest {
    static final byte[] FACE = resource("/fixtures/faces/face_grace_hopper.jpg");
    static final byte[] ROOM = resource("/fixtures/faces/noface_coffee_640x480.png");
    static TestEngine app;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        app.users("commission", "rc1", "rm1", "rm2", "rac", "rad");
        app.users("secretary", "rsec");
        app.users("student", "rs1", "rs2", "routsider");
    }

    static byte[] resource(String name) {
        try (InputStream in = SittingRoomTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sitting(String videoLink) {
        JsonObject body = new JsonObject()
                .put("kind", "thesis-defence")
                .put("title", "Defences")
                .put("date", kz.emtihan.sitting.SittingDays.today())
                .put("language", "ru")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "rc1")
                                .put("members", new JsonArray().add("rm1").add("rm2"))
                                .put("secretary", "rsec"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "rac")
                                .put("deputy", "rad")
                                .put("members", new JsonArray()))
                .put("students", new JsonArray().add("rs1").add("rs2"))
                .put("videoLink", videoLink);
        return app.post("/api/v1/sittings", app.admin(), body).json().getString("id");
    }

    private static TestEngine.Reply photo(
            String id, String student, String kind, String user, String type, byte[] bytes) {
        return app.send(
                "PUT",
                "/api/v1/sittings/" + id + "/students/" + student + "/photos/" + kind,
                app.loginAs(user),
                type,
                bytes);
    }

    @Test
    void photosAreTakenByTheSecretaryAndKeptAsTheyWereAtTheCheck() throws Exception {
        String id = sitting("");
        assertEquals(
                200,
                photo(id, "rs1", "id-card", "rs1", "image/png", ROOM).status(),
                "a student sends their own ID card");
        assertEquals(
                403,
                photo(id, "rs1", "identity", "rs1", "image/jpeg", FACE).status(),
                "but not the secretary's snapshot");
        assertEquals(403, photo(id, "rs1", "id-card", "rs2", "image/png", ROOM).status(), "nor another student's card");
        assertEquals(
                403, photo(id, "rs1", "room", "rm1", "image/jpeg", FACE).status(), "a member does not take the photos");
        assertEquals(
                "bad-photo",
                photo(id, "rs1", "identity", "rsec", "image/png", FACE).error(),
                "the type must be the file's own");
        assertEquals(
                "bad-photo",
                photo(id, "rs1", "identity", "rsec", "image/jpeg", "not an image".getBytes())
                        .error());
        byte[] huge = new byte[SittingPhotos.MAX_BYTES + 1];
        System.arraycopy(FACE, 0, huge, 0, FACE.length);
        assertEquals(
                "bad-photo",
                photo(id, "rs1", "identity", "rsec", "image/jpeg", huge).error(),
                "at most 1 MB");
        assertEquals(
                404, photo(id, "rs1", "passport", "rsec", "image/jpeg", FACE).status());
        assertEquals(
                404, photo(id, "nobody", "identity", "rsec", "image/jpeg", FACE).status());
        JsonObject before = app.get("/api/v1/sittings/" + id, app.admin())
                .json()
                .getJsonObject("progress")
                .getJsonObject("rs1");
        assertEquals(
                java.util.Set.of("id-card"),
                before.getJsonObject("photos").fieldNames(),
                "refused photos change nothing");

        assertEquals(
                200, photo(id, "rs1", "identity", "rsec", "image/jpeg", FACE).status());
        String path = "/api/v1/sittings/" + id + "/students/rs1/photos/";
        assertArrayEquals(
                FACE,
                app.getBytes(path + "identity", app.loginAs("rm1")),
                "the commission sees what the secretary saw");
        assertArrayEquals(ROOM, app.getBytes(path + "id-card", app.loginAs("rs1")), "the student sees their own");
        assertEquals(403, app.get(path + "id-card", app.loginAs("rs2")).status(), "never another student's");
        assertEquals(404, app.get(path + "room", app.loginAs("rsec")).status(), "not taken yet");

        assertEquals(
                200,
                app.post("/api/v1/sittings/" + id + "/students/rs1/admit", app.loginAs("rsec"), null)
                        .status());
        assertEquals(
                200,
                app.post(
                                "/api/v1/sittings/" + id + "/students/rs1/identity",
                                app.loginAs("rsec"),
                                new JsonObject().put("confirmed", true))
                        .status());
        assertEquals(
                409,
                photo(id, "rs1", "identity", "rsec", "image/jpeg", FACE).status(),
                "once confirmed, the photo stays as it was at the check");
        JsonObject identity = app.get("/api/v1/sittings/" + id, app.loginAs("rc1"))
                .json()
                .getJsonObject("progress")
                .getJsonObject("rs1")
                .getJsonObject("photos")
                .getJsonObject("identity");
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(FACE)),
                identity.getString("sha256"));
        assertEquals("rsec", identity.getString("by"));
        assertEquals(
                "photo-missing",
                app.post(
                                "/api/v1/sittings/" + id + "/students/rs1/room",
                                app.loginAs("rsec"),
                                new JsonObject().put("checklist", allChecked()))
                        .error(),
                "the room check needs its snapshot");
    }

    private static JsonObject allChecked() {
        JsonObject all = new JsonObject();
        for (String item : SittingSteps.ROOM_CHECKLIST) all.put(item, true);
        return all;
    }

    /** The next room event about someone else (a page hears its own joining too, and ignores it). */
    private static JsonObject event(TestSocket s, String self) throws InterruptedException {
        while (true) {
            JsonObject e = s.next("room");
            if (!self.equals(e.getJsonObject("peer").getString("peer"))) return e;
        }
    }

    @Test
    void theRoomHoldsTheCommissionAndOnlyTheAdmittedStudent() throws Exception {
        String id = sitting("");
        TestSocket outsider = TestSocket.ready(app, app.loginAs("routsider"));
        outsider.send(new JsonObject().put("type", "room-join").put("roomId", id));
        assertEquals("room-refused", outsider.next("error").getString("error"));
        TestSocket student = TestSocket.ready(app, app.loginAs("rs1"));
        student.send(new JsonObject().put("type", "room-join").put("roomId", id));
        assertTrue(
                student.next("error").getString("message").contains("waiting room"),
                "6.15.6: admitted from the waiting room first");
        student.send(new JsonObject().put("type", "room-signal").put("to", "x").put("data", new JsonObject()));
        assertEquals("signal-refused", student.next("error").getString("error"), "no signals from outside the room");

        TestSocket secretary = TestSocket.ready(app, app.loginAs("rsec"));
        JsonObject sec = secretary.joinRoom(id);
        assertEquals(0, sec.getJsonArray("peers").size());
        String secPeer = sec.getJsonObject("self").getString("peer");
        TestSocket chair = TestSocket.ready(app, app.loginAs("rc1"));
        JsonObject ch = chair.joinRoom(id);
        assertEquals(
                "secretary",
                ch.getJsonArray("peers").getJsonObject(0).getString("role"),
                "the newcomer is told who is there");
        JsonObject chairJoined = event(secretary, secPeer);
        assertEquals("joined", chairJoined.getString("event"));
        assertEquals(
                "chair", chairJoined.getJsonObject("peer").getString("role"), "and the others hear of the newcomer");

        assertEquals(
                200,
                app.post("/api/v1/sittings/" + id + "/students/rs1/admit", app.loginAs("rsec"), null)
                        .status());
        JsonObject st = student.joinRoom(id);
        assertEquals(2, st.getJsonArray("peers").size());
        String stPeer = st.getJsonObject("self").getString("peer");
        assertEquals(stPeer, event(secretary, secPeer).getJsonObject("peer").getString("peer"));

        JsonObject offer = new JsonObject().put("kind", "offer").put("sdp", "v=0 test");
        student.send(
                new JsonObject().put("type", "room-signal").put("to", secPeer).put("data", offer));
        JsonObject relayed = secretary.next("room-signal");
        assertEquals(stPeer, relayed.getString("from"), "a signal names its sender");
        assertEquals(offer, relayed.getJsonObject("data"), "and reaches exactly the member it names");
        for (int i = 0; i < 30; i++) {
            student.send(new JsonObject()
                    .put("type", "room-signal")
                    .put("to", secPeer)
                    .put("data", new JsonObject().put("kind", "ice").put("n", i)));
        }
        for (int i = 0; i < 30; i++) {
            assertEquals(
                    i,
                    secretary.next("room-signal").getJsonObject("data").getInteger("n"),
                    "signals arrive in the order they were sent");
        }
        student.send(new JsonObject()
                .put("type", "room-signal")
                .put("to", "not-a-member")
                .put("data", offer));
        assertEquals("signal-refused", student.next("error").getString("error"));

        student.close();
        JsonObject left = event(secretary, secPeer);
        assertEquals("left", left.getString("event"), "a closed page leaves the room");
        assertEquals(stPeer, left.getJsonObject("peer").getString("peer"));
        TestSocket again = TestSocket.ready(app, app.loginAs("rc1"));
        assertEquals(
                2,
                again.joinRoom(id).getJsonArray("peers").size(),
                "the room keeps the secretary and the chair's first page, not the student");
        for (TestSocket s : new TestSocket[] {outsider, secretary, chair, again}) s.close();
    }

    @Test
    void aStudentNoLongerAdmittedIsTakenOutOfTheRoomByTheEngine() throws Exception {
        String id = sitting("");
        assertEquals(
                200,
                app.post("/api/v1/sittings/" + id + "/students/rs2/admit", app.loginAs("rsec"), null)
                        .status());
        TestSocket secretary = TestSocket.ready(app, app.loginAs("rsec"));
        String secPeer = secretary.joinRoom(id).getJsonObject("self").getString("peer");
        TestSocket student = TestSocket.ready(app, app.loginAs("rs2"));
        String stPeer = student.joinRoom(id).getJsonObject("self").getString("peer");
        assertEquals(stPeer, event(secretary, secPeer).getJsonObject("peer").getString("peer"));

        // 6.15.3: the chair allows a postponement; the page is not trusted to leave by itself
        JsonObject scan = new JsonObject()
                .put("contentType", "image/jpeg")
                .put("base64", java.util.Base64.getEncoder().encodeToString(FACE));
        TestEngine.Reply applied = app.post(
                "/api/v1/sittings/" + id + "/postponements",
                app.loginAs("rs2"),
                new JsonObject().put("reason", "Hospital").put("document", scan));
        assertEquals(201, applied.status(), applied.body());
        assertEquals(
                200,
                app.post(
                                "/api/v1/sittings/" + id + "/postponements/"
                                        + applied.json().getString("id") + "/decision",
                                app.loginAs("rc1"),
                                new JsonObject().put("allowed", true))
                        .status());
        JsonObject left = student.next("room-left", java.time.Duration.ofSeconds(25)); // re-checked on the 10 s tick
        assertTrue(left.getString("reason").contains("over"), left.encode());
        JsonObject gone = event(secretary, secPeer);
        assertEquals("left", gone.getString("event"), "the others see the student go");
        assertEquals(stPeer, gone.getJsonObject("peer").getString("peer"));
        student.send(
                new JsonObject().put("type", "room-signal").put("to", secPeer).put("data", new JsonObject()));
        assertEquals(
                "signal-refused",
                student.next("error").getString("error"),
                "and nothing more reaches the room from that page");
        secretary.close();
        student.close();
    }

    @Test
    void aSittingOnAnExternalPlatformHasNoRoomHere() throws Exception {
        String id = sitting("https://meet.example.org/defence");
        TestSocket secretary = TestSocket.ready(app, app.loginAs("rsec"));
        secretary.send(new JsonObject().put("type", "room-join").put("roomId", id));
        assertTrue(secretary.next("error").getString("message").contains("external platform"));
        secretary.close();
    }
}
