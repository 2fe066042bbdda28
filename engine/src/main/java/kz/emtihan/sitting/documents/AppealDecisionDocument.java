package kz.emtihan.sitting.documents;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import kz.emtihan.text.Language;

/**
 * The appeal commission's decision on a student's appeal against a final attestation result (6.15.4,
 * 6.15.5). Whether the appeal was filed within 48 hours and met on within 2 working days is decided by the
 * sitting's rules before this document is made; the document records what happened.
 *
 * @param sittingTitle     programme and sitting whose result was appealed
 * @param language         the sitting's language
 * @param student          the applicant
 * @param filedAt          when the appeal was received
 * @param reason           the concrete reason the student gave (6.15.4)
 * @param meetingAt        when the appeal commission met online (6.15.5); not before {@code filedAt}
 * @param decision         {@value #KEPT} or {@value #CHANGED}
 * @param gradeBefore      the commission's result appealed against, as printed ("B 80")
 * @param gradeAfter       the grade after the appeal: equal to {@code gradeBefore} if kept, different if changed
 * @param comment          the appeal commission's comment on its decision; may be empty
 * @param decidedAt        when the decision was taken; not before {@code meetingAt}
 * @param appealCommission who signs: the chair, or the deputy chair when the deputy decided (6.15.4), never both;
 *                         then the members
 * @param zone             the zone the times are shown in
 */
public record AppealDecisionDocument(
        String sittingTitle,
        Language language,
        String student,
        Instant filedAt,
        String reason,
        Instant meetingAt,
        String decision,
        String gradeBefore,
        String gradeAfter,
        String comment,
        Instant decidedAt,
        List<Person> appealCommission,
        ZoneId zone) {

    /** The grade stands. */
    public static final String KEPT = "kept";
    /** The grade is replaced by {@code gradeAfter}. */
    public static final String CHANGED = "changed";

    public AppealDecisionDocument {
        sittingTitle = Check.text("sittingTitle", sittingTitle);
        Check.present("language", language);
        student = Check.text("student", student);
        Check.present("filedAt", filedAt);
        reason = Check.text("reason", reason);
        Check.present("meetingAt", meetingAt);
        if (meetingAt.isBefore(filedAt)) {
            throw new IllegalArgumentException("meetingAt " + meetingAt + " is before filedAt " + filedAt);
        }
        decision = Check.text("decision", decision);
        gradeBefore = Check.text("gradeBefore", gradeBefore);
        gradeAfter = Check.text("gradeAfter", gradeAfter);
        if (!decision.equals(KEPT) && !decision.equals(CHANGED)) {
            throw new IllegalArgumentException("decision must be " + KEPT + " or " + CHANGED + ", was " + decision);
        }
        if (decision.equals(KEPT) != gradeAfter.equals(gradeBefore)) {
            throw new IllegalArgumentException("gradeAfter must " + (decision.equals(KEPT) ? "equal" : "differ from")
                    + " gradeBefore when the decision is " + decision);
        }
        comment = Check.optionalText(comment);
        Check.present("decidedAt", decidedAt);
        if (decidedAt.isBefore(meetingAt)) {
            throw new IllegalArgumentException("decidedAt " + decidedAt + " is before meetingAt " + meetingAt);
        }
        appealCommission = Check.nonEmpty("appealCommission", appealCommission);
        if (appealCommission.stream()
                        .filter(p -> p.role() == Person.Role.CHAIR || p.role() == Person.Role.DEPUTY_CHAIR)
                        .count()
                != 1) {
            throw new IllegalArgumentException(
                    "appealCommission must name its chair or, when the deputy decided, the deputy chair: one (6.15.4)");
        }
        Check.present("zone", zone);
    }
}
