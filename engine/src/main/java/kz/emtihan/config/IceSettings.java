package kz.emtihan.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * STUN and TURN servers for the browsers' WebRTC (the proctor's live view, the sitting's video room, publishing to a
 * media server), from {@code media.stun} and {@code media.turn} in {@code emtihan.yaml}. Without them two browsers
 * only connect when they can reach each other directly (one network); a student at home behind NAT needs STUN, and
 * behind a strict firewall TURN. TURN credentials are never written in the config the pages see: with
 * {@code turn.secret} (coturn's {@code static-auth-secret}) each signed-in user gets time-limited ones
 * (live.IceServers). URLs are space-separated so that one environment variable can hold several.
 *
 * @param ttl how long a user's TURN credentials last
 */
public record IceSettings(List<String> stun, List<String> turn, String turnSecret, Duration ttl) {

    public static IceSettings none() {
        return new IceSettings(List.of(), List.of(), "", Duration.ofHours(24));
    }

    static IceSettings read(ConfigTree t) {
        List<String> stun = urls(t, "media.stun", "stun:", "stuns:");
        List<String> turn = urls(t, "media.turn.urls", "turn:", "turns:");
        String secret = t.string("media.turn.secret");
        if (!turn.isEmpty() && secret.isBlank()) {
            throw new ConfigException(
                    "media.turn.secret", "TURN servers need the shared secret (coturn's static-auth-secret)");
        }
        return new IceSettings(stun, turn, secret, Duration.ofHours(t.integer("media.turn.ttlHours", 1, 24 * 30)));
    }

    private static List<String> urls(ConfigTree t, String path, String... schemes) {
        List<String> urls = Arrays.stream(t.string(path).trim().split("\\s+"))
                .filter(u -> !u.isEmpty())
                .toList();
        for (String u : urls) {
            if (Arrays.stream(schemes).noneMatch(u::startsWith)) {
                throw new ConfigException(
                        path, "each URL starts with " + String.join(" or ", schemes) + ", was '" + u + "'");
            }
        }
        return urls;
    }
}
