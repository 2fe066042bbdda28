package kz.emtihan.sitting.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everything that can happen to one student of a sitting, with the parts of the sitting that take it (6.15-6.15.6).
 * {@link #ANOTHER_TIME} and {@link #NO_OTHER_TIME} are taken by nobody: they are the commission's collegial decision,
 * reached by the last vote on an act (6.15.2).
 */
public enum StudentStep {
    /** From the waiting room into the video room (6.15.6). */
    ADMIT("admit", SittingRole.SECRETARY),
    /** The secretary's photos for the identity check: the ID card (the student's own too) and the face (6.15.6). */
    IDENTITY_PHOTO("identity-photo", SittingRole.SECRETARY, SittingRole.STUDENT),
    IDENTIFY("identity", SittingRole.SECRETARY),
    /** The secretary's photo of the desk and the room (6.15.6). */
    ROOM_PHOTO("room-photo", SittingRole.SECRETARY),
    CHECK_ROOM("room", SittingRole.SECRETARY),
    /** The chair shows the random draw of the ticket (6.15.6). */
    DRAW("draw", SittingRole.CHAIR),
    START_PREPARATION("start-preparation", SittingRole.SECRETARY),
    END_PREPARATION("end-preparation", SittingRole.SECRETARY),
    END_ANSWER("end-answer", SittingRole.SECRETARY),
    /** Every member scores (6.15.6). */
    SCORE("score", SittingRole.CHAIR, SittingRole.MEMBER),
    /** The chair confirms once all have scored: the result is published the same day (6.15.6). */
    CONFIRM("confirm", SittingRole.CHAIR),
    /** 6.14: the secretary or the chair removes the student for a violation: an unexcused absence. */
    REMOVE("remove", SittingRole.SECRETARY, SittingRole.CHAIR),
    /** The act of technical failure (6.15.2). */
    ACT("act", SittingRole.SECRETARY),
    VOTE("vote", SittingRole.CHAIR, SittingRole.MEMBER),
    ANOTHER_TIME("another-time"),
    NO_OTHER_TIME("no-other-time"),
    /** The student's application to postpone, with its scanned proof (6.15.2-6.15.3). */
    APPLY_POSTPONEMENT("apply-postponement", SittingRole.STUDENT),
    ALLOW_POSTPONEMENT("allow-postponement", SittingRole.CHAIR),
    REFUSE_POSTPONEMENT("refuse-postponement", SittingRole.CHAIR),
    /** Within 48 hours of the sitting (6.15.4). */
    APPEAL("appeal", SittingRole.STUDENT),
    APPEAL_MEETING("appeal-meeting", SittingRole.APPEAL_CHAIR, SittingRole.APPEAL_DEPUTY),
    APPEAL_DECISION("appeal-decision", SittingRole.APPEAL_CHAIR, SittingRole.APPEAL_DEPUTY);

    private final String code;
    private final Set<SittingRole> takenBy;

    StudentStep(String code, SittingRole... takenBy) {
        this.code = code;
        this.takenBy = takenBy.length == 0 ? EnumSet.noneOf(SittingRole.class) : EnumSet.of(takenBy[0], takenBy);
    }

    /** The word the API and the pages use (a sitting's view lists the steps its reader may take now). */
    public String code() {
        return code;
    }

    /** The parts of the sitting that take this step; empty for the commission's collegial decision. */
    public Set<SittingRole> takenBy() {
        return java.util.Collections.unmodifiableSet(
                takenBy); // in the order of SittingRole, so a seeded test repeats itself
    }

    public boolean takenBy(SittingRole role) {
        return role != null && takenBy.contains(role);
    }

    /** The steps of the exam itself, which end when the sitting is closed (6.15.4: then only appeals remain). */
    public boolean duringTheSitting() {
        return switch (this) {
            case ADMIT,
                    IDENTITY_PHOTO,
                    IDENTIFY,
                    ROOM_PHOTO,
                    CHECK_ROOM,
                    DRAW,
                    START_PREPARATION,
                    END_PREPARATION,
                    END_ANSWER,
                    SCORE,
                    CONFIRM,
                    ACT,
                    REMOVE,
                    APPLY_POSTPONEMENT -> true;
            default -> false;
        };
    }

    /**
     * 6.15.6: the steps taken only on the sitting's day, in its time zone: the exam itself and a removal. Not an act
     * (a failure of an exam under way at midnight is still recorded) nor an application to postpone (6.15.3).
     */
    public boolean onTheDay() {
        return duringTheSitting() && this != ACT && this != APPLY_POSTPONEMENT;
    }
}
