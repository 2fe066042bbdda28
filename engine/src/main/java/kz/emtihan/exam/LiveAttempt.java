package kz.emtihan.exam;

import kz.emtihan.live.LiveConnection;

/**
 * The attempt a student's page follows on its live socket ({@link AttemptFeed}), for the other features on the same
 * socket to read: the proctoring context relays the page's live-view signals for it and flags its disconnection.
 */
public record LiveAttempt(String examId, String attemptId) {
    public static final LiveConnection.Key<LiveAttempt> FOLLOWED = new LiveConnection.Key<>("attempt");
}
