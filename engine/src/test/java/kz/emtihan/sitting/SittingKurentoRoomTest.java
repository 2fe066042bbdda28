package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import kz.emtihan.media.kurento.FakeKms;
import kz.emtihan.media.kurento.FakeSdp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, 1 ("Kurento when configured") and 6.15.1 (the oral exam by video conference): with {@code media.kurento.url}
 * the sitting's room goes through the media server (the stand-in speaking Kurento's JSON-RPC): each member publishes
 * once and receives the others from the server, and the last one out releases the room's pipeline.
 */
class SittingKurentoRoomTest {
    static Vertx kmsVertx;
    static FakeKms kms;
    static TestEngine app;

    @BeforeAll
    static void start() throws Exception {
        kmsVertx = Vertx.vertx();
        kms = FakeKms.start(kmsVertx, false);
        app = TestEngine.start(Map.of("EMTIHAN_MEDIA_KURENTO_URL", kms.url().toString()));
        app.users("commission", "kc1", "km1", "km2", "kac", "kad");
        app.users("secretary", "ksec");
        app.users("student", "ks1", "ks2");
        TestEngine.awaitUntil(
                "the engine connects to the stand-in media server",
                () -> app.engine().services().proctor().kurento().orElseThrow().connected(),
                Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        kms.close();
        kmsVertx.close().await();
    }

    private static String sitting() {
        JsonObject body = new JsonObject()
                .put("kind", "thesis-defence")
                .put("title", "Oral finals")
                .put("date", kz.emtihan.sitting.SittingDays.today())
                .put("language", "ru")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "kc1")
                                .put("members", new JsonArray().add("km1").add("km2"))
                                .put("secretary", "ksec"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "kac")
                                .put("deputy", "kad")
                                .put("members", new JsonArray()))
                .put("students", new JsonArray().add("ks1").add("ks2"))
                .put("videoLink", "");
        return app.post("/api/v1/sittings", app.admin(), body).json().getString("id");
    }

    private static JsonObject offer(String stream, String sdp) {
        return new JsonObject()
                .put("type", "room-media")
                .put("stream", stream)
                .put("data", new JsonObject().put("kind", "offer").put("sdp", sdp));
    }

    /** The next room event about someone else. */
    private static JsonObject event(TestSocket s, String self) throws InterruptedException {
        while (true) {
            JsonObject e = s.next("room");
            if (!self.equals(e.getJsonObject("peer").getString("peer"))) return e;
        }
    }

    /** Publishes the page's camera and microphone: the answer first, then the server's two candidates (video, audio). */
    private static void publish(TestSocket s, String self) throws InterruptedException {
        s.send(offer(self, FakeSdp.publisherOffer(true)));
        JsonObject answer = s.next("room-media");
        assertEquals(
                "answer",
                answer.getJsonObject("data").getString("kind"),
                "the answer comes before the server's candidates");
        assertEquals(self, answer.getString("stream"));
        assertTrue(answer.getJsonObject("data").getString("sdp").startsWith("v=0"));
        for (int i = 0; i < 2; i++) {
            JsonObject ice = s.next("room-media");
            assertEquals(
                    "ice",
                    ice.getJsonObject("data").getString("kind"),
                    "then the publisher endpoint's candidates, to this page");
            assertEquals(self, ice.getString("stream"));
        }
    }

    private static java.util.List<String> recordedUsers(String id, String viewer) {
        io.vertx.core.json.JsonArray recordings =
                app.get("/api/v1/sittings/" + id, app.loginAs(viewer)).json().getJsonArray("recordings");
        if (recordings == null) return java.util.List.of();
        return recordings.stream()
                .map(r -> {
                    JsonObject o = (JsonObject) r;
                    assertTrue(
                            o.getString("uri").endsWith(".webm")
                                    || o.getString("uri").contains(id),
                            o.encode());
                    return o.getString("userId");
                })
                .toList();
    }

    private static long count(String type) {
        return kms.media().types().values().stream().filter(type::equals).count();
    }

    @Test
    void eachMemberPublishesOnceAndReceivesTheOthersThroughTheMediaServer() throws Exception {
        String id = sitting();
        TestSocket secretary = TestSocket.ready(app, app.loginAs("ksec"));
        JsonObject sec = secretary.joinRoom(id);
        assertEquals("kurento", sec.getString("media"), "issue 5, 1: Kurento when configured");
        String secPeer = sec.getJsonObject("self").getString("peer");
        publish(secretary, secPeer);
        assertEquals(1, count("MediaPipeline"), "one pipeline for the sitting's room");
        assertEquals(1, count("RecorderEndpoint"), "6.15.1: what the member sends is recorded");

        assertEquals(
                200,
                app.post("/api/v1/sittings/" + id + "/students/ks1/admit", app.loginAs("ksec"), null)
                        .status());
        TestSocket student = TestSocket.ready(app, app.loginAs("ks1"));
        JsonObject st = student.joinRoom(id);
        assertEquals("kurento", st.getString("media"));
        String stPeer = st.getJsonObject("self").getString("peer");
        assertEquals(
                true,
                st.getJsonArray("peers").getJsonObject(0).getBoolean("published"),
                "a newcomer knows whom to receive");
        publish(student, stPeer);
        JsonObject published = event(secretary, secPeer);
        assertEquals("joined", published.getString("event"));
        published = event(secretary, secPeer);
        assertEquals("published", published.getString("event"), "the room hears that the student publishes");
        assertEquals(stPeer, published.getJsonObject("peer").getString("peer"));
        assertEquals(1, count("MediaPipeline"), "the student's stream goes into the same pipeline");
        assertEquals(2, count("RecorderEndpoint"));
        TestEngine.awaitUntil(
                "the sitting notes who is recorded where",
                () -> recordedUsers(id, "kc1").contains("ks1"),
                java.time.Duration.ofSeconds(10));
        assertEquals(
                java.util.List.of("ksec", "ks1"),
                recordedUsers(id, "kc1"),
                "for the commission and an appeal, in order");
        assertTrue(
                !app.get("/api/v1/sittings/" + id, app.loginAs("ks1")).json().containsKey("recordings"),
                "not for the student");

        student.send(offer(secPeer, FakeSdp.viewerOffer()));
        JsonObject answer = student.next("room-media");
        assertEquals(
                "answer", answer.getJsonObject("data").getString("kind"), "the viewer's answer before its candidates");
        assertEquals(secPeer, answer.getString("stream"), "named by the publisher's peer id");
        for (int i = 0; i < 2; i++) {
            JsonObject ice = student.next("room-media");
            assertEquals("ice", ice.getJsonObject("data").getString("kind"));
            assertEquals(secPeer, ice.getString("stream"), "the viewer endpoint's candidates reach the viewing page");
        }
        secretary.send(offer(stPeer, FakeSdp.viewerOffer()));
        JsonObject secView = secretary.next("room-media");
        assertEquals(
                "answer",
                secView.getJsonObject("data").getString("kind"),
                "nothing of the student's viewer endpoint reached the secretary, whose stream it receives");
        assertEquals(stPeer, secView.getString("stream"));
        assertEquals(4, count("WebRtcEndpoint"), "two publishers and one viewer each");

        student.send(offer("00000000-0000-4000-8000-000000000000", FakeSdp.viewerOffer()));
        assertTrue(
                student.next("error").getString("message").contains("not in room"),
                "only a member's stream is received");
        TestSocket waiting = TestSocket.ready(app, app.loginAs("ks2"));
        waiting.send(offer(secPeer, FakeSdp.viewerOffer()));
        assertEquals(
                "media-refused", waiting.next("error").getString("error"), "a page outside the room receives nothing");

        TestSocket chair = TestSocket.ready(app, app.loginAs("kc1"));
        String chairPeer = chair.joinRoom(id).getJsonObject("self").getString("peer");
        chair.send(offer(secPeer, FakeSdp.viewerOffer()));
        assertEquals(
                "answer",
                chair.next("room-media").getJsonObject("data").getString("kind"),
                "a member need not publish to receive");
        assertEquals(5, count("WebRtcEndpoint"));

        student.close();
        TestEngine.awaitUntil(
                "the endpoints through which the student watched and was watched are released",
                () -> count("WebRtcEndpoint") == 3,
                Duration.ofSeconds(10));
        assertEquals(1, count("MediaPipeline"), "the room's pipeline stays while the commission is in it");
        chair.send(offer(stPeer, FakeSdp.viewerOffer()));
        assertTrue(chair.next("error").getString("message").contains("not in room"), "the student has left");

        chair.send(new JsonObject().put("type", "room-leave"));
        assertEquals(chairPeer, event(secretary, secPeer).getJsonObject("peer").getString("peer"));
        secretary.close();
        TestEngine.awaitUntil(
                "the last one out releases the room's pipeline",
                () -> count("MediaPipeline") == 0,
                Duration.ofSeconds(10));
        assertTrue(
                kms.calls().stream()
                        .anyMatch(c -> "stopAndWait"
                                .equals(c.getJsonObject("params", new JsonObject())
                                        .getString("operation"))),
                "its recorders were stopped, so the recordings are finalised");
        assertEquals(
                0, count("WebRtcEndpoint") + count("RecorderEndpoint"), "nothing of the room is left on the server");
        for (TestSocket s : new TestSocket[] {waiting, chair}) s.close();
    }

    @Test
    void aMemberStopsPublishingOnlyByLeaving() throws Exception {
        String id = sitting();
        TestSocket secretary = TestSocket.ready(app, app.loginAs("ksec"));
        String secPeer = secretary.joinRoom(id).getJsonObject("self").getString("peer");
        secretary.send(new JsonObject()
                .put("type", "room-media")
                .put("stream", secPeer)
                .put("data", new JsonObject().put("kind", "stop")));
        assertEquals("media-refused", secretary.next("error").getString("error"));
        secretary.send(offer(secPeer, "not an sdp"));
        assertEquals("media-refused", secretary.next("error").getString("error"), "an offer is an SDP");
        TestSocket chair = TestSocket.ready(app, app.loginAs("kc1"));
        assertNull(
                chair.joinRoom(id).getJsonArray("peers").getJsonObject(0).getValue("published"),
                "nothing was published");
        secretary.close();
        chair.close();
    }
}
