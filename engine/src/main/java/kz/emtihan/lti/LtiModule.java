package kz.emtihan.lti;

import io.vertx.core.Vertx;
import java.time.Clock;
import kz.emtihan.auth.Users;
import kz.emtihan.config.LtiSettings;
import kz.emtihan.store.RedisStore;

/**
 * Issue 16 (1, 2, 5): Emtihan as an LTI 1.3 tool, wired once: the tool's keys, the registrations of platforms, the
 * directory the grade and roster services read.
 */
public final class LtiModule {
    private final LtiSettings settings;
    private final ToolKeys keys;
    private final RedisLtiDirectory directory;
    private final Platforms platforms;

    private LtiModule(LtiSettings settings, ToolKeys keys, RedisLtiDirectory directory, Platforms platforms) {
        this.settings = settings;
        this.keys = keys;
        this.directory = directory;
        this.platforms = platforms;
    }

    public static LtiModule create(Vertx vertx, RedisStore store, Users users, LtiSettings settings, Clock clock) {
        ToolKeys keys = new ToolKeys(vertx, store, clock, settings.keyLead(), settings.keepOldKey());
        RedisLtiDirectory directory = new RedisLtiDirectory(store, users, keys);
        return new LtiModule(settings, keys, directory, new Platforms(store, directory, clock));
    }

    public LtiSettings settings() {
        return settings;
    }

    public ToolKeys keys() {
        return keys;
    }

    /** What the grade and roster services read (issue 16, 3-4). */
    public LtiDirectory directory() {
        return directory;
    }

    public RedisLtiDirectory store() {
        return directory;
    }

    public Platforms platforms() {
        return platforms;
    }
}
