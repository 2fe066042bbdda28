package kz.emtihan.media.kurento;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kurento.client.KurentoClient;
import org.kurento.jsonrpc.client.JsonRpcWSConnectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link KurentoMedia} connected to the media server. kurento-client reconnects by itself when its
 * socket closes (and tells whether it found the same server), but when the socket fails with an exception
 * (a connection reset, as a crashed server or a dropped route gives) it closes itself for good and only
 * says {@code disconnected}. Then this opens a new client, retrying every 2 s, and reports every owner
 * lost: a new client has a new session and none of the old objects.
 */
final class Connector {
    private static final long RETRY_MILLIS = 2000;
    private static final Logger log = LoggerFactory.getLogger(Connector.class);

    private final KurentoSettings settings;
    private final Executor pool;
    private final Owners owners;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile KmsConnection current;

    Connector(KurentoSettings settings, Executor pool, Owners owners) {
        this.settings = settings;
        this.pool = pool;
        this.owners = owners;
    }

    /** Opens the first connection; blocks, so call it on the pool. */
    void open() {
        current = KmsConnection.open(settings, new Events());
        log.info("connected to the media server at {}", settings.url());
    }

    /** The client of the current connection. */
    KurentoClient kurento() {
        KmsConnection c = current;
        if (c == null) {
            throw new IllegalStateException("not connected to the media server at " + settings.url());
        }
        return c.kurento();
    }

    /** Closes the connection for good; blocks on a round trip, so call it on the pool. */
    void close() {
        closing.set(true);
        KmsConnection c = current;
        if (c != null) {
            c.close();
        }
    }

    private void reopenLater(long delayMillis) {
        Executor later =
                delayMillis == 0 ? pool : CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS, pool);
        try {
            later.execute(this::reopen);
        } catch (RejectedExecutionException e) {
            log.debug("not reconnecting: the adapter is closed");
        }
    }

    private void reopen() {
        if (closing.get()) {
            return;
        }
        KmsConnection fresh;
        try {
            fresh = KmsConnection.open(settings, new Events());
        } catch (RuntimeException e) {
            log.warn(
                    "could not reach the media server at {}; retrying in {} ms: {}",
                    settings.url(),
                    RETRY_MILLIS,
                    e.toString());
            reopenLater(RETRY_MILLIS);
            return;
        }
        if (closing.get()) {
            fresh.close();
            return;
        }
        current = fresh;
        log.warn("opened a new connection to the media server at {}; rebuilding every owner", settings.url());
        owners.serverReplaced();
    }

    /** kurento-client's events for one connection, on its threads; those of a replaced connection are ignored. */
    private final class Events implements JsonRpcWSConnectionListener {
        private final AtomicBoolean gaveUp = new AtomicBoolean();

        private boolean stale() {
            KmsConnection c = current;
            return closing.get() || c == null || !c.reportsTo(this);
        }

        @Override
        public void connected() {
            log.debug("WebSocket to the media server at {} open", settings.url());
        }

        @Override
        public void connectionFailed() {
            log.warn("could not connect to the media server at {}", settings.url());
        }

        @Override
        public void reconnecting() {
            log.warn("lost the media server at {}; reconnecting", settings.url());
            if (!stale()) owners.disconnected();
        }

        @Override
        public void disconnected() {
            if (stale() || !gaveUp.compareAndSet(false, true)) {
                return;
            }
            log.warn("kurento-client gave up on the media server at {}; opening a new connection", settings.url());
            owners.disconnected();
            reopenLater(0);
        }

        @Override
        public void reconnected(boolean sameServer) {
            if (stale()) {
                return;
            }
            if (sameServer) {
                log.info("reconnected to the media server at {}; its objects are intact", settings.url());
                owners.sameServer();
            } else {
                log.warn("the media server at {} restarted and lost every object; rebuilding", settings.url());
                owners.serverReplaced();
            }
        }
    }
}
