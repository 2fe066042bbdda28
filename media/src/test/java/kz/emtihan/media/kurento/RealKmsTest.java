package kz.emtihan.media.kurento;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The adapter against a real Kurento Media Server, with a browser-shaped SDP offer. Runs only when
 * {@code KMS_URL} is set, e.g. {@code KMS_URL=ws://localhost:8888/kurento}; recordings go to
 * {@code KMS_RECORDINGS_URI} (default {@code file:///tmp/emtihan-recordings}) on the server's file system.
 * No media flows (nothing answers ICE), so the files stay empty; see docs/kurento.md.
 */
@EnabledIfEnvironmentVariable(named = "KMS_URL", matches = "wss?://.+")
@Timeout(120)
class RealKmsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void publishViewAndReleaseOnARealServer() throws Exception {
        String recordings = System.getenv().getOrDefault("KMS_RECORDINGS_URI", "file:///tmp/emtihan-recordings");
        RecordingListener events = new RecordingListener();
        KurentoSettings settings = KurentoSettings.of(URI.create(System.getenv("KMS_URL")), recordings);
        try (KurentoMedia media = KurentoMedia.connect(settings, events).get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            String owner = "emtihan-test-" + System.currentTimeMillis();

            Published p = media.publish(owner, "camera", FakeSdp.publisherOffer(true))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(p.sdpAnswer().startsWith("v=0"), p.sdpAnswer());
            assertTrue(p.sdpAnswer().contains("m=video"), p.sdpAnswer());
            assertTrue(
                    p.recordingUri().startsWith(settings.recordingsUri() + "/" + owner + "/camera-"), p.recordingUri());

            RecordingListener.Local local = events.nextCandidate(WAIT);
            assertEquals(owner, local.owner());
            assertEquals(KurentoMedia.PUBLISHER, local.peer());
            assertTrue(
                    local.candidate().candidate().startsWith("candidate:"),
                    local.candidate().candidate());

            Candidate browser = new Candidate("candidate:842163049 1 udp 2122260223 192.0.2.7 61413 typ host", "0", 0);
            media.addCandidate(owner, "camera", KurentoMedia.PUBLISHER, browser)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);

            String viewerAnswer = media.view(owner, "camera", "proctor-1", FakeSdp.viewerOffer())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(viewerAnswer.contains("m=video"), viewerAnswer);

            media.stopViewing(owner, "camera", "proctor-1").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            media.release(owner).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
