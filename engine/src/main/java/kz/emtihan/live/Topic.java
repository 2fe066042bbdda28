package kz.emtihan.live;

import java.util.regex.Pattern;

/**
 * A family of live channels, {@code live:<name>:<id>}: what a socket follows and what the context that owns the topic
 * (and its Lua scripts) publishes on. A context declares its topics once, with the feature it registers
 * ({@link LiveFeature#topics()}); the registry refuses a topic declared twice, and a socket follows only declared
 * topics.
 */
public record Topic(String name) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]*");

    /** One socket's own channel (live owns it): signalling meant for exactly that page. */
    public static final Topic PEER = new Topic("peer");

    public Topic {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("a topic is a lower-case word: " + name);
    }

    /** The Redis channel of this topic for one id. */
    public String channel(String id) {
        return "live:" + name + ":" + id;
    }
}
