package kz.emtihan.media.kurento;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import kz.emtihan.media.kurento.FakeMediaSet.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kurento.client.internal.server.KurentoServerException;

/** The adapter driven through the real kurento-client against the stand-in server ({@link FakeKms}). */
@Timeout(60)
class KurentoMediaTest {
    private static final String OWNER = "att-01HZX_42";
    private static final long T0 = Rig.T0;
    private static final Duration WAIT = Rig.WAIT;

    private Rig rig;
    private FakeKms kms;
    private RecordingListener events;
    private KurentoMedia media;

    @BeforeEach
    void start() throws Exception {
        rig = Rig.start();
        kms = rig.kms();
        events = rig.events;
        media = rig.media;
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return Rig.await(f);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        return Rig.failure(f);
    }

    private List<Snapshot> objects(String type) {
        return kms.media().ofType(type);
    }

    @Test
    void publishAnswersTheOfferAndRecordsWebm() throws Exception {
        String offer = FakeSdp.publisherOffer(true);
        Published p = await(media.publish(OWNER, "camera", offer));

        assertEquals(
                List.of("0", "1"),
                FakeSdp.sections(p.sdpAnswer()).stream()
                        .map(FakeSdp.Section::mid)
                        .toList());
        FakeSdp.sections(p.sdpAnswer()).forEach(s -> assertEquals("recvonly", s.direction()));
        assertEquals(Rig.RECORDINGS + "/" + OWNER + "/camera-" + T0 + ".webm", p.recordingUri());

        assertEquals(1, objects("MediaPipeline").size());
        Snapshot endpoint = objects("WebRtcEndpoint").get(0);
        Snapshot recorder = objects("RecorderEndpoint").get(0);
        assertEquals(true, endpoint.constructorParams().getBoolean("recvonly"));
        assertEquals(p.recordingUri(), recorder.constructorParams().getString("uri"));
        assertEquals("WEBM", recorder.constructorParams().getString("mediaProfile"));
        assertEquals("RECORDING", recorder.recorderState());
        assertEquals(Set.of(recorder.id()), endpoint.sinks());
        assertEquals(List.of("connect", "processOffer", "gatherCandidates"), endpoint.operations());
    }

