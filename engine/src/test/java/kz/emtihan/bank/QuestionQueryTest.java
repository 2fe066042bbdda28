package kz.emtihan.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import kz.emtihan.refusal.Refusal;
import org.junit.jupiter.api.Test;

/** The bank page's filter (issue 12, 7), without the engine. */
class QuestionQueryTest {
    static Question q(String id, String text, Optional<Difficulty> d, String topic) {
        List<Option> options = List.of(new Option("a", "<p>Алматы</p>"), new Option("b", "Астана"));
        return Question.plain(id, text, options, java.util.Set.of("a"), Difficulty.EASY, topic)
                .withDifficulty(d);
    }

    @Test
    void wordsAreFoundInAnyCaseAcrossMarkupAndEntities() {
        Question kk = q("x1", "<p>Қазақстанның <b>ЕЛОРДАСЫ</b>&nbsp;қай&#160;қала?</p>", Optional.empty(), "");
        QuestionQuery query = QuestionQuery.parse(Map.of("q", "елордасы  қазақстанның")::get, 50);
        assertTrue(query.matches(kk));
        assertTrue(QuestionQuery.parse(Map.of("q", "ҚАЙ ҚАЛА")::get, 50).matches(kk), "entity spaces read as spaces");
        assertTrue(QuestionQuery.parse(Map.of("q", "алматы")::get, 50).matches(kk), "options");
        assertFalse(QuestionQuery.parse(Map.of("q", "<b>")::get, 50).matches(kk), "markup is not text");
        // 5.23.3: the unclassified ones are a filter of their own
        assertTrue(QuestionQuery.parse(Map.of("difficulty", "unclassified")::get, 50)
                .matches(kk));
        assertFalse(QuestionQuery.parse(Map.of("difficulty", "easy")::get, 50).matches(kk));
    }

    @Test
    void theWindowCountsEveryMatchAndNumbersByTheBank() {
        List<Question> bank = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++)
            bank.add(q("q" + i, "text " + i, Optional.of(Difficulty.values()[i % 3]), i % 2 == 0 ? "even" : "odd"));
        QuestionQuery.Page page = QuestionQuery.parse(Map.of("topic", "even", "offset", "1", "limit", "2")::get, 50)
                .apply(bank);
        assertEquals(5, page.total());
        assertEquals(
                List.of(3, 5),
                page.items().stream().map(QuestionQuery.Numbered::number).toList());
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheParameter() {
        for (Map<String, String> bad : List.of(
                Map.of("limit", "0"),
                Map.of("limit", "9999"),
                Map.of("offset", "-3"),
                Map.of("difficulty", "x"),
                Map.of("q", "x".repeat(201)))) {
            Refusal r = org.junit.jupiter.api.Assertions.assertThrows(
                    Refusal.class, () -> QuestionQuery.parse(bad::get, 50), bad.toString());
            assertEquals("bad-field", r.code().code(), bad.toString());
        }
    }
}
