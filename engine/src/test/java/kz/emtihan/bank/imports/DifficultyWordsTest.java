package kz.emtihan.bank.imports;

import static kz.emtihan.bank.imports.Fixtures.en;
import static kz.emtihan.bank.model.Difficulty.EASY;
import static kz.emtihan.bank.model.Difficulty.HARD;
import static kz.emtihan.bank.model.Difficulty.MEDIUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.bank.model.Difficulty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 5.23.3: difficulty words in the three languages of instruction. */
class DifficultyWordsTest {

    @ParameterizedTest
    @CsvSource({
        "easy, EASY",
        "Easy, EASY",
        "EASY, EASY",
        "medium, MEDIUM",
        "MeDiUm, MEDIUM",
        "hard, HARD",
        "HARD, HARD",
        "жеңіл, EASY",
        "ЖЕҢІЛ, EASY",
        "Жеңіл, EASY",
        "орташа, MEDIUM",
        "ОРТАША, MEDIUM",
        "күрделі, HARD",
        "КҮРДЕЛІ, HARD",
        "лёгкий, EASY",
        "ЛЁГКИЙ, EASY",
        "легкий, EASY",
        "Легкий, EASY",
        "средний, MEDIUM",
        "СРЕДНИЙ, MEDIUM",
        "сложный, HARD",
        "Сложный, HARD",
        "'  hard  ', HARD"
    })
    void namesADifficultyInAnyLanguageAndCase(String word, Difficulty expected) {
        assertEquals(Optional.of(expected), DifficultyWords.of(word));
    }

    @Test
    void decomposedYoIsTheSameWord() {
        assertEquals(Optional.of(EASY), DifficultyWords.of("ле\u0308гкий"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "hardest", "very hard", "medium-hard", "easy1", "лёгкая", "Algebra", "top"})
    void otherWordsNameNone(String word) {
        assertEquals(Optional.empty(), DifficultyWords.of(word));
    }

    @Test
    void nullNamesNone() {
        assertEquals(Optional.empty(), DifficultyWords.of(null));
    }

    @Test
    void aTagWinsOverTheCategory() {
        var decision = DifficultyWords.decide(List.of("exam2024", "Орташа"), Optional.of(HARD));
        assertEquals(Optional.of(MEDIUM), decision.difficulty());
        assertEquals(Optional.empty(), decision.note());
    }

    @Test
    void withoutADifficultyTagTheCategoryDecides() {
        assertEquals(
                Optional.of(HARD),
                DifficultyWords.decide(List.of("exam2024"), Optional.of(HARD)).difficulty());
        assertEquals(
                Optional.empty(),
                DifficultyWords.decide(List.of(), Optional.empty()).difficulty());
    }

    @Test
    void tagsThatAgreeInDifferentLanguagesAreOneDifficulty() {
        var decision = DifficultyWords.decide(List.of("easy", "Жеңіл", "легкий"), Optional.of(HARD));
        assertEquals(Optional.of(EASY), decision.difficulty());
        assertEquals(Set.of(), decision.conflict());
    }

    @Test
    void conflictingTagsNameNoneAndSaySo() {
        var decision = DifficultyWords.decide(List.of("hard", "easy"), Optional.of(MEDIUM));
        assertEquals(Optional.empty(), decision.difficulty());
        assertEquals(Set.of(EASY, HARD), decision.conflict());
        assertTrue(
                en(decision.note().orElseThrow()).contains("[easy, hard]"),
                en(decision.note().orElseThrow()));
    }
}
