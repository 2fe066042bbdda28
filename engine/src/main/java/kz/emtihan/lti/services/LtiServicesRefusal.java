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
    PLATFORM_REFUSED("platform-refused", Kind.UNAVAILABLE, "status"),
    /** Issue 16 (1): a Learner's launch after the exam ended cannot put them on its roster (5.16). */
    LAUNCH_EXAM_ENDED("launch-exam-ended", Kind.CONFLICT, "rule", "closesAt"),
    /** Issue 16 (1): the exam's bank is locked, and its roster with it (5.31): no one is added at a launch. */
    LAUNCH_ROSTER_LOCKED("launch-roster-locked", Kind.CONFLICT, "rule"),
    /** Issue 16 (1): the exam is a retake the launching student's result does not allow (5.36-5.38). */
    LAUNCH_NOT_RETAKE("launch-not-retake", Kind.CONFLICT, "rule"),
    /** Issue 16 (1, 4): another launch or sync kept changing the exam's roster; try again in a moment. */
    ROSTER_BUSY("roster-busy", Kind.UNAVAILABLE);

    private final Declared declared;

    LtiServicesRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
