package kz.emtihan.live;

import io.vertx.core.json.JsonObject;

/**
 * One feature's part of one open socket ({@link LiveFeature#open}): it handles the messages of the types its feature
 * declared, in the order the page sent them, on the socket's event loop, and only while the socket's token holds.
 */
public interface MessageHandler {
    /** A message of one of the feature's types, already parsed; refusals go back with {@link LiveConnection#refuse}. */
    void handle(String type, JsonObject message);

    /** Every {@value LiveSocket#TIME_EVERY_MILLIS} ms while the socket is open: refresh or check again what it holds. */
    default void tick() {}

    /** The socket closed: let go of what it held. Called once, in the order the features were registered. */
    default void closed() {}
}
