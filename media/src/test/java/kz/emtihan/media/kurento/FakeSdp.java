package kz.emtihan.media.kurento;

import java.util.ArrayList;
import java.util.List;

/**
 * SDP for the Kurento tests: browser-shaped offers (the lines Chrome writes for an audio + VP8 video
 * transceiver pair with trickle ICE and BUNDLE, so that the {@code KMS_URL} test can send them to a real
 * server) and the stand-in server's answers, which mirror the offer's sections with the direction the
 * endpoint allows.
 */
public final class FakeSdp {
    private static final String CRLF = "\r\n";
    private static final String FINGERPRINT = "a=fingerprint:sha-256 "
            + "6B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08";

    private FakeSdp() {}

    /** A publishing browser's offer: camera (audio + video) or screen (video), sent only. */
    public static String publisherOffer(boolean audio) {
        return offer(audio, "sendonly");
    }

    /** A watching browser's offer: audio + video, received only. */
    public static String viewerOffer() {
        return offer(true, "recvonly");
    }

    private static String offer(boolean audio, String direction) {
        List<String> mids = audio ? List.of("0", "1") : List.of("0");
        StringBuilder sdp = new StringBuilder()
                .append("v=0")
                .append(CRLF)
                .append("o=- 4611731400430051336 2 IN IP4 127.0.0.1")
                .append(CRLF)
                .append("s=-")
                .append(CRLF)
                .append("t=0 0")
                .append(CRLF)
                .append("a=group:BUNDLE ")
                .append(String.join(" ", mids))
                .append(CRLF)
                .append("a=extmap-allow-mixed")
                .append(CRLF)
                .append("a=msid-semantic: WMS emtihan")
                .append(CRLF);
        if (audio) {
            section(sdp, "audio", "111", "0", direction);
            sdp.append("a=rtpmap:111 opus/48000/2")
                    .append(CRLF)
                    .append("a=fmtp:111 minptime=10;useinbandfec=1")
                    .append(CRLF);
        }
        section(sdp, "video", "96", audio ? "1" : "0", direction);
        sdp.append("a=rtcp-rsize")
                .append(CRLF)
                .append("a=rtpmap:96 VP8/90000")
                .append(CRLF)
                .append("a=rtcp-fb:96 goog-remb")
                .append(CRLF)
                .append("a=rtcp-fb:96 ccm fir")
                .append(CRLF)
                .append("a=rtcp-fb:96 nack")
                .append(CRLF)
                .append("a=rtcp-fb:96 nack pli")
                .append(CRLF);
        return sdp.toString();
    }

    private static void section(StringBuilder sdp, String kind, String formats, String mid, String direction) {
        sdp.append("m=")
                .append(kind)
                .append(" 9 UDP/TLS/RTP/SAVPF ")
                .append(formats)
                .append(CRLF)
                .append("c=IN IP4 0.0.0.0")
                .append(CRLF)
                .append("a=rtcp:9 IN IP4 0.0.0.0")
                .append(CRLF)
                .append("a=ice-ufrag:EmTh")
                .append(CRLF)
                .append("a=ice-pwd:emtihanemtihanemtihan00")
                .append(CRLF)
                .append("a=ice-options:trickle")
                .append(CRLF)
                .append(FINGERPRINT)
                .append(CRLF)
                .append("a=setup:actpass")
                .append(CRLF)
                .append("a=mid:")
                .append(mid)
                .append(CRLF)
                .append("a=")
                .append(direction)
                .append(CRLF);
        if (direction.startsWith("send")) {
            sdp.append("a=msid:emtihan ").append(kind).append(CRLF);
        }
        sdp.append("a=rtcp-mux").append(CRLF);
    }

    /** One media section of an SDP: its {@code m=} line, {@code mid} and direction. */
    record Section(String mLine, String mid, String direction) {}

    /** The media sections of {@code sdp}; empty if it is not an SDP. */
    static List<Section> sections(String sdp) {
        List<Section> out = new ArrayList<>();
        if (sdp == null || !sdp.startsWith("v=0")) {
            return out;
        }
        String mLine = null;
        String mid = null;
        String direction = "sendrecv";
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                if (mLine != null) {
                    out.add(new Section(mLine, mid, direction));
                }
                mLine = line;
                mid = null;
                direction = "sendrecv";
            } else if (mLine != null && line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length());
            } else if (mLine != null
                    && List.of("a=sendrecv", "a=sendonly", "a=recvonly", "a=inactive")
                            .contains(line)) {
                direction = line.substring(2);
            }
        }
        if (mLine != null) {
            out.add(new Section(mLine, mid, direction));
        }
        return out;
    }

    /**
     * The stand-in's answer: each offered section answered with the direction an endpoint built with
     * {@code mode} ({@code recvonly}, {@code sendonly} or {@code sendrecv}) can agree to.
     */
    static String answer(List<Section> offered, String mode) {
        List<String> mids = offered.stream().map(Section::mid).toList();
        StringBuilder sdp = new StringBuilder()
                .append("v=0")
                .append(CRLF)
                .append("o=- 3917445582 0 IN IP4 0.0.0.0")
                .append(CRLF)
                .append("s=Kurento Media Server (test stand-in)")
                .append(CRLF)
                .append("t=0 0")
                .append(CRLF)
                .append("a=group:BUNDLE ")
                .append(String.join(" ", mids))
                .append(CRLF);
        for (Section s : offered) {
            String[] m = s.mLine().split(" ", 4);
            sdp.append(m[0])
                    .append(" 1 ")
                    .append(m[2])
                    .append(' ')
                    .append(m.length > 3 ? m[3] : "")
                    .append(CRLF)
                    .append("c=IN IP4 0.0.0.0")
                    .append(CRLF)
                    .append("a=mid:")
                    .append(s.mid())
                    .append(CRLF)
                    .append("a=")
                    .append(answerDirection(s.direction(), mode))
                    .append(CRLF)
                    .append("a=ice-ufrag:KmSx")
                    .append(CRLF)
                    .append("a=ice-pwd:standinstandinstandin00")
                    .append(CRLF)
                    .append(FINGERPRINT)
                    .append(CRLF)
                    .append("a=setup:active")
                    .append(CRLF)
                    .append("a=rtcp-mux")
                    .append(CRLF);
        }
        return sdp.toString();
    }

    private static String answerDirection(String offered, String mode) {
        boolean peerSends = offered.equals("sendrecv") || offered.equals("sendonly");
        boolean peerReceives = offered.equals("sendrecv") || offered.equals("recvonly");
        boolean weReceive = peerSends && !mode.equals("sendonly");
        boolean weSend = peerReceives && !mode.equals("recvonly");
        if (weReceive && weSend) {
            return "sendrecv";
        }
        return weReceive ? "recvonly" : weSend ? "sendonly" : "inactive";
    }
}
