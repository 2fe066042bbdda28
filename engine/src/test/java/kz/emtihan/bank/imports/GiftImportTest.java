package kz.emtihan.bank.imports;

import static kz.emtihan.bank.imports.Fixtures.columnOf;
import static kz.emtihan.bank.imports.Fixtures.described;
import static kz.emtihan.bank.imports.Fixtures.en;
import static kz.emtihan.bank.imports.Fixtures.lineOf;
import static kz.emtihan.bank.imports.Fixtures.question;
import static kz.emtihan.bank.imports.Fixtures.reasonsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import kz.emtihan.bank.model.Difficulty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixture is in the shape Moodle 4.x "Export questions → GIFT" writes: 6 categories, 23 questions. */
class GiftImportTest {
    private static String gift;
    private static ImportReport report;

    @BeforeAll
    static void parseTheExport() throws Exception {
        gift = Fixtures.text("gift-export.txt");
        report = GiftImport.parse(gift);
    }

    private static String at(int position, String firstLineMark) {
        return "question " + position + " (line " + lineOf(gift, firstLineMark) + ")";
    }

    @Test
    void importsEveryUsableMultipleChoiceQuestionInFileOrder() {
        assertEquals(
                List.of(1, 2, 3, 4, 5, 6, 7, 9, 11, 12, 13, 17, 18, 19, 20, 22, 23),
                report.questions().stream().map(ImportedQuestion::position).toList());
    }

    @Test
    void everyQuestionIsImportedOrSkippedAndCategoriesAreNotQuestions() {
        var positions = new TreeSet<Integer>();
        report.questions().forEach(q -> positions.add(q.position()));
        report.skipped().forEach(s -> positions.add(s.question()));
        assertEquals(IntStream.rangeClosed(1, 23).boxed().toList(), List.copyOf(positions));
        assertEquals(9, report.skipped().size()); // 6 skipped, 3 kept with a note
    }

    @Test
    void theLineIsTheQuestionsFirstLineAfterItsComments() {
        assertEquals(lineOf(gift, "::Quadratic roots::"), question(report, 1).line());
        assertEquals(
                lineOf(gift, "::System of two equations::"), question(report, 3).line());
        assertEquals(
                lineOf(gift, "Which city became the capital"),
                question(report, 17).line());
    }

    @Test
    void equalsMarksTheCorrectOptionAndTildeTheWrongOnes() {
        ImportedQuestion q = question(report, 5);
        assertEquals(List.of("−4", "4", "1/3", "3", "−3"), q.options());
        assertEquals(List.of(3), q.correct());
    }

    @Test
    void weightsAreKeptAsWrittenNegativeOnesIncluded() {
        // 7.6: the author's fractions; without an "=" option the question is multiple-answer, as in Moodle
        ImportedQuestion q = question(report, 2);
        assertEquals(List.of(50.0, 50.0, -50.0, -50.0, 0.0), q.fractions());
        assertTrue(q.multiple());
        assertEquals(List.of(0, 1), q.correct());
        assertEquals(List.of("2", "3", "5", "7", "6"), q.options());
        assertEquals(
                List.of(33.33333, -100.0, 33.33333, -100.0, 33.33334),
                question(report, 9).fractions());
        assertEquals(List.of(0, 2, 4), question(report, 9).correct());
    }

    @Test
    void anEqualsOptionMakesTheQuestionSingleAnswer() {
        assertFalse(question(report, 5).multiple());
        assertEquals(List.of(0.0, 0.0, 0.0, 100.0, 0.0), question(report, 5).fractions());
        assertFalse(question(report, 1).multiple());
    }

    @Test
    void answerFeedbackAndGeneralFeedbackAreKeptApartFromTheText() {
        ImportedQuestion q = question(report, 1);
        assertEquals("<p>x = 1 and x = 6</p>", q.options().get(0));
        assertEquals(5, q.options().size());
        assertEquals(
                "<p>1 · 6 = 6, but 1 + 6 ≠ 5.</p>", q.draft().options().get(0).feedback());
        assertEquals("", q.draft().options().get(1).feedback());
        assertEquals("<p>Factorise: (x − 2)(x − 3).</p>", q.draft().authored().feedback());
        assertEquals(
                "5 does not divide 12.",
                question(report, 2).draft().options().get(2).feedback());
        String all = q.text()
                + String.join("", q.options())
                + String.join("", question(report, 2).options());
        assertFalse(all.contains("Factorise") || all.contains("·") || all.contains("divide"), all);
    }

