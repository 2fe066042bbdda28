package kz.emtihan.sitting.documents;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.pdf.Messages;
import kz.emtihan.sitting.model.FailureDecision;
import kz.emtihan.sitting.model.Phase;
import kz.emtihan.sitting.model.StudentState;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13, 7: every code a paper can print has a label in kk, ru and en (states, stages, votes, decisions, tickets on
 * retry, roles, kinds, appeal outcomes, problems of a new time), and no paper prints a code in Kazakh or Russian.
 */
class PaperWordsTest {

    /** The key of every label a code is printed through. */
    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (StudentState s : StudentState.values()) keys.add("state." + s.code());
        for (Phase p : Phase.values()) keys.add("stage." + p.name());
        for (FailureDecision.Choice c : FailureDecision.Choice.values()) {
            keys.add("vote." + c.name());
            keys.add("decision." + c.name());
        }
        for (FailureDecision.TicketOnRetry t : FailureDecision.TicketOnRetry.values()) keys.add("retry." + t.name());
        for (FailureDecision.NewTimeProblem p : FailureDecision.NewTimeProblem.values())
            keys.add("field.newTime." + p.name());
        for (Person.Role r : Person.Role.values()) {
            keys.add("role." + r.name());
            keys.add("roles." + r.name());
        }
        keys.add("kind." + ProtocolDocument.COMPREHENSIVE_EXAM);
        keys.add("kind." + ProtocolDocument.THESIS_DEFENCE);
        keys.add("appeal." + AppealDecisionDocument.KEPT);
        keys.add("appeal." + AppealDecisionDocument.CHANGED);
        return keys;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCodeHasALabelInEachLanguage(Language language) {
        Messages m = Messages.of(SittingDocuments.BUNDLE, language);
        for (String key : keys()) {
            assertTrue(m.has(key), language + " lacks " + key);
            assertFalse(m.get(key).isBlank(), language + " " + key);
            if (language != Language.EN)
                assertFalse(
                        m.get(key).replaceAll("\\{[a-zA-Z]+}", "").matches(".*\\p{IsLatin}{3,}.*")
                                && !key.startsWith("field.newTime.FORMAT"),
                        language + " " + key + " is not translated: " + m.get(key));
        }
    }

    @Test
    void theVotesAsCastReadThreeDifferentWays() { // 6.15.2: "another sitting" is not "against"
        for (Language language : Language.values()) {
            Messages m = Messages.of(SittingDocuments.BUNDLE, language);
            List<String> votes = List.of(m.get("vote.SAME_DAY"), m.get("vote.ANOTHER_SITTING"), m.get("vote.REFUSE"));
            assertTrue(votes.stream().distinct().count() == 3, language + ": " + votes);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Language.class,
            names = {"KK", "RU"})
    void noPaperPrintsACode(Language language) {
        String lang = language.name().toLowerCase(java.util.Locale.ROOT);
        CodeWords.assertNone(Pdfs.text(SittingDocuments.protocol(Samples.protocol(language))), lang);
        CodeWords.assertNone(Pdfs.text(SittingDocuments.failureAct(Samples.failureAct(language))), lang);
        CodeWords.assertNone(Pdfs.text(SittingDocuments.appealDecision(Samples.appeal(language))), lang);
        // 6.14, 6.15.1-6.15.3, 6.15.6: a removal, a carry, a cleared I and a move in a defence's protocol
        CodeWords.assertNone(Pdfs.text(SittingDocuments.protocol(Samples.interventions(language))), lang);
        for (StudentState state : StudentState.values()) { // every state a protocol can show
            ProtocolDocument base = Samples.protocol(language);
            ProtocolRow row = base.rows().get(1);
            ProtocolCourse course = new ProtocolCourse(
                    Optional.of(state),
                    row.course().attempts(),
                    row.course().draws(),
                    row.course().acts(),
                    row.course().postponements(),
                    row.course().appeal());
            ProtocolDocument one = new ProtocolDocument(
                    base.sittingTitle(),
                    base.kind(),
                    base.date(),
                    language,
                    base.commission(),
                    List.of(new ProtocolRow(
                            row.student(), 7, row.scores(), row.finalScore(), row.letter(), null, course)),
                    base.zone());
            CodeWords.assertNone(Pdfs.text(SittingDocuments.protocol(one)), lang);
        }
        for (FailureDecision.Choice choice : FailureDecision.Choice.values()) { // every decision an act can show
            FailureActDocument base = Samples.failureAct(language);
            FailureDecision decision = new FailureDecision(
                    choice,
                    choice == FailureDecision.Choice.REFUSE
                            ? FailureDecision.TicketOnRetry.NONE
                            : FailureDecision.TicketOnRetry.KEEP,
                    true);
            for (Phase stage : Phase.values()) {
                FailureActDocument act = new FailureActDocument(
                        base.sittingTitle(),
                        2,
                        base.date(),
                        language,
                        base.student(),
                        base.at(),
                        base.zone(),
                        stage,
                        stage == Phase.WAITING ? Optional.empty() : base.ticket(),
                        base.description(),
                        base.commission(),
                        base.votes(),
                        Optional.of(decision),
                        Optional.empty());
                CodeWords.assertNone(Pdfs.text(SittingDocuments.failureAct(act)), lang);
            }
        }
    }
}
