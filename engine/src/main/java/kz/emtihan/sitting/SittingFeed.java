package kz.emtihan.sitting;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import kz.emtihan.live.LiveConnection;
import kz.emtihan.live.LiveFeature;
import kz.emtihan.live.MessageHandler;
import kz.emtihan.live.Topic;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/**
 * The sitting context's part of the live socket: {@code {"type":"sitting","sittingId"}} from a participant (whoever
 * may read the sitting) follows {@code live:sitting:<id>}, answered {@code {"type":"following-sitting","sittingId"}};
 * the page then hears {@code {"type":"sitting","change"}} whenever the sitting changes, and reads it again.
 */
final class SittingFeed implements LiveFeature {
    static final Topic TOPIC = new Topic("sitting");
    private final Sittings sittings;

    SittingFeed(Sittings sittings) {
        this.sittings = sittings;
    }

    @Override
    public String owner() {
        return "sitting";
    }

    @Override
    public Set<String> handles() {
        return Set.of("sitting");
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public MessageHandler open(LiveConnection conn) {
        return (type, message) -> {
            String sittingId = message.getString("sittingId", "");
            sittings.view(conn.caller(), sittingId)
                    .compose(view -> conn.follow(TOPIC, sittingId))
                    .onSuccess(v -> conn.send(
                            new JsonObject().put("type", "following-sitting").put("sittingId", sittingId)))
                    .onFailure(err -> conn.refuse(
                            Refusal.of(CommonRefusal.FORBIDDEN).withDetails(Map.of("sittingId", sittingId))));
        };
    }
}
