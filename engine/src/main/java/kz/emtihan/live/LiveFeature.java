package kz.emtihan.live;

import java.util.Set;

/**
 * What a context plugs into the live socket (issue 11, 3): the message types it handles and the topics its sockets
 * follow. Each context registers its features at wiring time ({@link LiveRegistry}); the socket dispatches a message
 * by its type to the one feature that declared it, and {@code live} knows nothing of the contexts themselves.
 */
public interface LiveFeature {
    /** The context that registers it ("exam", "sitting" ...): named in the registry's errors. */
    String owner();

    /** The {@code type}s of the messages it handles; no two features share one. */
    Set<String> handles();

    /** The topics it owns: its sockets follow them, its context publishes on them. */
    default Set<Topic> topics() {
        return Set.of();
    }

    /** Its part of a socket that has just opened. */
    MessageHandler open(LiveConnection connection);
}
