package kz.emtihan.proctor;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import kz.emtihan.exam.LiveAttempt;
import kz.emtihan.live.LiveConnection;
import kz.emtihan.live.LiveFeature;
import kz.emtihan.live.MessageHandler;

/**
 * A student's exam page closing its live socket while the attempt runs raises a {@code disconnected} flag (issue 4):
 * plugged into the live socket, it handles no message and only hears the socket close.
 */
final class DisconnectWatch implements LiveFeature {
    private final Watching watching;

    DisconnectWatch(Watching watching) {
        this.watching = watching;
    }

    @Override
    public String owner() {
        return "proctor";
    }

    @Override
    public Set<String> handles() {
        return Set.of();
    }

    @Override
    public MessageHandler open(LiveConnection connection) {
        return new MessageHandler() {
            @Override
            public void handle(String type, JsonObject message) {}

            @Override
            public void closed() {
                connection.get(LiveAttempt.FOLLOWED).ifPresent(a -> watching.disconnected(a.attemptId()));
            }
        };
    }
}
