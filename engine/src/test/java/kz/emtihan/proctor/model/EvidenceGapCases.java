package kz.emtihan.proctor.model;

import java.util.List;

/**
 * The one case table of "evidence is missing" (issue 10, 4): {@link EvidenceGapRuleTest} holds
 * {@link EvidenceRule#missing} to it, and {@code EvidenceGapContractTest} holds evidence-gap.lua, run on a real Redis,
 * to the same rows. Times are before the store's now; the last seen time is the later of the watched set's score and
 * what the caller knows (the socket's presence). Rows on the boundary are only those that stay true as the clock moves
 * on during a run (missing just past the limit); "exactly the limit is not missing" is {@code EvidenceRuleTest}'s.
 */
public final class EvidenceGapCases {
    private EvidenceGapCases() {}

    /** @param callerSeenAgo how long ago the caller last saw it, or -1 for never */
    public record Case(String name, long limitMillis, long watchedSeenAgo, long callerSeenAgo, boolean missing) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Case> all() {
        return List.of(
                new Case("seen recently", 30_000, 5_000, -1, false),
                new Case("a second inside the limit", 30_000, 29_000, -1, false),
                new Case("just past the limit", 30_000, 30_001, -1, true),
                new Case("long gone", 30_000, 600_000, -1, true),
                new Case("the caller saw it since: present", 30_000, 600_000, 2_000, false),
                new Case("the caller saw it, but also too long ago", 30_000, 600_000, 45_000, true),
                new Case("the later of the two counts", 10_000, 3_000, 90_000, false));
    }
}
