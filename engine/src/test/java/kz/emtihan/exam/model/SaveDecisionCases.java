package kz.emtihan.exam.model;

import java.util.List;

/**
 * The one case table of the save rule (5.20.3): {@link SaveDecisionTest} holds {@link SaveDecision} to it, and
 * {@code SaveAnswerContractTest} holds save-answer.lua, run on a real Redis, to the same rows. Times are relative to
 * the store's clock at the moment of the save; a row on a boundary is only one that stays true as the clock moves on
 * between setting up the attempt and running the script (closed at exactly deadline + grace).
 */
public final class SaveDecisionCases {
    private SaveDecisionCases() {}

    /**
     * @param storedSeq the seq already stored for the question, 0 for none
     * @param deadlineFromNow the deadline minus now, in ms
     */
    public record Case(
            String name,
            long storedSeq,
            long incomingSeq,
            boolean inProgress,
            long deadlineFromNow,
            long graceMillis,
            SaveDecision expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final long GRACE = 20_000;

    public static List<Case> all() {
        return List.of(
                new Case("a first answer in time is stored", 0, 1, true, 600_000, GRACE, SaveDecision.STORE),
                new Case("a newer seq replaces the stored one", 3, 4, true, 600_000, GRACE, SaveDecision.STORE),
                new Case("a jump in seq is still newer", 3, 40, true, 600_000, GRACE, SaveDecision.STORE),
                new Case(
                        "a resend of the stored seq changes nothing",
                        3,
                        3,
                        true,
                        600_000,
                        GRACE,
                        SaveDecision.ALREADY_STORED),
                new Case(
                        "an older seq never overwrites a newer one",
                        5,
                        2,
                        true,
                        600_000,
                        GRACE,
                        SaveDecision.ALREADY_STORED),
                new Case(
                        "after the deadline, within the grace, it is stored",
                        0,
                        1,
                        true,
                        -5_000,
                        GRACE,
                        SaveDecision.STORE),
                new Case(
                        "within the grace a newer seq is stored",
                        2,
                        3,
                        true,
                        -GRACE + 5_000,
                        GRACE,
                        SaveDecision.STORE),
                new Case(
                        "within the grace an old seq is still already stored",
                        2,
                        2,
                        true,
                        -5_000,
                        GRACE,
                        SaveDecision.ALREADY_STORED),
                new Case("at exactly deadline + grace it is closed", 0, 1, true, -GRACE, GRACE, SaveDecision.CLOSED),
                new Case("past deadline + grace it is closed", 0, 1, true, -GRACE - 60_000, GRACE, SaveDecision.CLOSED),
                new Case("past the deadline with no grace it is closed", 0, 1, true, -5_000, 0, SaveDecision.CLOSED),
                new Case(
                        "a finished attempt takes nothing, even in time",
                        0,
                        1,
                        false,
                        600_000,
                        GRACE,
                        SaveDecision.CLOSED),
                new Case(
                        "a finished attempt is closed before the seq is looked at",
                        3,
                        3,
                        false,
                        600_000,
                        GRACE,
                        SaveDecision.CLOSED));
    }
}
