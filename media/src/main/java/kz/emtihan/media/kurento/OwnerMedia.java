package kz.emtihan.media.kurento;

import java.util.HashMap;
import java.util.Map;
import org.kurento.client.IceCandidate;
import org.kurento.client.KurentoClient;
import org.kurento.client.MediaFlowState;
import org.kurento.client.MediaObject;
import org.kurento.client.MediaPipeline;
import org.kurento.client.MediaProfileSpecType;
import org.kurento.client.MediaType;
import org.kurento.client.RecorderEndpoint;
import org.kurento.client.WebRtcEndpoint;
import org.kurento.client.internal.server.KurentoServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kurento objects of one owner: a pipeline; per published stream a receive-only
 * {@link WebRtcEndpoint} connected to a {@link RecorderEndpoint} writing WebM; per viewer a send-only
 * {@link WebRtcEndpoint} fed by the stream's publisher endpoint (one-to-many).
 *
 * <p>Not thread-safe: only its owner's {@link SerialExecutor} calls it, one method at a time. Every
 * method blocks on round trips to the media server, so it must never run on a caller's thread.
 */
final class OwnerMedia {
    /** Where a local ICE candidate found by an endpoint goes; called on kurento-client's threads. */
    interface CandidateSink {
        void found(String stream, String peer, WebRtcEndpoint source, IceCandidate candidate);

        /** Issue 17 (4): video began or stopped reaching {@code recorder}; on kurento-client's threads. */
        default void flowing(String stream, RecorderEndpoint recorder, boolean flowing) {}
    }

    private record Publisher(WebRtcEndpoint endpoint, RecorderEndpoint recorder) {}

    /** KMS error code for an object it does not have (released, or lost in a restart). */
    static final int OBJECT_NOT_FOUND = 40101;

    private static final Logger log = LoggerFactory.getLogger(OwnerMedia.class);

    private final String owner;
    private final CandidateSink sink;
    private final Map<String, Publisher> publishers = new HashMap<>();
    private final Map<String, Map<String, WebRtcEndpoint>> viewers = new HashMap<>();
    private MediaPipeline pipeline;

    OwnerMedia(String owner, CandidateSink sink) {
        this.owner = owner;
        this.sink = sink;
    }

    /**
     * Publishes {@code stream} ({@code videoKbps}: the most video it may send, null for WebRTC's own): creates the
     * pipeline if needed, a new endpoint and recorder (stopping and
     * releasing those of an earlier publish of the stream), reconnects the stream's viewers to the new
     * endpoint, answers the offer, starts gathering candidates and recording. On failure, the objects this
     * call created are released and the earlier publisher is gone.
     */
    Published publish(KurentoClient kurento, String stream, String offer, String recordingUri, Integer videoKbps) {
        MediaPipeline p = pipeline(kurento);
        dropPublisher(stream);
        WebRtcEndpoint endpoint = null;
        RecorderEndpoint recorder = null;
        try {
            endpoint = new WebRtcEndpoint.Builder(p).recvonly().build();
            listen(endpoint, stream, Inputs.PUBLISHER);
            // issue 17 (2): the configured bitrate is the most the endpoint receives: b=AS in the answer (the browser
            // keeps under it) and the ceiling of KMS's REMB; set before the offer is processed, or the answer lacks it
            if (videoKbps != null) endpoint.setMaxVideoRecvBandwidth(videoKbps);
            // issue 17 (3): a real KMS recording with profile WEBM waits for an audio track too, so a stream offered
            // without audio (the screen) wrote a file of 0 bytes; such a stream is recorded video-only
            recorder = new RecorderEndpoint.Builder(p, recordingUri)
                    .withMediaProfile(
                            offer.contains("m=audio")
                                    ? MediaProfileSpecType.WEBM
                                    : MediaProfileSpecType.WEBM_VIDEO_ONLY)
                    .build();
            recorder.addErrorListener(e -> log.warn(
                    "recorder error for owner {} stream {} ({}): {} {}",
                    owner,
                    stream,
                    recordingUri,
                    e.getErrorCode(),
                    e.getDescription()));
            RecorderEndpoint recording = recorder;
            recorder.addMediaFlowInStateChangedListener(e -> {
                if (e.getMediaType() == MediaType.VIDEO)
                    sink.flowing(stream, recording, e.getState() == MediaFlowState.FLOWING);
            });
            endpoint.connect(recorder);
            for (WebRtcEndpoint viewer : viewersOf(stream).values()) {
                endpoint.connect(viewer);
            }
            String answer = endpoint.processOffer(offer);
            endpoint.gatherCandidates();
            recorder.record();
            publishers.put(stream, new Publisher(endpoint, recorder));
            log.info("owner {} publishes {} recorded to {}", owner, stream, recordingUri);
            return new Published(answer, recordingUri);
        } catch (RuntimeException e) {
            releaseQuietly(stream + " recorder", recorder);
            releaseQuietly(stream + " publisher", endpoint);
            throw e;
        }
    }

