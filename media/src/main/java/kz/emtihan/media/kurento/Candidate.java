package kz.emtihan.media.kurento;

/**
 * One ICE candidate as WebRTC signals it ({@code RTCIceCandidate}'s three fields), in either direction:
 * from a browser to Kurento ({@link KurentoMedia#addCandidate}) or from Kurento to a browser
 * ({@link KurentoMedia.Listener#localCandidate}).
 *
 * @param candidate     the {@code candidate:} line; empty is the end-of-candidates notice, which
 *                      Kurento accepts and ignores
 * @param sdpMid        the media section's {@code mid} (may be empty: the index then identifies it)
 * @param sdpMLineIndex the media section's index in the SDP, from 0
 * @throws IllegalArgumentException a field is missing, too long or negative
 */
public record Candidate(String candidate, String sdpMid, int sdpMLineIndex) {
    private static final int MAX_CANDIDATE = 1024;
    private static final int MAX_MID = 64;
    private static final int MAX_INDEX = 255;

    public Candidate {
        if (candidate == null || candidate.length() > MAX_CANDIDATE) {
            throw new IllegalArgumentException("candidate must be at most " + MAX_CANDIDATE + " characters");
        }
        if (sdpMid == null || sdpMid.length() > MAX_MID) {
            throw new IllegalArgumentException("sdpMid must be at most " + MAX_MID + " characters");
        }
        if (sdpMLineIndex < 0 || sdpMLineIndex > MAX_INDEX) {
            throw new IllegalArgumentException("sdpMLineIndex must be 0.." + MAX_INDEX + ", was " + sdpMLineIndex);
        }
    }
}
