package kz.emtihan.media.kurento;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kurento.client.IceCandidate;
import org.kurento.client.KurentoClient;
import org.kurento.client.MediaFlowState;
import org.kurento.client.MediaPipeline;
import org.kurento.client.MediaType;
import org.kurento.client.PassThrough;
import org.kurento.client.PlayerEndpoint;
import org.kurento.client.WebRtcEndpoint;

/**
 * Issue 17 (2): a browser's stand-in made of real Kurento objects (on a server, or a client, of its own): a sender
 * plays a clip into a {@code WebRtcEndpoint} that offers to the engine or the adapter, as a student's page does; a
 * receiver is a receive-only {@code WebRtcEndpoint}, as a proctor's page. Real SDP, ICE, DTLS-SRTP and VP8 between
 * two real endpoints over loopback: what the stand-in server (FakeKms) cannot give. Its pipeline goes with
 * {@link #close}.
 */
public final class KmsPeer implements AutoCloseable {
    private final MediaPipeline pipeline;
    private final WebRtcEndpoint endpoint;
    private final PlayerEndpoint player;
    /**
     * The receiver's sink, held for the peer's life: kurento-client keeps its proxies only weakly
     * (RomClientObjectManager), so a sink kept in a local variable was garbage-collected now and then before KMS
     * reported its video, and the event was dropped ("Trying to propagate a event ... but that doesn't exist in the
     * client"): RealKmsTest's "the proctor receives the camera" flake (issue 17 (2)).
     */
    private final PassThrough sink;

    private final CountDownLatch videoIn = new CountDownLatch(1);
    private volatile Consumer<Candidate> candidates = c -> {};

    private KmsPeer(KurentoClient client, Path clip) {
        this(client, clip, false);
    }

    private KmsPeer(KurentoClient client, Path clip, boolean encoded) {
        pipeline = client.createMediaPipeline();
        WebRtcEndpoint.Builder b = new WebRtcEndpoint.Builder(pipeline);
        endpoint = (clip == null ? b.recvonly() : b.sendonly()).build();
        endpoint.addIceCandidateFoundListener(e -> {
            IceCandidate c = e.getCandidate();
            candidates.accept(new Candidate(c.getCandidate(), c.getSdpMid(), c.getSdpMLineIndex()));
        });
        endpoint.addMediaFlowInStateChangedListener(e -> {
            if (e.getMediaType() == MediaType.VIDEO && e.getState() == MediaFlowState.FLOWING) videoIn.countDown();
        });
        if (clip == null) {
            player = null;
            // a sink downstream, as a page's video element: KMS reports media flowing in once it leaves the endpoint
            // (a receive-only endpoint has no input of its own, so its own MediaFlowIn never fires)
            sink = new PassThrough.Builder(pipeline).build();
            sink.addMediaFlowInStateChangedListener(e -> {
                if (e.getMediaType() == MediaType.VIDEO && e.getState() == MediaFlowState.FLOWING) videoIn.countDown();
            });
            endpoint.connect(sink);
        } else {
            sink = null;
            PlayerEndpoint.Builder pb =
                    new PlayerEndpoint.Builder(pipeline, clip.toUri().toString());
            player = (encoded ? pb.useEncodedMedia() : pb).build();
            player.connect(endpoint);
        }
    }

    /** Sends the clip (video and audio), like a student's camera. */
    public static KmsPeer sender(KurentoClient client, Path clip) {
        return new KmsPeer(client, clip);
    }

    /** Sends the clip's VP8 as it is (no decoding and encoding on the sending server): the capacity bench's students. */
    public static KmsPeer encodedSender(KurentoClient client, Path clip) {
        return new KmsPeer(client, clip, true);
    }

    /** Receives video and audio, like a proctor's view. */
    public static KmsPeer receiver(KurentoClient client) {
        return new KmsPeer(client, null);
    }

    /** Where this peer's ICE candidates go (set it before {@link #answered}). */
    public KmsPeer onCandidate(Consumer<Candidate> to) {
        candidates = to;
        return this;
    }

    public String offer() {
        return endpoint.generateOffer();
    }

    /** An offer without {@code m=audio}, as a page offers its screen (issue 17 (5): the capacity bench's screens). */
    public String videoOnlyOffer() {
        org.kurento.client.OfferOptions options = new org.kurento.client.OfferOptions();
        options.setOfferToReceiveAudio(false);
        return endpoint.generateOffer(options);
    }

    /** The other side's answer: candidates are gathered and, for a sender, the clip plays. */
    public void answered(String sdp) {
        endpoint.processAnswer(sdp);
        endpoint.gatherCandidates();
        if (player != null) player.play();
    }

    /** A candidate of the other side. */
    public void remote(Candidate c) {
        endpoint.addIceCandidate(new IceCandidate(c.candidate(), c.sdpMid(), c.sdpMLineIndex()));
    }

    /** Whether video arrived within {@code limit} (the receiver's {@code MediaFlowInStateChanged}). */
    public boolean videoArrives(Duration limit) throws InterruptedException {
        return videoIn.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String pipelineId() {
        return pipeline.getId();
    }

    @Override
    public void close() {
        pipeline.release();
    }
}
