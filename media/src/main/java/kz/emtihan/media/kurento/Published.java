package kz.emtihan.media.kurento;

/**
 * Result of {@link KurentoMedia#publish}: what to send back to the publishing browser, and where
 * Kurento records the stream.
 *
 * @param sdpAnswer    Kurento's SDP answer to the browser's offer
 * @param recordingUri the WebM file the stream is recorded to, as Kurento sees it:
 *                     {@code <recordingsUri>/<owner>/<stream>-<startMillis>.webm}. Each publish (also a
 *                     renegotiation of the same stream) starts a new file.
 */
public record Published(String sdpAnswer, String recordingUri) {}