    @Test
    void streamsOfOneOwnerShareItsPipeline() throws Exception {
        await(media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)));
        Published screen = await(media.publish(OWNER, "screen", FakeSdp.publisherOffer(false)));
        await(media.publish("att-2", "camera", FakeSdp.publisherOffer(true)));

        assertTrue(screen.recordingUri().endsWith("/" + OWNER + "/screen-" + T0 + ".webm"));
        assertEquals(2, objects("MediaPipeline").size());
        Map<String, Long> perPipeline = objects("RecorderEndpoint").stream()
                .collect(Collectors.groupingBy(Snapshot::pipeline, Collectors.counting()));
        assertEquals(Set.of(1L, 2L), Set.copyOf(perPipeline.values()));
    }

    @Test
    void candidatesFlowBothWays() throws Exception {
        await(media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)));

        RecordingListener.Local first = events.nextCandidate(WAIT);
        RecordingListener.Local second = events.nextCandidate(WAIT);
        for (RecordingListener.Local c : List.of(first, second)) {
            assertEquals(OWNER, c.owner());
            assertEquals("camera", c.stream());
            assertEquals(KurentoMedia.PUBLISHER, c.peer());
            assertTrue(
                    c.candidate().candidate().startsWith("candidate:1 1 UDP"),
                    c.candidate().candidate());
            assertTrue(c.thread().startsWith(KurentoMedia.THREAD_PREFIX), c.thread());
        }
        assertEquals(
                Set.of("0:0", "1:1"),
                Set.of(
                        first.candidate().sdpMid() + ":" + first.candidate().sdpMLineIndex(),
                        second.candidate().sdpMid() + ":" + second.candidate().sdpMLineIndex()));

        Candidate browser = new Candidate("candidate:842163049 1 udp 1677729535 192.0.2.7 61413 typ srflx", "1", 1);
        await(media.addCandidate(OWNER, "camera", KurentoMedia.PUBLISHER, browser));
        await(media.addCandidate(OWNER, "camera", KurentoMedia.PUBLISHER, new Candidate("", "1", 1)));

        List<JsonObject> got = objects("WebRtcEndpoint").get(0).remoteCandidates();
        assertEquals(2, got.size());
        assertEquals(browser.candidate(), got.get(0).getString("candidate"));
        assertEquals("1", got.get(0).getString("sdpMid"));
        assertEquals(1, got.get(0).getInteger("sdpMLineIndex"));
    }

    @Test
    void viewerGetsItsOwnEndpointFedByThePublisher() throws Exception {
        await(media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)));
        events.nextCandidate(WAIT);
        events.nextCandidate(WAIT);

        String answer = await(media.view(OWNER, "camera", "proctor-7", FakeSdp.viewerOffer()));

        FakeSdp.sections(answer).forEach(s -> assertEquals("sendonly", s.direction()));
        Snapshot publisher = objects("WebRtcEndpoint").get(0);
        Snapshot viewer = objects("WebRtcEndpoint").get(1);
        assertEquals(true, viewer.constructorParams().getBoolean("sendonly"));
        assertTrue(publisher.sinks().contains(viewer.id()));
        RecordingListener.Local local = events.nextCandidate(WAIT);
        assertEquals("proctor-7", local.peer());

        await(media.addCandidate(
                OWNER, "camera", "proctor-7", new Candidate("candidate:1 1 udp 1 192.0.2.8 5000 typ host", "0", 0)));
        assertEquals(1, objects("WebRtcEndpoint").get(1).remoteCandidates().size());
        assertEquals(0, objects("WebRtcEndpoint").get(0).remoteCandidates().size());

        await(media.stopViewing(OWNER, "camera", "proctor-7"));
        assertEquals(
                List.of(publisher.id()),
                objects("WebRtcEndpoint").stream().map(Snapshot::id).toList());
        assertEquals("RECORDING", objects("RecorderEndpoint").get(0).recorderState());
        await(media.stopViewing(OWNER, "camera", "proctor-7"));
    }

    @Test
    void republishingReplacesTheRecordingAndKeepsTheViewers() throws Exception {
        await(media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)));
        await(media.view(OWNER, "camera", "proctor-7", FakeSdp.viewerOffer()));
        Snapshot oldPublisher = objects("WebRtcEndpoint").get(0);
        String viewer = objects("WebRtcEndpoint").get(1).id();
        String oldRecorder = objects("RecorderEndpoint").get(0).id();

        await(media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)));

        assertTrue(kms.calls().stream().anyMatch(r -> isInvoke(r, oldRecorder, "stopAndWait")));
        List<Snapshot> endpoints = objects("WebRtcEndpoint");
        assertEquals(2, endpoints.size());
        assertFalse(endpoints.stream().anyMatch(e -> e.id().equals(oldPublisher.id())));
        Snapshot newPublisher = endpoints.stream()
                .filter(e -> !e.id().equals(viewer))
                .findFirst()
                .orElseThrow();
        assertTrue(newPublisher.sinks().contains(viewer));
        assertEquals(1, objects("RecorderEndpoint").size());
        assertNotEquals(oldRecorder, objects("RecorderEndpoint").get(0).id());
    }

    @Test
    void releaseStopsTheRecordersThenFreesEveryObject() throws Exception {
        await(media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)));
        await(media.publish(OWNER, "screen", FakeSdp.publisherOffer(false)));
        await(media.view(OWNER, "screen", "proctor-7", FakeSdp.viewerOffer()));
        await(media.publish("att-2", "camera", FakeSdp.publisherOffer(true)));
        String pipeline = objects("RecorderEndpoint").get(0).pipeline();
        List<String> recorders = objects("RecorderEndpoint").stream()
                .filter(r -> r.pipeline().equals(pipeline))
                .map(Snapshot::id)
                .toList();

        await(media.release(OWNER));

        assertTrue(
                kms.media().types().keySet().stream().noneMatch(id -> id.startsWith(pipeline)),
                kms.media().types().toString());
        assertEquals(3, kms.media().types().size());
        List<JsonObject> calls = kms.calls();
        int released = indexOf(
                calls,
                r -> "release".equals(r.getString("method"))
                        && pipeline.equals(r.getJsonObject("params").getString("object")));
        for (String recorder : recorders) {
            assertTrue(indexOf(calls, r -> isInvoke(r, recorder, "stopAndWait")) < released);
        }

        await(media.release(OWNER));
        await(media.release("att-2"));
        assertEquals(Map.of(), kms.media().types());
        Published again = await(media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)));
        assertTrue(again.sdpAnswer().startsWith("v=0"));
        assertEquals(1, objects("MediaPipeline").size());
    }

    @Test
    void anObjectTheServerNoLongerHasFailsWithTheServersError() throws Exception {
        await(media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)));
        kms.media().dropAll();

        Throwable e = failure(media.addCandidate(OWNER, "camera", KurentoMedia.PUBLISHER, new Candidate("", "0", 0)));

        KurentoServerException k = assertInstanceOf(KurentoServerException.class, e);
        assertEquals(40101, k.getCode());
        assertTrue(
                k.getServerMessage().matches("Object '.+_kurento\\.WebRtcEndpoint' not found"), k.getServerMessage());
        assertEquals("{\"type\":\"MEDIA_OBJECT_NOT_FOUND\"}", k.getData());
        await(media.release(OWNER));
    }

    @Test
    void peersThatDoNotExistAreRefused() throws Exception {
        Candidate c = new Candidate("", "0", 0);
        assertInstanceOf(
                IllegalStateException.class, failure(media.addCandidate(OWNER, "camera", KurentoMedia.PUBLISHER, c)));
        assertInstanceOf(
                IllegalStateException.class, failure(media.view(OWNER, "camera", "proctor-7", FakeSdp.viewerOffer())));
        await(media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)));
        assertInstanceOf(IllegalStateException.class, failure(media.addCandidate(OWNER, "camera", "proctor-7", c)));
        assertInstanceOf(
                IllegalStateException.class, failure(media.view(OWNER, "screen", "proctor-7", FakeSdp.viewerOffer())));
        await(media.stopViewing("nobody", "camera", "proctor-7"));
        await(media.release("nobody"));
        assertEquals(
                List.of("MediaPipeline", "WebRtcEndpoint", "RecorderEndpoint"),
                List.copyOf(kms.media().types().values()));
    }

    static boolean isInvoke(JsonObject request, String object, String operation) {
        JsonObject params = request.getJsonObject("params");
        return "invoke".equals(request.getString("method"))
                && object.equals(params.getString("object"))
                && operation.equals(params.getString("operation"));
    }

    private static int indexOf(List<JsonObject> calls, Predicate<JsonObject> match) {
        for (int i = 0; i < calls.size(); i++) {
            if (match.test(calls.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such call in " + calls);
    }
}
