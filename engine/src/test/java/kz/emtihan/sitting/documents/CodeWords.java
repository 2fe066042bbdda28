package kz.emtihan.sitting.documents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kz.emtihan.sitting.model.FailureDecision;
import kz.emtihan.sitting.model.Phase;
import kz.emtihan.sitting.model.StudentState;

/**
 * The codes a sitting stores and a paper must never print as they are (issue 13, 7): the names of every enum the papers
 * show (states, phases, votes and decisions, tickets on retry, roles, problems of a new time), the states' stored
 * words, the kinds, the appeal outcomes, the API's vote words and the ids of acts and appeals.
 */
public final class CodeWords {
    private CodeWords() {}

    /** Every code word, in the case it is stored. */
    public static Set<String> all() {
        Set<String> codes = new LinkedHashSet<>();
        for (Enum<?> e : enums()) codes.add(e.name());
        for (StudentState s : StudentState.values()) codes.add(s.code());
        codes.addAll(List.of(
                ProtocolDocument.COMPREHENSIVE_EXAM,
                ProtocolDocument.THESIS_DEFENCE,
                AppealDecisionDocument.KEPT,
                AppealDecisionDocument.CHANGED,
                "same-day",
                "another-sitting",
                "refuse",
                "act-1",
                "ap-1",
                "removal",
                "removals",
                "reschedules",
                "carried",
                "carriedFrom",
                "carriedTo",
                "replacedBy",
                "sittingId",
                "publishedAt",
                "null",
                "Optional",
                "true",
                "false"));
        return codes;
    }

    static List<Enum<?>> enums() {
        List<Enum<?>> all = new ArrayList<>();
        all.addAll(List.of(StudentState.values()));
        all.addAll(List.of(Phase.values()));
        all.addAll(List.of(FailureDecision.Choice.values()));
        all.addAll(List.of(FailureDecision.TicketOnRetry.values()));
        all.addAll(List.of(FailureDecision.NewTimeProblem.values()));
        all.addAll(List.of(Person.Role.values()));
        return all;
    }

    /**
     * No code word in a paper's text. In Kazakh and Russian no code at all, in any case; in English, where "answer" or
     * "graded" are words of the language, none of the codes in the case they are stored when they cannot be English
     * (upper-case names, hyphenated words, ids).
     */
    public static void assertNone(String text, String language) {
        boolean english = language.equals("en");
        for (String code : all()) {
            boolean plainEnglish = code.matches("[a-z]+") && !code.equals("null");
            if (english && (plainEnglish || code.equals("Optional"))) continue;
            int flags = english ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            Pattern word =
                    Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(code) + "(?![\\p{L}\\p{N}_-])", flags);
            assertTrue(!word.matcher(text).find(), language + ": the code \"" + code + "\" is printed:\n" + text);
        }
    }
}
