package kz.emtihan.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 16 (3-4): the {@code ltiServices} section of {@code emtihan.yaml}: how grades go back to an LMS and how often
 * rosters are synced with their courses. The whole section may be left out for the defaults.
 *
 * @param retry the waits between tries of a grade the platform did not accept (the last repeats)
 * @param giveUpAfter a grade still not accepted this long after it was queued is given up (failed)
 * @param poll how often each node looks for grades due
 * @param rosterSync how often an exam whose roster was filled from its course is synced again; zero: never
 * @param timeout how long one call to a platform may take
 */
public record LtiServicesSettings(
        List<Duration> retry, Duration giveUpAfter, Duration poll, Duration rosterSync, Duration timeout) {
    public static final LtiServicesSettings DEFAULT = new LtiServicesSettings(
            List.of(
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(30),
                    Duration.ofHours(1)),
            Duration.ofDays(1),
            Duration.ofSeconds(1),
            Duration.ofMinutes(15),
            Duration.ofSeconds(10));

    public LtiServicesSettings {
        retry = List.copyOf(retry);
    }

    static LtiServicesSettings read(ConfigTree t) {
        if (!t.has("ltiServices")) return DEFAULT;
        String p = "ltiServices.";
        List<Duration> retry = DEFAULT.retry();
        if (t.has(p + "retryMillis")) {
            retry = new ArrayList<>();
            for (String part : t.string(p + "retryMillis").split("[,\\s]+")) {
                if (part.isEmpty()) continue;
                try {
                    long ms = Long.parseLong(part);
                    if (ms < 1) throw new NumberFormatException();
                    retry.add(Duration.ofMillis(ms));
                } catch (NumberFormatException e) {
                    throw new ConfigException(
                            p + "retryMillis",
                            "must be positive whole milliseconds, comma-separated; was '" + part + "'");
                }
            }
            if (retry.isEmpty()) throw new ConfigException(p + "retryMillis", "must name at least one wait");
        }
        return new LtiServicesSettings(
                retry,
                t.has(p + "giveUpAfterSeconds")
                        ? Duration.ofSeconds(t.integer(p + "giveUpAfterSeconds", 1, 30 * 86_400))
                        : DEFAULT.giveUpAfter(),
                t.has(p + "pollMillis") ? Duration.ofMillis(t.integer(p + "pollMillis", 20, 600_000)) : DEFAULT.poll(),
                t.has(p + "rosterSyncSeconds")
                        ? Duration.ofSeconds(t.integer(p + "rosterSyncSeconds", 0, 7 * 86_400))
                        : DEFAULT.rosterSync(),
                t.has(p + "timeoutSeconds")
                        ? Duration.ofSeconds(t.integer(p + "timeoutSeconds", 1, 300))
                        : DEFAULT.timeout());
    }
}