    @Test
    void idNumbersAndTagsComeFromTheCommentLines() {
        assertEquals("ALG-017", question(report, 1).draft().authored().idNumber());
        assertEquals("ALG-030", question(report, 3).draft().authored().idNumber());
        assertEquals(List.of("Medium"), question(report, 3).draft().authored().tags());
        assertEquals(
                List.of("ЛЕГКИЙ", "физика-2024"),
                question(report, 12).draft().authored().tags());
        assertEquals("", question(report, 5).draft().authored().idNumber());
    }

    @Test
    void trueFalseIsATwoOptionSingleAnswerQuestionWithMoodlesFeedbackOrder() {
        ImportedQuestion q = question(report, 4);
        assertEquals("Zero is an even number.", q.text());
        assertEquals(List.of("Дұрыс", "Бұрыс"), q.options()); // the file's own text is partly Kazakh
        assertEquals(List.of(100.0, 0.0), q.fractions());
        assertFalse(q.multiple());
        assertFalse(q.draft().shuffle());
        // Moodle: the first "#" is the feedback for the wrong answer, here "false"
        assertEquals("", q.draft().options().get(0).feedback());
        assertEquals("Think of 0 = 2 · 0.", q.draft().options().get(1).feedback());
        assertEquals(
                List.of("true/false question imported as a single-answer question with two options, "
                        + "\"Дұрыс\" and \"Бұрыс\" (question kept)"),
                reasonsAt(report, at(4, "::Zero is even::")));
    }

    @Test
    void escapedCharactersAreLiteral() {
        assertEquals(
                "Сколько элементов в множестве {1, 2, 2, 3}? Знаки ~ и # здесь просто символы.",
                question(report, 11).text());
        assertEquals(List.of(1), question(report, 11).correct());
        assertEquals(
                "<p>Solve x<sup>2</sup>&nbsp;− 5x + 6 = 0.</p>",
                question(report, 1).text());
        assertEquals("Ratio 1:2", question(report, 23).name());
        assertEquals("Split 30 in the ratio 1:2.", question(report, 23).text());
    }

    @Test
    void backslashNIsALineBreak() {
        assertEquals(
                "Жылдамдықтың SI бірлігі қандай?<br>Бір жауапты таңдаңыз.",
                question(report, 13).text());
    }

    @Test
    void multiLineQuestionsKeepTheirLinesAndSkipCommentLines() {
        ImportedQuestion q = question(report, 3);
        assertEquals("Solve the system<br>x + y = 5, x − y = 1.", q.text());
        assertEquals(List.of("(2; 3)", "(3; 2)", "(4; 1)", "(5; 0)", "no solution"), q.options());
        assertEquals(List.of(1), q.correct());
    }

    @Test
    void htmlIsSanitisedSilentlyWhereNothingTheStudentNeedsIsLost() {
        ImportedQuestion q = question(report, 6);
        String all = q.text() + String.join("", q.options());
        for (String banned :
                List.of("<script", "cookie", "onclick", "steal", "style", "onmouseover", "javascript", "onfocus")) {
            assertFalse(all.contains(banned), banned + " survived in " + all);
        }
        assertEquals(
                "<p>Which point lies <b>inside</b> the circle x<sup>2</sup> + y<sup>2</sup> = 25?</p>"
                        + "<p>Pick one.</p>",
                q.text());
        assertEquals(List.of("(1; 2)", "(3; 4)", "(5; 1)", "(0; 6)", "(4; 4)"), q.options());
        assertEquals(List.of(), reasonsAt(report, at(6, "::Point inside a circle::")));
    }

    @Test
    void markdownIsKeptAsTextAndPlainTextIsEscaped() {
        assertEquals(
                "**Area** of a circle with radius r, where &lt;b&gt;r&lt;/b&gt; = 2?",
                question(report, 7).text());
        ImportedQuestion plain = question(report, 12);
        assertEquals("Какой тег делает текст &lt;b&gt;жирным&lt;/b&gt;?", plain.text());
        assertEquals("&lt;b&gt;", plain.options().get(1));
        assertEquals(List.of(1), plain.correct());
    }

    @Test
    void titlesNameQuestionsAndUntitledOnesAreNamedByTheirText() {
        assertEquals("Quadratic roots", question(report, 1).name());
        assertEquals(
                "Which city became the capital of Kazakhstan in 1997?",
                question(report, 17).name());
    }

