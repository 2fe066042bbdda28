package kz.emtihan.live;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * One socket's messages handled one after another, in the order they came: each step starts when the one before has
 * finished, whether it succeeded or not. Relaying takes round trips on pooled Redis connections, which could
 * otherwise overtake each other, and a WebRTC candidate must never reach a page before the description it belongs
 * to. Used on the socket's own event loop only.
 */
public final class InOrder {
    private Future<Void> last = Future.succeededFuture();

    public Future<Void> then(Supplier<Future<Void>> step) {
        Future<Void> next = last.transform(previous -> step.get());
        last = next.otherwiseEmpty();
        return next;
    }
}
