package kz.emtihan.media.kurento;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.emtihan.media.kurento.FakeMediaSet.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The media server going away: restarted (every object gone), hung (no pong), or unreachable for a moment
 * (objects intact). kurento-client retries every 2 s, so each test takes a few seconds.
 */
@Timeout(90)
class KurentoMediaRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Rig rig;

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void restartRebuildsThePipelinesAndNamesTheOwnersToRenegotiate() throws Exception {
        rig = Rig.start();
        Rig.await(rig.media.publish("att-1", "camera", FakeSdp.publisherOffer(true)));
        Rig.await(rig.media.view("att-1", "camera", "proctor-7", FakeSdp.viewerOffer()));
        Rig.await(rig.media.publish("att-2", "camera", FakeSdp.publisherOffer(true)));
        Rig.await(rig.media.publish("att-2", "screen", FakeSdp.publisherOffer(false)));
        Rig.await(rig.media.publish("att-3", "camera", FakeSdp.publisherOffer(true)));
        Rig.await(rig.media.release("att-3"));

        FakeKms fresh = rig.restartServer();

        Set<String> lost = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            RecordingListener.Call call = rig.events.nextLost(WAIT);
            assertTrue(call.thread().startsWith(KurentoMedia.THREAD_PREFIX), call.thread());
            lost.add(call.owner());
        }
        assertEquals(Set.of("att-1", "att-2"), lost);
        assertNull(rig.events.nextReconnected(WAIT).owner());
        assertEquals(0, rig.events.pendingLost());

        List<JsonObject> connects = fresh.calls().stream()
                .filter(r -> "connect".equals(r.getString("method")))
                .toList();
        assertTrue(
                connects.get(0).getJsonObject("params", new JsonObject()).containsKey("sessionId"),
                connects.toString());
        assertFalse(connects.get(connects.size() - 1)
                .getJsonObject("params", new JsonObject())
                .containsKey("sessionId"));
        assertEquals(
                List.of("MediaPipeline", "MediaPipeline"),
                List.copyOf(fresh.media().types().values()));

        Published again = Rig.await(rig.media.publish("att-1", "camera", FakeSdp.publisherOffer(true)));
        assertTrue(again.sdpAnswer().startsWith("v=0"));
        Rig.await(rig.media.view("att-1", "camera", "proctor-7", FakeSdp.viewerOffer()));
        List<Snapshot> recorders = fresh.media().ofType("RecorderEndpoint");
        assertEquals(1, recorders.size());
        assertEquals("RECORDING", recorders.get(0).recorderState());
        Rig.await(rig.media.release("att-1"));
        Rig.await(rig.media.release("att-2"));
        assertEquals(0, fresh.media().types().size());
    }

    @Test
    void theKeepAliveNoticesAServerThatStoppedAnswering() throws Exception {
        rig = Rig.start(
                false, s -> s.withKeepAlive(Duration.ofMillis(300)).withRequestTimeout(Duration.ofMillis(1500)));
        JsonObject ping = rig.kms().awaitRequest(r -> "ping".equals(r.getString("method")), WAIT);
        assertEquals(300, ping.getJsonObject("params").getInteger("interval"));
        Rig.await(rig.media.publish("att-1", "camera", FakeSdp.publisherOffer(true)));

        rig.kms().goSilent();
        assertTrue(rig.kms().awaitClientClosed(WAIT), "the client did not give up on a silent server");

        rig.restartServer();
        assertEquals("att-1", rig.events.nextLost(WAIT).owner());
        rig.events.nextReconnected(WAIT);
        assertTrue(Rig.await(rig.media.publish("att-1", "camera", FakeSdp.publisherOffer(true)))
                .sdpAnswer()
                .startsWith("v=0"));
    }

    @Test
    void aResetConnectionIsReplacedByANewClient() throws Exception {
        rig = Rig.start(true, s -> s);
        Rig.await(rig.media.publish("att-1", "camera", FakeSdp.publisherOffer(true)));

        FakeKms fresh = rig.restartServer();

        assertEquals("att-1", rig.events.nextLost(WAIT).owner());
        rig.events.nextReconnected(WAIT);
        assertTrue(
                fresh.calls().stream().noneMatch(r -> "connect".equals(r.getString("method"))),
                fresh.calls().toString());
        assertEquals(List.of("MediaPipeline"), List.copyOf(fresh.media().types().values()));
        Rig.await(rig.media.publish("att-1", "camera", FakeSdp.publisherOffer(true)));
        assertEquals(1, fresh.media().ofType("RecorderEndpoint").size());
    }

    @Test
    void aDroppedConnectionToTheSameServerKeepsEverything() throws Exception {
        rig = Rig.start();
        Rig.await(rig.media.publish("att-1", "camera", FakeSdp.publisherOffer(true)));
        List<String> before = List.copyOf(rig.kms().media().types().keySet());

        rig.kms().dropConnections();

        rig.events.nextReconnected(WAIT);
        assertEquals(0, rig.events.pendingLost());
        assertEquals(before, List.copyOf(rig.kms().media().types().keySet()));
        Candidate c = new Candidate("candidate:1 1 udp 1 192.0.2.8 5000 typ host", "0", 0);
        Rig.await(rig.media.addCandidate("att-1", "camera", KurentoMedia.PUBLISHER, c));
        assertEquals(
                1,
                rig.kms()
                        .media()
                        .ofType("WebRtcEndpoint")
                        .get(0)
                        .remoteCandidates()
                        .size());
    }
}
