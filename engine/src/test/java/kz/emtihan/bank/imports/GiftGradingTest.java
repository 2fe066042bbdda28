package kz.emtihan.bank.imports;

import static kz.emtihan.bank.imports.Fixtures.described;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kz.emtihan.bank.model.Difficulty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12: grading as authored (7.6), true/false, and category lines, read as Moodle's qformat_gift reads them. */
class GiftGradingTest {
    private static ImportedQuestion one(String gift) throws Exception {
        ImportReport r = GiftImport.parse(gift);
        assertEquals(1, r.questions().size(), r.skipped()::toString);
        return r.questions().get(0);
    }

    @Test
    void partialCreditDistractorsKeepASingleAnswerQuestionSingle() throws Exception {
        ImportedQuestion q = one("Pick{~wrong ~%50%half =full}\n");
        assertFalse(q.multiple()); // 7.6: radio buttons, as the author wrote it
        assertEquals(List.of(0.0, 50.0, 100.0), q.fractions());
        assertEquals(List.of(2), q.correct()); // all-or-nothing: the 100% option, so picking it scores
    }

    @Test
    void negativeWeightsAreKeptNotDropped() throws Exception {
        ImportedQuestion q = one("Pick{~%-50%a ~%50%b ~%50%c ~%-100%d}\n");
        assertTrue(q.multiple());
        assertEquals(List.of(-50.0, 50.0, 50.0, -100.0), q.fractions());
        assertEquals(List.of(1, 2), q.correct());
    }

    @Test
    void aWeightOnTheOnlyPositiveTildeOptionStaysMultipleAsInMoodle() throws Exception {
        ImportedQuestion q = one("Pick{~%100%a ~b}\n");
        assertTrue(q.multiple()); // no "=": Moodle sets single = 0
        assertEquals(List.of(100.0, 0.0), q.fractions());
    }

    @Test
    void anEqualsWithAHundredPercentIsAPlainEquals() throws Exception {
        // as exporters write it: "=%100%" means what "=" means, and no "%100%" is left in the text
        ImportReport r = GiftImport.parse(
                "::Вопрос::[html]<p>Какой?</p>{\n\t~%0%<p>нет</p>\n\t=%100%<p>да</p>#<p>Верно!</p>\n}\n");
        ImportedQuestion q = r.questions().get(0);
        assertFalse(q.multiple());
        assertEquals(List.of(0.0, 100.0), q.fractions());
        assertEquals(List.of("<p>нет</p>", "<p>да</p>"), q.options());
        assertEquals("<p>Верно!</p>", q.draft().options().get(1).feedback());
        assertEquals(List.of(), described(r));
    }

    @Test
    void optionAndGeneralFeedbackAreKept() throws Exception {
        ImportedQuestion q = one("Pick{=a#Yes \\# indeed ~b#No#really ####[html]<p>See <b>p. 3</b></p>}\n");
        assertEquals(List.of("a", "b"), q.options());
        assertEquals("Yes # indeed", q.draft().options().get(0).feedback());
        assertEquals("No#really", q.draft().options().get(1).feedback()); // Moodle: feedback after the first "#"
        assertEquals("<p>See <b>p. 3</b></p>", q.draft().authored().feedback());
    }

    @Test
    void indentationIsNotTextAsInMoodleWhichTrimsEveryLine() throws Exception {
        ImportedQuestion q = one("Pick one\n    of these{\n    =a   #first line\n         second line\n    ~b\n}\n");
        assertEquals("Pick one<br>of these", q.text());
        assertEquals("first line<br>second line", q.draft().options().get(0).feedback());
    }