    /**
     * Attaches viewer {@code viewerId} to {@code stream} (replacing its earlier endpoint, if any) and
     * returns the SDP answer.
     *
     * @throws IllegalStateException the stream is not published
     */
    String view(String stream, String viewerId, String offer) {
        Publisher publisher = publishers.get(stream);
        if (publisher == null) {
            throw new IllegalStateException("owner " + owner + " does not publish " + stream);
        }
        dropViewer(stream, viewerId);
        WebRtcEndpoint endpoint = null;
        try {
            endpoint = new WebRtcEndpoint.Builder(pipeline).sendonly().build();
            listen(endpoint, stream, viewerId);
            publisher.endpoint().connect(endpoint);
            String answer = endpoint.processOffer(offer);
            endpoint.gatherCandidates();
            viewersOf(stream).put(viewerId, endpoint);
            log.info("viewer {} watches owner {} stream {}", viewerId, owner, stream);
            return answer;
        } catch (RuntimeException e) {
            releaseQuietly(stream + " viewer " + viewerId, endpoint);
            throw e;
        }
    }

    /**
     * Gives a browser's candidate to the endpoint of {@code peer}.
     *
     * @throws IllegalStateException there is no such peer (not published, not viewing, or lost)
     */
    void addCandidate(String stream, String peer, Candidate c) {
        WebRtcEndpoint endpoint = endpoint(stream, peer);
        if (endpoint == null) {
            throw new IllegalStateException("owner " + owner + " has no peer " + peer + " on " + stream);
        }
        endpoint.addIceCandidate(new IceCandidate(c.candidate(), c.sdpMid(), c.sdpMLineIndex()));
    }

    /** Detaches a viewer; does nothing if it is not attached. */
    void stopViewing(String stream, String viewerId) {
        dropViewer(stream, viewerId);
    }

    /** Whether {@code recorder} is still the recorder of {@code stream} (not replaced, released or lost). */
    boolean isCurrent(String stream, RecorderEndpoint recorder) {
        Publisher p = publishers.get(stream);
        return p != null && p.recorder() == recorder;
    }

    /** Whether {@code source} is still the endpoint of {@code peer} (not replaced, released or lost). */
    boolean isCurrent(String stream, String peer, WebRtcEndpoint source) {
        return source != null && endpoint(stream, peer) == source;
    }

    /**
     * Stops every recorder (waiting until its file is finalised), then releases the pipeline, which releases
     * everything in it. Objects the server no longer has count as released.
     */
    void release() {
        for (Map.Entry<String, Publisher> e : publishers.entrySet()) {
            stopQuietly(e.getKey(), e.getValue().recorder());
        }
        MediaPipeline p = pipeline;
        forget();
        if (p != null) {
            try {
                p.release();
            } catch (KurentoServerException e) {
                if (e.getCode() != OBJECT_NOT_FOUND) {
                    throw e;
                }
            }
            log.info("owner {} released", owner);
        }
    }

    /** Drops every object without telling the server: after a server restart they no longer exist. */
    void forget() {
        pipeline = null;
        publishers.clear();
        viewers.clear();
    }

    /** After a server restart: forgets the lost objects and creates a fresh, empty pipeline. */
    void rebuild(KurentoClient kurento) {
        forget();
        pipeline(kurento);
    }

    private MediaPipeline pipeline(KurentoClient kurento) {
        if (pipeline == null) {
            pipeline = kurento.createMediaPipeline();
        }
        return pipeline;
    }

    private void listen(WebRtcEndpoint endpoint, String stream, String peer) {
        endpoint.addIceCandidateFoundListener(e -> sink.found(stream, peer, endpoint, e.getCandidate()));
    }

    private WebRtcEndpoint endpoint(String stream, String peer) {
        if (Inputs.PUBLISHER.equals(peer)) {
            Publisher p = publishers.get(stream);
            return p == null ? null : p.endpoint();
        }
        Map<String, WebRtcEndpoint> of = viewers.get(stream);
        return of == null ? null : of.get(peer);
    }

    private Map<String, WebRtcEndpoint> viewersOf(String stream) {
        return viewers.computeIfAbsent(stream, s -> new HashMap<>());
    }

    private void dropPublisher(String stream) {
        Publisher old = publishers.remove(stream);
        if (old != null) {
            stopQuietly(stream, old.recorder());
            releaseQuietly(stream + " recorder", old.recorder());
            releaseQuietly(stream + " publisher", old.endpoint());
        }
    }

    private void dropViewer(String stream, String viewerId) {
        Map<String, WebRtcEndpoint> of = viewers.get(stream);
        WebRtcEndpoint old = of == null ? null : of.remove(viewerId);
        if (old != null) {
            releaseQuietly(stream + " viewer " + viewerId, old);
        }
    }

    private void stopQuietly(String stream, RecorderEndpoint recorder) {
        try {
            recorder.stopAndWait();
        } catch (RuntimeException e) {
            log.warn("could not stop the recorder of owner {} stream {}: {}", owner, stream, e.toString());
        }
    }

    private void releaseQuietly(String what, MediaObject object) {
        if (object == null) {
            return;
        }
        try {
            object.release();
        } catch (KurentoServerException e) {
            if (e.getCode() != OBJECT_NOT_FOUND) {
                log.warn("could not release the {} of owner {}: {}", what, owner, e.toString());
            }
        } catch (RuntimeException e) {
            log.warn("could not release the {} of owner {}: {}", what, owner, e.toString());
        }
    }
}
