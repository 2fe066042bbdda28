package kz.emtihan.media.kurento;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.kurento.client.KurentoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live media through a Kurento Media Server: per owner (an opaque id; media knows nothing of exams) one
 * {@code MediaPipeline}; per published stream ({@code camera}, {@code screen}) a receive-only
 * {@code WebRtcEndpoint} recorded by a {@code RecorderEndpoint} to WebM; per proctor watching a stream a
 * send-only {@code WebRtcEndpoint} fed by the publisher's (one-to-many). Signalling (SDP, ICE) is only
 * exposed here; the caller relays it to the browsers.
 *
 * <p>Guarantees:
 * <ul>
 *   <li><b>Never blocks the caller.</b> Every call to the media server is a blocking WebSocket round trip,
 *       and all of them run on this adapter's own bounded pool. Public methods check their arguments
 *       (throwing {@link IllegalArgumentException} before any I/O) and return a future that is completed
 *       on a pool thread (after {@link #close}, one already failed). Callers on an event loop should hop
 *       back to it.</li>
 *   <li><b>Ordered per owner.</b> An owner's calls run one at a time in the order they were made, so a
 *       candidate sent after {@link #publish} reaches the endpoint that publish created. Different owners
 *       proceed in parallel.</li>
 *   <li><b>Answer first.</b> {@link Listener#localCandidate} for an endpoint is called after the future
 *       carrying that endpoint's SDP answer completed, and never for an endpoint that was replaced or
 *       released since.</li>
 *   <li><b>Restarts are survived.</b> A keep-alive ({@link KurentoSettings#keepAlive()}) notices a dead
 *       server; the connection is retried forever (by kurento-client, or by a new client when the old one
 *       gave up after a connection reset). If the server restarted or the session is new (all objects
 *       gone), every live owner gets a fresh pipeline and {@link Listener#lost}, then
 *       {@link Listener#reconnected}. Back on the same server and session, only {@code reconnected}.</li>
 *   <li><b>Released on finish.</b> {@link #release} stops the recorders (waiting for the files to be
 *       finalised) and releases the pipeline with everything in it; {@link #close} does so for all owners.</li>
 * </ul>
 * Listener methods run on the pool, one owner's at a time; they must not block. Errors from the server
 * fail the future with kurento-client's {@code KurentoServerException}: {@code getCode()} is the server's
 * code (40101 for an object it does not have), {@code getData()} holds its {@code {"type": ...}}.
 */
public final class KurentoMedia implements AutoCloseable {
    /** The peer name of a stream's publishing browser, as opposed to a viewer id. */
    public static final String PUBLISHER = Inputs.PUBLISHER;

    static final String THREAD_PREFIX = "emtihan-kurento-";

    /** What the adapter tells its user; see the class comment for the thread it is called on. */
    public interface Listener {
        /** Kurento's endpoint for {@code peer} ({@link #PUBLISHER} or a viewer id) found a candidate: send it to that browser. */
        void localCandidate(String owner, String stream, String peer, Candidate candidate);

        /**
         * The media server restarted and lost the owner's objects: its recordings ended there and an empty
         * pipeline is ready. Each publisher must {@link #publish} again and each viewer {@link #view} again.
         */
        void lost(String owner);

        /** The connection is back; after a restart this comes after every {@link #lost}. */
        void reconnected();

        /**
         * Issue 17 (4): whether video reaches the recorder of a published stream (Kurento's
         * {@code MediaFlowInStateChanged} on the recorder): what the recording is worth as evidence. Comes for the
         * current recorder only, in the owner's order.
         */
        default void recording(String owner, String stream, boolean flowing) {}

        /** Issue 17 (4): the connection to the server broke (its recorders may be gone); reconnecting. */
        default void disconnected() {}
    }

    private static final Logger log = LoggerFactory.getLogger(KurentoMedia.class);

    private final KurentoSettings settings;
    private final Clock clock;
    private final ThreadPoolExecutor pool;
    private final Owners owners;
    private final Connector connector;
    private final AtomicBoolean closing = new AtomicBoolean();

    private KurentoMedia(KurentoSettings settings, Listener listener, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pool = newPool(settings.threads());
        this.owners = new Owners(pool, Objects.requireNonNull(listener, "listener"), this::kurento);
        this.connector = new Connector(settings, pool, owners);
    }

    /** {@link #connect(KurentoSettings, Listener, Clock)} with the system clock. */
    public static CompletableFuture<KurentoMedia> connect(KurentoSettings settings, Listener listener) {
        return connect(settings, listener, Clock.systemUTC());
    }

    /**
     * Connects to the media server on the adapter's pool. The future fails (and nothing is left running)
     * if the server cannot be reached; once connected, later outages are reconnected automatically.
     *
     * @param clock names the recordings ({@code <stream>-<startMillis>.webm})
     */
    public static CompletableFuture<KurentoMedia> connect(KurentoSettings settings, Listener listener, Clock clock) {
        KurentoMedia media = new KurentoMedia(settings, listener, clock);
        CompletableFuture<KurentoMedia> connected = CompletableFuture.supplyAsync(
                () -> {
                    media.connector.open();
                    return media;
                },
                media.pool);
        return connected.whenComplete((m, e) -> {
            if (e != null) {
                media.pool.shutdown();
            }
        });
    }

    /**
     * Publishes a browser's stream: creates the owner's pipeline on its first stream, a new endpoint and a
     * new recording (replacing those of an earlier publish of the same stream: a renegotiation), and
     * returns the SDP answer with the recording's URI.
     */
    public CompletableFuture<Published> publish(String owner, String stream, String sdpOffer) {
        Inputs.owner(owner);
        Inputs.stream(stream);
        Inputs.offer(sdpOffer);
        Integer kbps = settings.videoKbps().get(stream);
        return owners.on(
                owner, true, media -> media.publish(kurento(), stream, sdpOffer, recordingUri(owner, stream), kbps));
    }

    /**
     * Gives a browser's ICE candidate to Kurento's endpoint for {@code peer} ({@link #PUBLISHER} or a
     * viewer id). Fails with {@link IllegalStateException} if that peer has no endpoint.
     */
    public CompletableFuture<Void> addCandidate(String owner, String stream, String peer, Candidate candidate) {
        Inputs.owner(owner);
        Inputs.stream(stream);
        Inputs.peer(peer);
        Inputs.candidate(candidate);
        return owners.on(owner, false, media -> {
            media.addCandidate(stream, peer, candidate);
            return null;
        });
    }

    /**
     * Attaches a viewer to a published stream (replacing its earlier endpoint, if any) and returns the SDP
     * answer. Fails with {@link IllegalStateException} if the stream is not published.
     */
    public CompletableFuture<String> view(String owner, String stream, String viewerId, String sdpOffer) {
        Inputs.owner(owner);
        Inputs.stream(stream);
        Inputs.viewer(viewerId);
        Inputs.offer(sdpOffer);
        return owners.on(owner, false, media -> media.view(stream, viewerId, sdpOffer));
    }

    /** Detaches a viewer and releases its endpoint; succeeds if it was not attached. */
    public CompletableFuture<Void> stopViewing(String owner, String stream, String viewerId) {
        Inputs.owner(owner);
        Inputs.stream(stream);
        Inputs.viewer(viewerId);
        return owners.on(owner, false, media -> {
            media.stopViewing(stream, viewerId);
            return null;
        });
    }

    /**
     * Stops the owner's recorders (completing once the files are finalised) and releases its pipeline and
     * everything in it. Objects the server no longer has count as released. The owner is forgotten at once:
     * a later {@link #publish} starts a new pipeline.
     */
    public CompletableFuture<Void> release(String owner) {
        Inputs.owner(owner);
        return owners.release(owner);
    }

    /**
     * Releases every owner, closes the connection and stops the pool, waiting a bounded time (three request
     * timeouts) for each step. Blocks the calling thread; the calls to the server still run on the pool.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        long budget = settings.requestTimeout().toMillis() * 3;
        await(CompletableFuture.allOf(owners.close().toArray(CompletableFuture[]::new)), budget, "releasing owners");
        await(
                owners.async(() -> {
                    connector.close();
                    return null;
                }),
                budget,
                "closing the connection");
        pool.shutdown();
        try {
            if (!pool.awaitTermination(budget, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private KurentoClient kurento() {
        return connector.kurento();
    }

    private String recordingUri(String owner, String stream) {
        return settings.recordingsUri() + "/" + owner + "/" + stream + "-" + clock.millis() + ".webm";
    }

    private static void await(CompletableFuture<?> f, long millis, String what) {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("{} did not finish cleanly: {}", what, e.toString());
        }
    }

    private static ThreadPoolExecutor newPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, THREAD_PREFIX + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
