package kz.emtihan.media.kurento;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.kurento.client.KurentoClient;
import org.kurento.client.MediaPipeline;
import org.kurento.client.RecorderEndpoint;
import org.kurento.client.UriEndpointState;
import org.kurento.client.internal.server.KurentoServerException;

/**
 * Issue 17 (2): the adapter against the real Kurento Media Server test.sh builds and starts ({@code EMTIHAN_KMS_URL}).
 * The browsers are real Kurento endpoints too ({@link KmsPeer}, on a client of their own): a sender plays a clip, the
 * adapter answers, ICE and DTLS-SRTP connect over loopback, the server records a WebM that ffprobe plays, and a
 * receiver sees the video through the server. After each test the server's own {@code getPipelines} shows nothing left
 * of it. The stand-in ({@link FakeKms}) keeps only what a real server cannot be made to do on cue: a restart, a reset or
 * dropped connection, a silent server (KurentoMediaRestartTest) and replies held back (KurentoMediaCallerTest).
 */
@EnabledIfEnvironmentVariable(named = RealKms.URL_VARIABLE, matches = "wss?://.+")
@Timeout(120)
class RealKmsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Path dir;
    private static Path clip;
    private static KurentoClient eyes;

    private final Peers events = new Peers();
    private final List<KmsPeer> browsers = new ArrayList<>();
    private Map<String, String> before;
    private KurentoMedia media;
    private String recordings;

    @BeforeAll
    static void clip() throws Exception {
        dir = Files.createTempDirectory("emtihan-real-kms");
        clip = RealKms.clip(dir, 30);
        eyes = RealKms.client(RealKms.url().orElseThrow());
    }

    @AfterAll
    static void closeEyes() {
        if (eyes != null) eyes.destroy();
    }

    @BeforeEach
    void connect() throws Exception {
        before = RealKms.objects(eyes);
        recordings = dir.resolve("rec-" + System.nanoTime()).toUri().toString();
        recordings = recordings.endsWith("/") ? recordings.substring(0, recordings.length() - 1) : recordings;
        media = await(KurentoMedia.connect(KurentoSettings.of(RealKms.url().orElseThrow(), recordings), events));
    }

    @AfterEach
    void nothingIsLeft() {
        try {
            if (media != null) media.close();
        } finally {
            browsers.forEach(KmsPeer::close);
        }
        assertEquals(before, RealKms.objects(eyes), "every pipeline and endpoint of the test is released");
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A sender publishing {@code stream} of {@code owner} through the adapter, candidates both ways. */
    private KmsPeer publish(String owner, String stream) throws Exception {
        KmsPeer browser = KmsPeer.sender(eyes, clip);
        browsers.add(browser);
        events.route(owner, stream, KurentoMedia.PUBLISHER, browser);
        browser.onCandidate(c -> media.addCandidate(owner, stream, KurentoMedia.PUBLISHER, c));
        Published p = await(media.publish(owner, stream, browser.offer()));
        browser.answered(p.sdpAnswer());
        return browser;
    }

    private KmsPeer view(String owner, String stream, String viewer) throws Exception {
        KmsPeer browser = KmsPeer.receiver(eyes);
        browsers.add(browser);
        events.route(owner, stream, viewer, browser);
        browser.onCandidate(c -> media.addCandidate(owner, stream, viewer, c));
        browser.answered(await(media.view(owner, stream, viewer, browser.offer())));
        return browser;
    }

    private Map<String, String> mine() {
        Map<String, String> now = new HashMap<>(RealKms.objects(eyes));
        now.keySet().removeAll(before.keySet());
        browsers.forEach(b -> now.keySet().removeIf(id -> id.startsWith(b.pipelineId())));
        return now;
    }

    private Path file(String uri) {
        return Path.of(URI.create(uri));
    }

    @Test
    void publishViewRecordAndReleaseOnARealServer() throws Exception {
        String owner = "att-real-" + System.nanoTime();
        Published[] published = new Published[1];
        KmsPeer camera = KmsPeer.sender(eyes, clip);
        browsers.add(camera);
        events.route(owner, "camera", KurentoMedia.PUBLISHER, camera);
        camera.onCandidate(c -> media.addCandidate(owner, "camera", KurentoMedia.PUBLISHER, c));
        published[0] = await(media.publish(owner, "camera", camera.offer()));
        assertTrue(published[0].sdpAnswer().contains("m=video"), published[0].sdpAnswer());
        assertTrue(published[0].recordingUri().startsWith(recordings + "/" + owner + "/camera-"));
        camera.answered(published[0].sdpAnswer());

        events.awaitRecording(owner, "camera", true, WAIT); // issue 17 (4): video reaches the recorder

        KmsPeer proctor = view(owner, "camera", "proctor-1");
        assertTrue(proctor.videoArrives(WAIT), "the proctor receives the camera through the server");
        Map<String, String> objects = mine();
        assertEquals(1, RealKms.ofType(objects, "MediaPipeline").size(), objects.toString());
        assertEquals(2, RealKms.ofType(objects, "WebRtcEndpoint").size(), "publisher and viewer: " + objects);
        String recorder = RealKms.ofType(objects, "RecorderEndpoint").get(0);
        RecorderEndpoint r = eyes.getById(recorder, RecorderEndpoint.class);
        // KMS turns a recorder START only when its internal muxer pipeline has reported PLAYING, after record()
        // returned (kmsrecorderendpoint.c, the async state change): awaited with a deadline, not read once
        long started = System.nanoTime() + WAIT.toNanos();
        while (r.getState() != UriEndpointState.START) {
            assertTrue(System.nanoTime() < started, "the recorder reaches START, is " + r.getState());
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        assertEquals(published[0].recordingUri(), r.getUri());

        await(media.stopViewing(owner, "camera", "proctor-1"));
        assertEquals(1, RealKms.ofType(mine(), "WebRtcEndpoint").size(), "the viewer's endpoint is gone");
        await(media.stopViewing(owner, "camera", "proctor-1")); // again: nothing to do

        // a few seconds of the clip (300 kbit/s) on the disk: polled with a deadline
        Path recording = file(published[0].recordingUri());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(recording) || Files.size(recording) < 100_000) {
            assertTrue(System.nanoTime() < deadline, "KMS writes the recording: " + recording);
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
        await(media.release(owner)); // stops the recorder (the file is finalised), then the pipeline
        assertEquals(Map.of(), mine(), "the owner's pipeline and everything in it");
        double seconds = RealKms.playableSeconds(file(published[0].recordingUri()));
        assertTrue(seconds >= 1, "the recording plays " + seconds + " s of video");
    }

    @Test
    void aConfiguredBitrateIsTheCeilingOfThePublishersEndpoint() throws Exception {
        // issue 17 (2): with a configured bitrate the publisher endpoint's maxVideoRecvBandwidth is set before the
        // offer is processed (KMS's REMB to the sender never exceeds it); a stream without one is left to WebRTC (0).
        // What the browser sends at the configuration is KurentoBitrateE2eTest's (the page caps its sender too)
        int kbps = 100;
        KurentoMedia capped = await(KurentoMedia.connect(
                KurentoSettings.of(RealKms.url().orElseThrow(), recordings).withVideoKbps(Map.of("camera", kbps)),
                events));
        String owner = "att-kbps-" + System.nanoTime();
        try {
            for (String stream : List.of("camera", "screen")) {
                KmsPeer sender = KmsPeer.sender(eyes, clip);
                browsers.add(sender);
                sender.answered(
                        await(capped.publish(owner, stream, sender.offer())).sdpAnswer());
            }
            Map<Integer, Integer> ceilings = new HashMap<>();
            for (String id : RealKms.ofType(mine(), "WebRtcEndpoint")) {
                int max = eyes.getById(id, org.kurento.client.WebRtcEndpoint.class)
                        .getMaxVideoRecvBandwidth();
                ceilings.merge(max, 1, Integer::sum);
            }
            assertEquals(Map.of(kbps, 1, 0, 1), ceilings, "the camera's endpoint capped, the screen's not (0)");
            await(capped.release(owner));
        } finally {
            capped.close();
        }
    }

    @Test
    void streamsOfOneOwnerShareItsPipelineAndCandidatesReachTheRightEndpoint() throws Exception {
        String owner = "att-share-" + System.nanoTime();
        publish(owner, "camera");
        publish(owner, "screen");
        publish("other-" + System.nanoTime(), "camera");
        events.awaitRecording(owner, "screen", true, WAIT); // the browser's candidates reached the screen's endpoint
        events.awaitRecording(owner, "camera", true, WAIT);
        Map<String, String> objects = mine();
        assertEquals(2, RealKms.ofType(objects, "MediaPipeline").size(), objects.toString());
        assertEquals(3, RealKms.ofType(objects, "RecorderEndpoint").size(), objects.toString());
        assertTrue(events.candidates.get() >= 3, "the server's candidates reached the browsers");
    }

    @Test
    void republishingReplacesTheRecordingAndKeepsTheViewers() throws Exception {
        String owner = "att-again-" + System.nanoTime();
        publish(owner, "camera");
        events.awaitRecording(owner, "camera", true, WAIT);
        view(owner, "camera", "proctor-7");
        String oldRecorder = RealKms.ofType(mine(), "RecorderEndpoint").get(0);
        String oldUri = eyes.getById(oldRecorder, RecorderEndpoint.class).getUri();
        // media flowing is not yet a file: KMS writes the WebM header with the first frames, so a replacement at once
        // leaves a file without one (seen in CI); wait, with a deadline, until frames are on the disk
        Path oldFile = file(oldUri);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(oldFile) || Files.size(oldFile) < 4_096) {
            assertTrue(System.nanoTime() < deadline, "KMS writes the first recording: " + oldFile);
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }

        KmsPeer again = publish(owner, "camera"); // a renegotiation: a new endpoint, recorder and file
        events.awaitRecording(owner, "camera", true, WAIT);
        Map<String, String> objects = mine();
        assertEquals(1, RealKms.ofType(objects, "RecorderEndpoint").size(), objects.toString());
        assertNotEquals(oldRecorder, RealKms.ofType(objects, "RecorderEndpoint").get(0));
        assertEquals(2, RealKms.ofType(objects, "WebRtcEndpoint").size(), "the new publisher and the kept viewer");
        assertTrue(RealKms.playableSeconds(oldFile) > 0, "the first file was finalised when it was replaced");
        await(media.release(owner));
    }

    @Test
    void anObjectTheServerNoLongerHasFailsWithTheServersError() throws Exception {
        String owner = "att-gone-" + System.nanoTime();
        publish(owner, "camera");
        String pipeline = RealKms.ofType(mine(), "MediaPipeline").get(0);
        eyes.getById(pipeline, MediaPipeline.class).release(); // behind the adapter's back

        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> media.addCandidate(owner, "camera", KurentoMedia.PUBLISHER, new Candidate("", "0", 0))
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS));
        KurentoServerException k = assertInstanceOf(KurentoServerException.class, e.getCause());
        assertEquals(40101, k.getCode(), k.getMessage());
        await(media.release(owner)); // what the server no longer has counts as released
    }

    @Test
    void peersThatDoNotExistAreRefusedWithoutTouchingTheServer() throws Exception {
        String owner = "att-none-" + System.nanoTime();
        Candidate c = new Candidate("", "0", 0);
        assertInstanceOf(IllegalStateException.class, cause(media.addCandidate(owner, "camera", "publisher", c)));
        assertInstanceOf(IllegalStateException.class, cause(media.view(owner, "camera", "p-7", FakeSdp.viewerOffer())));
        publish(owner, "camera");
        assertInstanceOf(IllegalStateException.class, cause(media.addCandidate(owner, "camera", "p-7", c)));
        assertInstanceOf(IllegalStateException.class, cause(media.view(owner, "screen", "p-7", FakeSdp.viewerOffer())));
        await(media.stopViewing("nobody", "camera", "p-7"));
        await(media.release("nobody"));
        assertEquals(Set.of("MediaPipeline", "WebRtcEndpoint", "RecorderEndpoint"), Set.copyOf(mine().values()));
    }

    private static Throwable cause(CompletableFuture<?> f) {
        return assertThrows(ExecutionException.class, () -> f.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .getCause();
    }

    /** Sends the server's candidates to the browser each endpoint belongs to; queues the recording events. */
    static final class Peers implements KurentoMedia.Listener {
        private final Map<String, KmsPeer> routes = new ConcurrentHashMap<>();
        private final Map<String, Boolean> flowing = new ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger candidates = new java.util.concurrent.atomic.AtomicInteger();

        void route(String owner, String stream, String peer, KmsPeer browser) {
            routes.put(owner + "/" + stream + "/" + peer, browser);
        }

        @Override
        public void localCandidate(String owner, String stream, String peer, Candidate candidate) {
            KmsPeer b = routes.get(owner + "/" + stream + "/" + peer);
            if (b != null) {
                candidates.incrementAndGet();
                b.remote(candidate);
            }
        }

        @Override
        public void recording(String owner, String stream, boolean isFlowing) {
            synchronized (this) {
                flowing.put(owner + "/" + stream, isFlowing);
                notifyAll();
            }
        }

        synchronized void awaitRecording(String owner, String stream, boolean want, Duration limit)
                throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!Boolean.valueOf(want).equals(flowing.get(owner + "/" + stream))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("recording of " + owner + "/" + stream + " not " + want);
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            flowing.remove(owner + "/" + stream);
        }

        @Override
        public void lost(String owner) {}

        @Override
        public void reconnected() {}
    }
}
