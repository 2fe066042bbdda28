package kz.emtihan.media.kurento;

import java.io.IOException;
import org.kurento.client.KurentoClient;
import org.kurento.jsonrpc.client.JsonRpcClientNettyWebSocket;
import org.kurento.jsonrpc.client.JsonRpcWSConnectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC connection to the media server: kurento-client's own Netty WebSocket client, set up the
 * way {@code KurentoClient.create(url, listener)} sets it up (reconnect forever, say goodbye on close)
 * but with this adapter's keep-alive and timeouts. Its blocking calls must run on the adapter's pool.
 */
final class KmsConnection {
    private static final Logger log = LoggerFactory.getLogger(KmsConnection.class);

    private final JsonRpcClientNettyWebSocket rpc;
    private final KurentoClient kurento;
    private final JsonRpcWSConnectionListener events;

    private KmsConnection(JsonRpcClientNettyWebSocket rpc, KurentoClient kurento, JsonRpcWSConnectionListener events) {
        this.rpc = rpc;
        this.kurento = kurento;
        this.events = events;
    }

    /**
     * Connects; blocks until the WebSocket is open.
     *
     * @param events told of disconnections and reconnections, on kurento-client's threads
     * @throws org.kurento.commons.exception.KurentoException the server cannot be reached
     */
    static KmsConnection open(KurentoSettings settings, JsonRpcWSConnectionListener events) {
        JsonRpcClientNettyWebSocket rpc =
                new JsonRpcClientNettyWebSocket(settings.url().toString(), events);
        rpc.setLabel("KurentoClient:emtihan-media");
        rpc.setTryReconnectingForever(true);
        rpc.setSendCloseMessage(true);
        rpc.setRequestTimeout(settings.requestTimeout().toMillis());
        rpc.setConnectionTimeout((int) settings.requestTimeout().toMillis());
        // Must come before KurentoClient's constructor: it starts the heartbeat with the 240 s default
        // (read once from the system property kurento.client.keepAliveTime) unless one already runs.
        rpc.enableHeartbeat((int) settings.keepAlive().toMillis());
        try {
            return new KmsConnection(rpc, KurentoClient.createFromJsonRpcClientHonoringClientTimeouts(rpc), events);
        } catch (RuntimeException e) {
            stop(rpc);
            throw e;
        }
    }

    KurentoClient kurento() {
        return kurento;
    }

    /** Whether {@code listener} is the one this connection reports its events to. */
    boolean reportsTo(JsonRpcWSConnectionListener listener) {
        return events == listener;
    }

    /** Closes the session and the socket, and stops any reconnection in progress. Blocks on a round trip. */
    void close() {
        rpc.setTryReconnectingForever(false);
        kurento.destroy();
    }

    private static void stop(JsonRpcClientNettyWebSocket rpc) {
        rpc.setTryReconnectingForever(false);
        rpc.setSendCloseMessage(false);
        try {
            rpc.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing a connection that never opened: {}", e.toString());
        }
    }
}
