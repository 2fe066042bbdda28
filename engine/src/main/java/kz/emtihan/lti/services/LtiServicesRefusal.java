package kz.emtihan.lti.services;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/** The refusals of grades back and rosters from the course (issue 16, 3-4); sentences beside it in kk, ru, en. */
public enum LtiServicesRefusal implements RefusalCode {
    /** Issue 16 (3): a resend is for a grade in state failed only. */
    GRADE_NOT_FAILED("grade-not-failed", Kind.CONFLICT),
    /** Issue 16 (4): no resource link of the exam carries a course membership URL. */
    NO_COURSE_LINK("no-course-link", Kind.CONFLICT),
    /** Issue 16 (4): the platform did not give the membership; {@code status} its HTTP status (0: unreachable). */
    PLATFORM_REFUSED("platform-refused", Kind.UNAVAILABLE, "status");

    private final Declared declared;

    LtiServicesRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
