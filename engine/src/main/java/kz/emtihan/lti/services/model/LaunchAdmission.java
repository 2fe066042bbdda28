package kz.emtihan.lti.services.model;

import java.time.Instant;

/**
 * Issue 16 (1): what a Learner's launch of a link bound to an exam does to the exam's roster. A student already on it
 * is let through untouched (whatever the time: they may come back to their result); one who is not is added while
 * the exam has not ended, and refused once it has (5.16: attestation runs by the academic calendar; an exam whose
 * window has closed admits no one new). The other rules of an addition (5.30 admission, 5.31 the bank's lock, 5.36-5.38 retakes) are the
 * exam context's own, applied by its roster code.
 */
public enum LaunchAdmission {
    /** On the roster already: nothing changes. */
    ALREADY,
    /** Not on it, the exam not ended: put on the roster. */
    ADD,
    /** Not on it and the exam has ended: refused. */
    ENDED;

    public static LaunchAdmission of(boolean onRoster, Instant closesAt, Instant now) {
        if (onRoster) return ALREADY;
        return now.isBefore(closesAt) ? ADD : ENDED;
    }
}