    @Test
    void theMissingWordFormatLeavesABlank() {
        ImportedQuestion q = question(report, 18);
        assertEquals("The Kazakh Khanate was founded in _____ by Kerei and Janibek.", q.text());
        assertEquals(List.of(1), q.correct());
    }

    @ParameterizedTest(name = "question {0}: topic {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1|Algebra",
                "3|Algebra / Linear equations",
                "6|Геометрия",
                "9|Физика / Механика",
                "13|Физика",
                "17|Shared / History of Kazakhstan"
            })
    void categoryLinesSetTheTopic(int position, String topic) {
        assertEquals(topic, question(report, position).topic());
    }

    @ParameterizedTest(name = "question {0}: {1}")
    @CsvSource({
        "1, HARD", // $CATEGORY segment "hard"
        "5, EASY", // $CATEGORY segment "Easy"
        "6, MEDIUM", // Kazakh $CATEGORY segment "ОРТАША"
        "9, HARD", // Russian $CATEGORY segment "сложный"
        "13, EASY", // Kazakh $CATEGORY segment "Жеңіл"
        "3, MEDIUM", // [tag:Medium] wins over "Easy"
        "11, EASY", // [tag:лёгкий] wins over "сложный"
        "12, EASY", // [tag:ЛЕГКИЙ], spelled with е
        "18, MEDIUM", // [tag:СРЕДНИЙ]
        "19, HARD"
    }) // [tag:КҮРДЕЛІ]
    void difficultyComesFromTagCommentsOverCategories(int position, Difficulty expected) {
        assertEquals(Optional.of(expected), question(report, position).difficulty());
    }

    @Test
    void noDifficultyWordMeansNoDifficulty() {
        assertEquals(Optional.empty(), question(report, 17).difficulty());
        assertEquals(Optional.empty(), question(report, 23).difficulty());
    }

    @Test
    void conflictingTagsGiveNoDifficultyAndANote() {
        assertEquals(Optional.empty(), question(report, 20).difficulty());
        List<String> notes = reasonsAt(report, at(20, "::Tagged twice::"));
        assertTrue(notes.size() == 1 && notes.get(0).contains("[easy, hard]"), notes::toString);
    }

    @ParameterizedTest(name = "question {0} is a {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "8|::Prove Pythagoras::|essay",
                "10|::Unit of force::|shortanswer",
                "14|::Quantities and units::|match",
                "15|::Section note::|description",
                "16|::Year of independence::|numerical"
            })
    void otherQuestionTypesAreSkippedNamingTheType(int position, String firstLine, String type) {
        assertEquals(
                List.of(type + " question skipped: only multiple-choice and true/false questions are imported"),
                reasonsAt(report, at(position, firstLine)));
    }

    @Test
    void unusableMultipleChoiceQuestionsAreSkippedWithTheReason() {
        assertTrue(reasonsAt(report, at(21, "::Nothing is right::"))
                .get(0)
                .startsWith("multichoice question has no correct answer"));
        // Moodle leaves an answer without text out; we do too, and say so
        assertEquals(
                List.of("answer 2 has no text and was left out, as Moodle does (question kept)"),
                reasonsAt(report, at(22, "::Empty option::")));
        assertEquals(
                List.of("Caspian", "Black", "Aral", "Baltic"),
                question(report, 22).options());
    }

    @Test
    void anUnclosedBraceFailsAtItsLineAndColumn() throws Exception {
        String file = Fixtures.text("gift-unclosed.txt");
        ImportException e = assertThrows(ImportException.class, () -> GiftImport.parse(file));
        assertEquals(lineOf(file, "::Intercept::"), e.line());
        assertEquals(columnOf(file, "axis?{", 5), e.column());
        assertTrue(en(e.fault()).contains("never closed"), en(e.fault()));
    }

    @Test
    void aClosingBraceWithoutAnOpeningOneFailsAtItsLineAndColumn() throws Exception {
        String file = Fixtures.text("gift-unbalanced.txt");
        ImportException e = assertThrows(ImportException.class, () -> GiftImport.parse(file));
        assertEquals(lineOf(file, "::Braces::"), e.line());
        assertEquals(columnOf(file, "this}}", 5), e.column());
        assertTrue(
                e.getMessage().startsWith("line " + e.line() + ", column " + e.column() + ": '}' without"),
                e.getMessage());
    }

    @Test
    void aMissingClosingBraceBeforeTheNextQuestionIsCaughtAtTheSecondBrace() {
        String file = "::A::First?{=a ~b\n::B::Second?{=c ~d}\n";
        ImportException e = assertThrows(ImportException.class, () -> GiftImport.parse(file));
        assertEquals(2, e.line());
        assertEquals(13, e.column());
        assertTrue(en(e.fault()).contains("opened at line 1"), en(e.fault()));
    }

    @Test
    void twoAnswerBlocksInOneQuestionAreSkipped() throws Exception {
        ImportReport r = GiftImport.parse("::A::First?{=a ~b}\n::B::Second?{=c ~d}\n");
        assertEquals(List.of(), r.questions());
        assertTrue(en(r.skipped().get(0).reason()).contains("2 answer blocks"), r.skipped()::toString);
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkReadTheSame() throws Exception {
        ImportReport r = GiftImport.parse("\uFEFF$CATEGORY: $course$/top/Algebra/hard\r\n\r\n"
                + "// [tag:easy]\r\n::Q::Two plus two?{\r\n=4\r\n~5\r\n}\r\n");
        ImportedQuestion q = r.questions().get(0);
        assertEquals(4, q.line());
        assertEquals("Two plus two?", q.text());
        assertEquals(List.of("4", "5"), q.options());
        assertEquals(Optional.of(Difficulty.EASY), q.difficulty());
        assertEquals("Algebra", q.topic());
    }

    @Test
    void aTagCommentSeparatedByABlankLineBelongsToNoQuestion() throws Exception {
        ImportReport r = GiftImport.parse("// [tag:hard]\n\n::Q::Two plus two?{=4 ~5}\n");
        assertEquals(Optional.empty(), r.questions().get(0).difficulty());
    }

    @Test
    void aNewCategoryReplacesTopicAndDifficulty() throws Exception {
        ImportReport r = GiftImport.parse("$CATEGORY: $course$/top/Algebra/hard\n\n::A::One?{=1 ~2}\n\n"
                + "$CATEGORY: $course$/top/Geometry\n\n::B::Two?{=2 ~1}\n");
        assertEquals(Optional.of(Difficulty.HARD), r.questions().get(0).difficulty());
        assertEquals("Geometry", r.questions().get(1).topic());
        assertEquals(Optional.empty(), r.questions().get(1).difficulty());
    }

    @Test
    void anEscapedBackslashDoesNotEscapeTheNextCharacter() throws Exception {
        ImportedQuestion q = GiftImport.parse("::Q::Path C:\\\\temp\\\\? \\(x^2\\){=yes ~no}\n")
                .questions()
                .get(0);
        assertEquals("Path C:\\temp\\? \\(x^2\\)", q.text());
    }

    @Test
    void textBeforeTheFirstOptionSkipsTheQuestion() throws Exception {
        ImportReport r = GiftImport.parse("::Q::Pick one{stray =a ~b}\n");
        assertEquals(List.of("question 1 (line 1): " + "text before the first answer: \"stray\""), described(r));
    }

    @Test
    void anEqualsOptionMayCarryAWeightWhichIsKeptAndNoted() throws Exception {
        ImportReport r = GiftImport.parse("::Q::Pick{=%50%a =%50%b ~%-100%c}\n");
        ImportedQuestion q = r.questions().get(0);
        assertEquals(List.of("a", "b", "c"), q.options());
        assertEquals(List.of(50.0, 50.0, -100.0), q.fractions());
        assertTrue(q.multiple()); // no bare "=": the author's weights, not Moodle's 100%
        assertEquals(List.of(0, 1), q.correct());
        assertEquals(2, r.skipped().size());
        assertTrue(described(r).get(0).startsWith("question 1 (line 1): answer 1 is written as \"=%...%\""));
    }

    @Test
    void anEmptyFileImportsNothing() throws Exception {
        ImportReport r = GiftImport.parse("// only a comment\n\n\n");
        assertEquals(List.of(), r.questions());
        assertEquals(List.of(), r.skipped());
    }

    @Test
    void aQuestionWhosePictureIsNotInTheFileIsSkippedNeverKeptBroken() throws Exception { // issue 12, 2
        ImportReport r = GiftImport.parse(
                "::Map::[html]Which city is marked? <img src\\=\"https\\://maps.example/kz.png\">{=Astana ~Almaty}\n");
        assertEquals(List.of(), r.questions());
        assertEquals("skip.external-media", r.skipped().get(0).reason().key());
        assertTrue(String.valueOf(r.skipped().get(0).reason().args()).contains("maps.example/kz.png"));
    }
}
