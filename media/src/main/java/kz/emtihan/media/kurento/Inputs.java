package kz.emtihan.media.kurento;

import java.util.regex.Pattern;

/** Checks of the adapter's arguments, done on the caller's thread before any I/O. */
final class Inputs {
    static final String PUBLISHER = "publisher";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern STREAM = Pattern.compile("[a-z]{1,16}");
    private static final int MAX_SDP = 64 * 1024;

    private Inputs() {}

    /** Owner ids are opaque to media, as in {@code RecordingStore}: {@code [A-Za-z0-9_-]{1,64}}. */
    static String owner(String owner) {
        if (owner == null || !ID.matcher(owner).matches()) {
            throw new IllegalArgumentException("owner must match " + ID + ", was " + quoted(owner));
        }
        return owner;
    }

    /** Streams are named like {@code camera} or {@code screen}: {@code [a-z]{1,16}}. */
    static String stream(String stream) {
        if (stream == null || !STREAM.matcher(stream).matches()) {
            throw new IllegalArgumentException("stream must match " + STREAM + ", was " + quoted(stream));
        }
        return stream;
    }

    /** A viewer id is shaped like an owner id and is never {@value #PUBLISHER}. */
    static String viewer(String viewerId) {
        if (viewerId == null || !ID.matcher(viewerId).matches() || PUBLISHER.equals(viewerId)) {
            throw new IllegalArgumentException(
                    "viewerId must match " + ID + " and not be '" + PUBLISHER + "', was " + quoted(viewerId));
        }
        return viewerId;
    }

    /** A peer is {@value #PUBLISHER} or a viewer id. */
    static String peer(String peer) {
        return PUBLISHER.equals(peer) ? peer : viewer(peer);
    }

    /** An SDP offer as a browser writes it: starts with {@code v=0}, at most 64 KiB. */
    static String offer(String sdp) {
        if (sdp == null || !sdp.startsWith("v=0") || sdp.length() > MAX_SDP) {
            throw new IllegalArgumentException(
                    "sdpOffer must be an SDP (starting with v=0) of at most " + MAX_SDP + " characters");
        }
        return sdp;
    }

    static Candidate candidate(Candidate candidate) {
        if (candidate == null) {
            throw new IllegalArgumentException("candidate is missing");
        }
        return candidate;
    }

    private static String quoted(String s) {
        if (s == null) {
            return "null";
        }
        return "'" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'";
    }
}