    @Test
    void idNumberAndTagsAreReadFromTheCommentsAsMoodleDoes() throws Exception {
        ImportedQuestion q =
                one("// [id:Q\\]7] first id wins [id:other]\n// [tag:Жеңіл] [tag:a b]\n::Name::Pick{=a ~b}\n");
        assertEquals("Q]7", q.draft().authored().idNumber());
        assertEquals(List.of("Жеңіл", "a b"), q.draft().authored().tags());
        assertEquals("Name", q.name());
        assertEquals(Optional.of(Difficulty.EASY), q.difficulty()); // 5.23.3: a tag still sets the difficulty
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"{T}|100|0", "{TRUE}|100|0", "{F}|0|100", "{FALSE}|0|100", "{ TRUE #no#yes}|100|0"})
    void trueFalseBecomesTwoOptionsOneOfThemRight(String block, double yes, double no) throws Exception {
        ImportedQuestion q = one("The sky is blue." + block + "\n");
        assertEquals(List.of("True", "False"), q.options());
        assertEquals(List.of(yes, no), q.fractions());
        assertFalse(q.multiple());
        assertFalse(q.draft().shuffle());
    }

    @Test
    void trueFalseFeedbackGoesToTheOptionItAnswers() throws Exception {
        ImportedQuestion q = one("The sky is green.{F#Look up.#Right.####It scatters blue light.}\n");
        assertEquals(
                List.of("Look up.", "Right."),
                q.draft().options().stream().map(o -> o.feedback()).toList());
        assertEquals("It scatters blue light.", q.draft().authored().feedback());
    }

    @ParameterizedTest(name = "passport language \"{0}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "kk|Дұрыс|Бұрыс",
                "ru|Верно|Неверно",
                "en|True|False",
                "Қазақ тілі|Дұрыс|Бұрыс",
                "русский|Верно|Неверно",
                "English|True|False"
            })
    void trueFalseWordsAreInTheBanksLanguage(String language, String yes, String no) throws Exception {
        ImportReport r = GiftImport.read("The sky is blue.{T}\n".getBytes(StandardCharsets.UTF_8), language);
        assertEquals(List.of(yes, no), r.questions().get(0).options());
    }

    @ParameterizedTest(name = "file text {0}")
    @CsvSource(
            delimiter = '|',
            value = {"Аспан көк.|Дұрыс", "Небо синее.|Верно", "The sky is blue.|True"})
    void withoutAPassportLanguageTheFilesOwnLanguageIsUsed(String text, String yes) throws Exception {
        ImportReport r = GiftImport.read((text + "{T}\n").getBytes(StandardCharsets.UTF_8), "");
        assertEquals(yes, r.questions().get(0).options().get(0));
    }

    @Test
    void twoCategoryLinesInARowEachSetTheCategoryAndNeverBecomeText() throws Exception {
        ImportReport r = GiftImport.parse("$CATEGORY: $course$/top/Algebra\n$CATEGORY: $course$/top/Geometry/hard\n"
                + "::A::Angles of a triangle add up to?{=180° ~90°}\n");
        ImportedQuestion q = r.questions().get(0);
        assertEquals("Angles of a triangle add up to?", q.text());
        assertEquals("Geometry", q.topic());
        assertEquals(Optional.of(Difficulty.HARD), q.difficulty());
        assertEquals(1, q.position());
        assertEquals(3, q.line());
    }

    @Test
    void aCategoryBlockWithCommentsThenAnotherCategorySetsTheSecond() throws Exception {
        ImportReport r = GiftImport.parse("// question: 0  name: Switch category to A\n$CATEGORY: $course$/top/A\n"
                + "// question: 0  name: Switch category to B\n$CATEGORY: $course$/top/B/easy\n\n"
                + "// [tag:medium]\n::Q::Two plus two?{=4 ~5}\n\n$CATEGORY: $course$/top/C\n::R::Three?{=3 ~4}\n");
        assertEquals(List.of(), described(r));
        assertEquals(2, r.questions().size());
        assertEquals("B", r.questions().get(0).topic());
        assertEquals(Optional.of(Difficulty.MEDIUM), r.questions().get(0).difficulty()); // tag over category
        assertEquals("C", r.questions().get(1).topic());
        assertEquals(Optional.empty(), r.questions().get(1).difficulty());
        assertEquals(
                List.of(1, 2),
                r.questions().stream().map(ImportedQuestion::position).toList());
    }

    @Test
    void aCategoryLineRightUnderAQuestionAppliesToTheNextOne() throws Exception {
        ImportReport r = GiftImport.parse("::Q::Two?{=2 ~3}\n$CATEGORY: $course$/top/Later\n::R::Three?{=3 ~4}\n");
        assertEquals("", r.questions().get(0).topic());
        assertEquals("Two?", r.questions().get(0).text());
        assertEquals("Later", r.questions().get(1).topic());
    }
}
