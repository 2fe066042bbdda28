package kz.emtihan.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features contexts plug into the live socket, gathered once at wiring ({@code Services.wire}, in dependency
 * order) and then fixed: {@link LiveSocket} takes a copy. A message type or a topic claimed twice is a wiring mistake
 * and fails at start-up.
 */
public final class LiveRegistry {
    /** Handled by the socket itself: answered with {@code time}. */
    static final String PING = "ping";

    private final LiveHub hub;
    private final List<LiveFeature> features = new ArrayList<>();
    private final Map<String, LiveFeature> byType = new HashMap<>();
    private final Map<Topic, String> topics = new LinkedHashMap<>();

    public LiveRegistry(LiveHub hub) {
        this.hub = hub;
        topics.put(Topic.PEER, "live");
    }

    /** The hub the features publish and follow through. */
    public LiveHub hub() {
        return hub;
    }

    public LiveRegistry register(LiveFeature feature) {
        for (String type : feature.handles()) {
            LiveFeature taken = byType.get(type);
            if (type.equals(PING) || taken != null)
                throw new IllegalStateException(feature.owner() + " registers the message type '" + type
                        + "', already handled by " + (taken == null ? "live" : taken.owner()));
        }
        for (Topic topic : feature.topics()) {
            String owner = topics.get(topic);
            if (owner != null)
                throw new IllegalStateException(
                        feature.owner() + " declares the topic '" + topic.name() + "', already declared by " + owner);
        }
        features.add(feature);
        feature.handles().forEach(type -> byType.put(type, feature));
        feature.topics().forEach(topic -> topics.put(topic, feature.owner()));
        return this;
    }

    /** Which context owns which topic, in the order they were registered. */
    public Map<Topic, String> topics() {
        return Map.copyOf(topics);
    }

    /** Which context handles which message type. */
    public Map<String, String> types() {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put(PING, "live");
        features.forEach(f -> f.handles().forEach(t -> owners.put(t, f.owner())));
        return owners;
    }

    /** The fixed copy a socket dispatches by. */
    Dispatch freeze() {
        return new Dispatch(List.copyOf(features), Map.copyOf(byType), Set.copyOf(topics.keySet()));
    }

    /** The registry as the socket reads it: never changed after wiring. */
    record Dispatch(List<LiveFeature> features, Map<String, LiveFeature> byType, Set<Topic> topics) {}
}
