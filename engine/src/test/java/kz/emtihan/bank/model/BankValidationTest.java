package kz.emtihan.bank.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.grade.model.ScoringRule;
import org.junit.jupiter.api.Test;

class BankValidationTest {
    private static String en(kz.emtihan.text.Text text) {
        return kz.emtihan.text.Catalogue.render(text, kz.emtihan.text.Language.EN);
    }

    static final BankRules RULES = new BankRules(
            100,
            5,
            Map.of(Difficulty.EASY, 40, Difficulty.MEDIUM, 40, Difficulty.HARD, 20),
            5,
            ScoringRule.ALL_OR_NOTHING);
    static final Passport PASSPORT = new Passport("Algebra", "6B01", "kk", List.of("A. Teacher"), List.of("tables"));

    static Question q(String id, Difficulty d, int options, String text) {
        List<Option> opts = new ArrayList<>();
        for (int i = 0; i < options; i++) opts.add(new Option(id + i, "o" + i));
        return Question.plain(id, text, opts, Set.of(id + "0"), d, "");
    }

    static List<Question> bank(int easy, int medium, int hard) {
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < easy; i++) out.add(q("e" + i, Difficulty.EASY, 5, "easy " + i));
        for (int i = 0; i < medium; i++) out.add(q("m" + i, Difficulty.MEDIUM, 5, "medium " + i));
        for (int i = 0; i < hard; i++) out.add(q("h" + i, Difficulty.HARD, 5, "hard " + i));
        return out;
    }

    static List<String> rules(List<BankValidation.Problem> problems) {
        return problems.stream().map(BankValidation.Problem::rule).toList();
    }

    @Test
    void aHundredQuestionsMixed404020WithAFullPassportPass() {
        assertEquals(List.of(), BankValidation.validate(PASSPORT, bank(40, 40, 20), RULES));
    }

    @Test
    void ninetyNineQuestionsAreTooFew() { // 7.6
        assertEquals(List.of("7.6"), rules(BankValidation.validate(PASSPORT, bank(40, 40, 19), RULES)));
    }

    @Test
    void aMixOutsideTheToleranceIsReported() { // 5.23.3
        List<BankValidation.Problem> p = BankValidation.validate(PASSPORT, bank(60, 30, 10), RULES);
        assertEquals(List.of("5.23.3"), rules(p));
        assertTrue(en(p.get(0).text()).contains("easy 60.0%"), en(p.get(0).text()));
    }

    @Test
    void aMixWithinTheToleranceIsAccepted() {
        assertEquals(List.of(), BankValidation.validate(PASSPORT, bank(44, 37, 19), RULES));
    }

    @Test
    void fourOptionsAndRepeatedTextAreReportedWithTheQuestionIds() { // 7.6
        List<Question> b = bank(40, 40, 20);
        b.set(0, q("e0", Difficulty.EASY, 4, "easy 0"));
        b.set(1, q("e1", Difficulty.EASY, 5, "  EASY   0 "));
        List<BankValidation.Problem> p = BankValidation.validate(PASSPORT, b, RULES);
        assertEquals(List.of("7.6", "7.6"), rules(p));
        assertTrue(en(p.get(0).text()).contains("e0"));
        assertTrue(
                en(p.get(1).text()).contains("e1 repeats the text of question e0"),
                en(p.get(1).text()));
    }

    @Test
    void anIncompletePassportIsReported() { // 5.22
        Passport missing = new Passport("Algebra", " ", "kk", List.of(), List.of());
        List<BankValidation.Problem> p = BankValidation.validate(missing, bank(40, 40, 20), RULES);
        assertEquals(List.of("5.22"), rules(p));
        assertTrue(
                en(p.get(0).text()).contains("programme, compilers"),
                en(p.get(0).text()));
    }

    @Test
    void aDraftListsEveryProblem() { // 7.6
        QuestionDraft d =
                QuestionDraft.plain(Optional.of("bad id!"), " ", List.of("a", ""), List.of(), Optional.empty(), "");
        List<kz.emtihan.text.Text> p = d.problems(true);
        assertEquals(5, p.size(), p.toString()); // text, empty option, no correct, no difficulty, id
        assertEquals(4, d.problems(false).size(), "an imported question may arrive unclassified (5.23.3)");
    }
}
