package kz.emtihan.sitting.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.sitting.model.FailureDecision;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Invalid input is refused when the record is built, naming the field, before any PDF is made. */
class DocumentInputTest {
    private static final ProtocolDocument P = Samples.protocol(Language.RU);
    private static final FailureActDocument A = Samples.failureAct(Language.RU);
    private static final AppealDecisionDocument D = Samples.appeal(Language.RU);

    @Test
    void emptyCommissionIsRefused() {
        refused("commission", () -> protocol(List.of(), P.rows()));
    }

    @Test
    void commissionMustStartWithItsOnlyChair() {
        refused("commission[0]", () -> protocol(P.commission().subList(1, 6), P.rows()));
        refused(
                "exactly one chair",
                () -> protocol(
                        List.of(P.commission().get(0), new Person("Другой Председатель", Person.Role.CHAIR)),
                        P.rows()));
    }

    @Test
    void scoresOutsideZeroToHundredAreRefused() { // the 0-100 point scale
        String member = P.commission().get(0).name();
        refused("scores[" + member + "]", () -> row(Map.of(member, 101)));
        refused("101", () -> row(Map.of(member, 101)));
        refused("scores[" + member + "]", () -> row(Map.of(member, -1)));
    }

    @Test
    void aScoreFromSomeoneNotScoringIsRefused() { // 6.15.6: members score, not the secretary
        String secretary = P.commission().get(5).name();
        refused(
                "rows[0].scores[" + secretary + "]",
                () -> protocol(P.commission(), List.of(row(Map.of(secretary, 50)))));
    }

    @Test
    void nullOrBlankStudentIsRefused() {
        refused("student", () -> new ProtocolRow(null, 1, Map.of(), "—", "I", null));
        refused("student", () -> new ProtocolRow("  ", 1, Map.of(), "—", "I", null));
        refused(
                "student",
                () -> new FailureActDocument(
                        A.sittingTitle(),
                        A.number(),
                        A.date(),
                        A.language(),
                        null,
                        A.at(),
                        A.zone(),
                        A.stageReached(),
                        A.ticket(),
                        A.description(),
                        A.commission(),
                        A.votes(),
                        A.decision(),
                        A.newTime()));
    }

    @Test
    void otherProtocolFieldsAreChecked() {
        refused("ticketNumber", () -> new ProtocolRow("Иванов", 0, Map.of(), "—", "I", null));
        refused("rows", () -> protocol(P.commission(), List.of()));
        refused(
                "kind",
                () -> new ProtocolDocument(
                        P.sittingTitle(), "written-test", P.date(), P.language(), P.commission(), P.rows(), P.zone()));
        refused(
                "language",
                () -> new ProtocolDocument(
                        P.sittingTitle(), P.kind(), P.date(), null, P.commission(), P.rows(), P.zone()));
    }

    @Test
    void failureActFieldsAreChecked() { // 6.15.2
        assertEquals(
                List.of(),
                act(List.of(), A.at()).votes(),
                "an act is a paper from the moment it is drawn up, before any vote");
        refused("votes", () -> act(List.of(A.votes().get(0), A.votes().get(0)), A.at()));
        refused("at", () -> act(A.votes(), A.at().plusSeconds(86_400)));
        refused( // 6.15.2: a new time goes only with a decision giving another time
                "newTime",
                () -> new FailureActDocument(
                        A.sittingTitle(),
                        A.number(),
                        A.date(),
                        A.language(),
                        A.student(),
                        A.at(),
                        A.zone(),
                        A.stageReached(),
                        A.ticket(),
                        A.description(),
                        A.commission(),
                        A.votes(),
                        Optional.of(new FailureDecision(
                                FailureDecision.Choice.REFUSE, FailureDecision.TicketOnRetry.NONE, false)),
                        Optional.of(A.at().plusSeconds(3600))));
        refused( // only members vote: not the secretary, not a stranger
                "votes", () -> act(List.of(new Vote(A.secretary(), FailureDecision.Choice.SAME_DAY)), A.at()));
    }

    @Test
    void appealFieldsAreChecked() { // 6.15.4, 6.15.5
        refused(
                "decision",
                () -> appeal("upheld", "B+ (87)", "B+ (87)", D.filedAt(), D.meetingAt(), D.appealCommission()));
        refused(
                "gradeAfter",
                () -> appeal("kept", "B+ (87)", "A- (91)", D.filedAt(), D.meetingAt(), D.appealCommission()));
        refused(
                "gradeAfter",
                () -> appeal("changed", "B+ (87)", "B+ (87)", D.filedAt(), D.meetingAt(), D.appealCommission()));
        refused("meetingAt", () -> appeal("kept", "B", "B", D.meetingAt(), D.filedAt(), D.appealCommission()));
        refused(
                "appealCommission",
                () -> appeal(
                        "kept",
                        "B",
                        "B",
                        D.filedAt(),
                        D.meetingAt(),
                        List.of(new Person("Ким Р. А.", Person.Role.MEMBER))));
        refused( // 6.15.4: the chair signs, or the deputy who decided in the chair's absence; not both
                "appealCommission",
                () -> appeal(
                        "kept",
                        "B",
                        "B",
                        D.filedAt(),
                        D.meetingAt(),
                        List.of(
                                new Person("Петрова Е. В.", Person.Role.CHAIR),
                                new Person("Ким Р. А.", Person.Role.DEPUTY_CHAIR))));
    }

    private static void refused(String field, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(field), "message should name " + field + ": " + e.getMessage());
    }

    private static ProtocolDocument protocol(List<Person> commission, List<ProtocolRow> rows) {
        return new ProtocolDocument(P.sittingTitle(), P.kind(), P.date(), P.language(), commission, rows, P.zone());
    }

    private static ProtocolRow row(Map<String, Integer> scores) {
        return new ProtocolRow("Иванов Сергей", 3, scores, "50", "D", null);
    }

    private static FailureActDocument act(List<Vote> votes, Instant at) {
        return new FailureActDocument(
                A.sittingTitle(),
                A.number(),
                A.date(),
                A.language(),
                A.student(),
                at,
                A.zone(),
                A.stageReached(),
                A.ticket(),
                A.description(),
                A.commission(),
                votes,
                A.decision(),
                A.newTime());
    }

    private static AppealDecisionDocument appeal(
            String decision, String before, String after, Instant filed, Instant meeting, List<Person> commission) {
        return new AppealDecisionDocument(
                D.sittingTitle(),
                D.language(),
                D.student(),
                filed,
                D.reason(),
                meeting,
                decision,
                before,
                after,
                D.comment(),
                meeting.plusSeconds(600),
                commission,
                D.zone());
    }
}
