package kz.emtihan.store.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Redis server binary the engine starts when no {@code store.redisUrl} is given.
 *
 * <p>The binary inside {@code com.github.codemonstur:embedded-redis} is Redis 6.2.11, which has
 * published CVEs (among them a use-after-free in the Lua interpreter rated 10, CVE-2025-49844). A distribution's
 * {@code redis-server} of 7 or newer is maintained and patched by the distribution, so {@code auto}
 * prefers it when one is installed and falls back to the shipped binary otherwise; the tests
 * therefore need nothing installed.
 */
public final class RedisServerChoice {
    /** The oldest major version preferred over the shipped binary. */
    public static final int MIN_MAJOR = 7;

    private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");

    private RedisServerChoice() {}

    /** What to start: an installed binary by path, or the one shipped in the jar. */
    public sealed interface Choice {
        String describe();
    }

    public record Installed(String path, String version) implements Choice {
        public String describe() {
            return "installed redis-server " + version + " (" + path + ")";
        }
    }

    public record Shipped(String why) implements Choice {
        public String describe() {
            return "the redis-server 6.2 shipped in embedded-redis (" + why + ")";
        }
    }

    /**
     * @param setting {@code store.redisServer}: {@code auto}, {@code embedded} or a path
     * @param onPath the {@code redis-server} found on the PATH, if any
     * @param versionOutput what {@code redis-server --version} printed for that binary, if it ran
     */
    public static Choice choose(String setting, Optional<String> onPath, Optional<String> versionOutput) {
        if (setting.equals("embedded")) return new Shipped("store.redisServer is embedded");
        if (!setting.equals("auto"))
            return new Installed(
                    setting, versionOutput.flatMap(RedisServerChoice::version).orElse("of unknown version"));
        if (onPath.isEmpty()) return new Shipped("no redis-server on the PATH");
        Optional<String> version = versionOutput.flatMap(RedisServerChoice::version);
        if (version.isEmpty()) return new Shipped(onPath.get() + " did not tell its version");
        if (major(version.get()) < MIN_MAJOR)
            return new Shipped(onPath.get() + " is " + version.get() + ", older than " + MIN_MAJOR);
        return new Installed(onPath.get(), version.get());
    }

    /** The version in {@code redis-server --version}'s output ({@code Redis server v=7.0.15 sha=...}). */
    public static Optional<String> version(String output) {
        Matcher m = VERSION.matcher(output);
        return m.find() ? Optional.of(m.group(1) + "." + m.group(2) + "." + m.group(3)) : Optional.empty();
    }

    private static int major(String version) {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }
}
