package kz.emtihan.lti;

import io.vertx.core.Vertx;
import java.time.Clock;
import kz.emtihan.auth.Tokens;
import kz.emtihan.auth.Users;
import kz.emtihan.config.LtiSettings;
import kz.emtihan.exam.Exams;
import kz.emtihan.store.RedisStore;

/**
 * Issue 16 (1, 2, 5): Emtihan as an LTI 1.3 tool, wired once: the tool's keys, the registrations of platforms, the
 * launches and what a teacher does after one, and the directory the grade and roster services read.
 */
public record LtiModule(
        LtiSettings settings,
        ToolKeys keys,
        RedisLtiDirectory store,
        Platforms platforms,
        Launches launches,
        LaunchSignIn signIn,
        LinkChoices choices,
        Registrations registrations,
        FrameAncestors frameAncestors) {

    public static LtiModule create(
            Vertx vertx,
            RedisStore store,
            Users users,
            Tokens tokens,
            Exams exams,
            kz.emtihan.sitting.Sittings sittings,
            LtiSettings settings,
            Clock clock) {
        ToolKeys keys = new ToolKeys(vertx, store, clock, settings.keyLead(), settings.keepOldKey());
        RedisLtiDirectory directory =
                new RedisLtiDirectory(store, users, keys, new LinkNews(vertx, store.redis())); // issue 16 (3)
        FrameAncestors frames = new FrameAncestors(directory);
        Platforms platforms = new Platforms(store, directory, clock, frames);
        PlatformKeys platformKeys = new PlatformKeys(vertx, clock, settings.jwksCache());
        frames.watch(vertx);
        SittingLinks sittingLinks = new SittingLinks(store, directory, sittings); // issue 16 (2): links to sittings
        return new LtiModule(
                settings,
                keys,
                directory,
                platforms,
                new Launches(store, directory, platformKeys, clock, settings.stateLifetime(), settings.clockSkew()),
                new LaunchSignIn(
                        store,
                        directory,
                        users,
                        tokens,
                        exams,
                        settings.administratorRole().equals("admin"),
                        sittingLinks),
                new LinkChoices(store, directory, platforms, exams, clock, sittingLinks),
                new Registrations(store, platforms, platformKeys.client()),
                frames);
    }

    /** What the grade and roster services read (issue 16, 3-4). */
    public LtiDirectory directory() {
        return store;
    }
}
