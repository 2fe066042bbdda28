package kz.emtihan.media.kurento;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kurento.client.IceCandidate;
import org.kurento.client.KurentoClient;
import org.kurento.client.RecorderEndpoint;
import org.kurento.client.WebRtcEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live owners of a {@link KurentoMedia}, each with its {@link OwnerMedia} and the
 * {@link SerialExecutor} that alone touches it; delivers their events to the listener. Entries are created
 * by a publish and removed by a release, so the map holds only owners with media.
 */
final class Owners {
    private record Owner(String id, SerialExecutor serial, OwnerMedia media) {}

    private static final Logger log = LoggerFactory.getLogger(Owners.class);

    private final Executor pool;
    private final KurentoMedia.Listener listener;
    private final Supplier<KurentoClient> kurento;
    private final ConcurrentMap<String, Owner> owners = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    Owners(Executor pool, KurentoMedia.Listener listener, Supplier<KurentoClient> kurento) {
        this.pool = pool;
        this.listener = listener;
        this.kurento = kurento;
    }

    /**
     * Runs {@code work} on the owner's media, after the owner's earlier calls. Without {@code create}, an
     * owner with no media gets an empty {@link OwnerMedia} that is not kept.
     */
    <T> CompletableFuture<T> on(String owner, boolean create, Function<OwnerMedia, T> work) {
        if (closed.get()) {
            return closedFuture();
        }
        Owner entry = create ? owners.computeIfAbsent(owner, this::newOwner) : owners.get(owner);
        if (entry == null) {
            OwnerMedia none = new OwnerMedia(owner, (stream, peer, source, c) -> {});
            return async(() -> work.apply(none));
        }
        return entry.serial().submit(() -> work.apply(entry.media()));
    }

    /** Forgets the owner now and releases its media after its earlier calls. */
    CompletableFuture<Void> release(String owner) {
        if (closed.get()) {
            return closedFuture();
        }
        Owner entry = owners.remove(owner);
        return entry == null ? async(() -> null) : releaseLater(entry);
    }

    /** Refuses further calls and releases every owner; the futures say when each release finished. */
    List<CompletableFuture<Void>> close() {
        List<CompletableFuture<Void>> releases = new ArrayList<>();
        if (closed.compareAndSet(false, true)) {
            for (String id : List.copyOf(owners.keySet())) {
                Owner entry = owners.remove(id);
                if (entry != null) {
                    releases.add(releaseLater(entry));
                }
            }
        }
        return releases;
    }

    boolean isClosed() {
        return closed.get();
    }

    /**
     * After the server restarted: every live owner forgets its lost objects, gets a fresh pipeline and is
     * reported {@link KurentoMedia.Listener#lost}; then {@link KurentoMedia.Listener#reconnected}.
     */
    void serverReplaced() {
        if (closed.get()) {
            return;
        }
        List<CompletableFuture<Void>> rebuilt = new ArrayList<>();
        for (Owner entry : owners.values()) {
            rebuilt.add(entry.serial().submit(() -> {
                if (owners.get(entry.id()) != entry) {
                    entry.media().forget();
                    return null;
                }
                try {
                    entry.media().rebuild(kurento.get());
                } catch (RuntimeException e) {
                    entry.media().forget();
                    log.warn(
                            "could not rebuild the pipeline of owner {}; its next publish will: {}",
                            entry.id(),
                            e.toString());
                }
                tell(() -> listener.lost(entry.id()));
                return null;
            }));
        }
        CompletableFuture.allOf(rebuilt.toArray(CompletableFuture[]::new))
                .whenCompleteAsync((v, e) -> tell(listener::reconnected), pool);
    }

    /** The connection came back to the same server: nothing was lost. */
    void sameServer() {
        if (closed.get()) {
            return;
        }
        async(() -> {
            tell(listener::reconnected);
            return null;
        });
    }

    /** Runs {@code work} on the pool, outside any owner's order. */
    <T> CompletableFuture<T> async(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Owner newOwner(String id) {
        return new Owner(id, new SerialExecutor(pool), new OwnerMedia(id, new OwnerMedia.CandidateSink() {
            @Override
            public void found(String stream, String peer, WebRtcEndpoint source, IceCandidate c) {
                candidateFound(id, stream, peer, source, c);
            }

            @Override
            public void flowing(String stream, RecorderEndpoint recorder, boolean flowing) {
                flowChanged(id, stream, recorder, flowing);
            }
        }));
    }

    /** Issue 17 (4): the connection broke; the listener hears it (its recordings may have stopped). */
    void disconnected() {
        if (!closed.get())
            async(() -> {
                tell(listener::disconnected);
                return null;
            });
    }

    private void flowChanged(String owner, String stream, RecorderEndpoint recorder, boolean flowing) {
        Owner entry = owners.get(owner);
        if (entry == null || closed.get()) {
            return;
        }
        entry.serial().submit(() -> {
            if (owners.get(owner) == entry && entry.media().isCurrent(stream, recorder)) {
                tell(() -> listener.recording(owner, stream, flowing));
            }
            return null;
        });
    }

    private CompletableFuture<Void> releaseLater(Owner entry) {
        return entry.serial().submit(() -> {
            entry.media().release();
            return null;
        });
    }

    private void candidateFound(String owner, String stream, String peer, WebRtcEndpoint source, IceCandidate c) {
        Owner entry = owners.get(owner);
        if (entry == null || closed.get()) {
            return;
        }
        entry.serial().submit(() -> {
            if (owners.get(owner) == entry && entry.media().isCurrent(stream, peer, source)) {
                tell(() -> listener.localCandidate(
                        owner, stream, peer, new Candidate(c.getCandidate(), c.getSdpMid(), c.getSdpMLineIndex())));
            }
            return null;
        });
    }

    private static <T> CompletableFuture<T> closedFuture() {
        return CompletableFuture.failedFuture(new IllegalStateException("KurentoMedia is closed"));
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("the media listener failed", e);
        }
    }
}
