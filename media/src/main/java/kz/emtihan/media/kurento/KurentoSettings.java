package kz.emtihan.media.kurento;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How {@link KurentoMedia} reaches a Kurento Media Server. Checked when built; a bad value names its field.
 *
 * @param url            the server's JSON-RPC WebSocket, {@code ws://host:8888/kurento} (or {@code wss://})
 * @param recordingsUri  directory the recordings go to, as a {@code file:///} URI on the media server's own
 *                       file system (not necessarily this machine's); a trailing slash is dropped
 * @param keepAlive      interval of the client's {@code ping}. kurento-client's default is 240 s, so a
 *                       dead server would go unnoticed for minutes; a missing pong closes the connection
 *                       and starts reconnecting
 * @param requestTimeout longest wait for one reply (and for one connection attempt); a ping that gets no
 *                       pong within it counts as a dead server
 * @param threads        size of the adapter's own thread pool, on which every blocking Kurento call runs
 * @param videoKbps      issue 17 (2): per stream name ({@code camera}, {@code screen}), the most video its publisher
 *                       endpoint receives, in kbit/s (KMS's {@code maxVideoRecvBandwidth}: {@code b=AS} in the answer,
 *                       and the ceiling of its REMB); a stream not named is left to WebRTC
 */
public record KurentoSettings(
        URI url,
        String recordingsUri,
        Duration keepAlive,
        Duration requestTimeout,
        int threads,
        Map<String, Integer> videoKbps) {
    /** Default {@link #keepAlive()}. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(10);
    /** Default {@link #requestTimeout()}, kurento-client's own. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Default {@link #threads()}: calls block on round trips, not on CPU. */
    public static final int DEFAULT_THREADS = 4;

    private static final int MIN_KBPS = 1;
    private static final int MAX_KBPS = 100_000;
    private static final Duration MIN_DURATION = Duration.ofMillis(50);
    private static final Duration MAX_DURATION = Duration.ofMinutes(10);

    public KurentoSettings {
        if (url == null
                || url.getHost() == null
                || !("ws".equalsIgnoreCase(url.getScheme()) || "wss".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("url must be ws://host:port/path or wss://..., was " + url);
        }
        recordingsUri = recordingsBase(recordingsUri);
        checkDuration("keepAlive", keepAlive);
        checkDuration("requestTimeout", requestTimeout);
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1..64, was " + threads);
        }
        videoKbps = Map.copyOf(videoKbps == null ? Map.of() : videoKbps);
        videoKbps.forEach((stream, kbps) -> {
            if (kbps < MIN_KBPS || kbps > MAX_KBPS) {
                throw new IllegalArgumentException(
                        "videoKbps of " + stream + " must be " + MIN_KBPS + ".." + MAX_KBPS + ", was " + kbps);
            }
        });
    }

    /** Settings with the default keep-alive, request timeout and pool size. */
    public static KurentoSettings of(URI url, String recordingsUri) {
        return new KurentoSettings(
                url, recordingsUri, DEFAULT_KEEP_ALIVE, DEFAULT_REQUEST_TIMEOUT, DEFAULT_THREADS, Map.of());
    }

    /** A copy with another keep-alive interval. */
    public KurentoSettings withKeepAlive(Duration interval) {
        return new KurentoSettings(url, recordingsUri, interval, requestTimeout, threads, videoKbps);
    }

    /** A copy with another request timeout. */
    public KurentoSettings withRequestTimeout(Duration timeout) {
        return new KurentoSettings(url, recordingsUri, keepAlive, timeout, threads, videoKbps);
    }

    /** A copy with another pool size. */
    public KurentoSettings withThreads(int count) {
        return new KurentoSettings(url, recordingsUri, keepAlive, requestTimeout, count, videoKbps);
    }

    /** A copy with these per-stream video ceilings (kbit/s). */
    public KurentoSettings withVideoKbps(Map<String, Integer> kbps) {
        return new KurentoSettings(url, recordingsUri, keepAlive, requestTimeout, threads, kbps);
    }

    private static String recordingsBase(String uri) {
        if (uri == null || !uri.startsWith("file:///") || uri.contains("..") || uri.contains("\\")) {
            throw new IllegalArgumentException("recordingsUri must be an absolute file:/// URI, was " + uri);
        }
        try {
            URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("recordingsUri is not a URI: " + uri, e);
        }
        String base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        if (base.length() <= "file://".length()) {
            throw new IllegalArgumentException("recordingsUri must name a directory, not /");
        }
        return base;
    }

    private static void checkDuration(String field, Duration d) {
        if (d == null || d.compareTo(MIN_DURATION) < 0 || d.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(field + " must be " + MIN_DURATION.toMillis() + " ms.."
                    + MAX_DURATION.toMinutes() + " min, was " + d);
        }
    }
}
