package kz.emtihan.exam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import org.junit.jupiter.api.Test;

class DrawTest {
    static final Map<Difficulty, Integer> MIX = Map.of(Difficulty.EASY, 40, Difficulty.MEDIUM, 40, Difficulty.HARD, 20);

    static List<Question> bank(int easy, int medium, int hard) {
        List<Question> out = new ArrayList<>();
        int[] counts = {easy, medium, hard};
        for (Difficulty d : Difficulty.values()) {
            for (int i = 0; i < counts[d.ordinal()]; i++) {
                String id = d.code() + "-" + i;
                List<Option> options = new ArrayList<>();
                for (int o = 0; o < 5; o++) options.add(new Option(id + "-o" + o, "option " + o));
                out.add(Question.plain(id, "question " + id, options, Set.of(id + "-o0"), d, ""));
            }
        }
        return out;
    }

    static Map<Difficulty, Integer> counts(Paper p, List<Question> pool) {
        Map<String, Question> byId = pool.stream().collect(Collectors.toMap(Question::id, Function.identity()));
        Map<Difficulty, Integer> c = new EnumMap<>(Difficulty.class);
        for (Difficulty d : Difficulty.values()) c.put(d, 0);
        p.items().forEach(i -> c.merge(byId.get(i.questionId()).difficulty().orElseThrow(), 1, Integer::sum));
        return c;
    }

    @Test
    void thirtyFromAHundredIs12Easy12Medium6Hard() { // 5.20.3 + 5.23.3
        List<Question> pool = bank(40, 40, 20);
        for (long seed = 0; seed < 50; seed++) {
            Paper p = Draw.of(pool, 30, MIX, seed);
            assertEquals(30, p.items().size());
            assertEquals(Map.of(Difficulty.EASY, 12, Difficulty.MEDIUM, 12, Difficulty.HARD, 6), counts(p, pool));
        }
    }

    @Test
    void thirtyFromThreeHundredKeepsTheMixAndNeverRepeats() { // 7.6
        List<Question> pool = bank(120, 120, 60);
        for (long seed = 0; seed < 50; seed++) {
            Paper p = Draw.of(pool, 30, MIX, seed);
            Set<String> ids = new HashSet<>();
            p.items().forEach(i -> ids.add(i.questionId()));
            assertEquals(30, ids.size(), "no question twice");
            assertEquals(Map.of(Difficulty.EASY, 12, Difficulty.MEDIUM, 12, Difficulty.HARD, 6), counts(p, pool));
        }
    }

    @Test
    void anUnevenBankFillsTheShortfallFromTheFullestDifficulty() {
        List<Question> pool = bank(70, 28, 2); // hard has 2 of the 6 wanted, medium 28 of 12
        Paper p = Draw.of(pool, 30, MIX, 7);
        Map<Difficulty, Integer> c = counts(p, pool);
        assertEquals(2, c.get(Difficulty.HARD));
        assertEquals(30, c.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(
                16, c.get(Difficulty.EASY), "the 4 missing hard questions come from easy, which has the most left");
        assertEquals(12, c.get(Difficulty.MEDIUM));
    }

    @Test
    void theSameSeedRebuildsTheSamePaperForAnAudit() {
        List<Question> pool = bank(40, 40, 20);
        List<Question> reordered = new ArrayList<>(pool);
        java.util.Collections.reverse(reordered);
        assertEquals(Draw.of(pool, 30, MIX, 42), Draw.of(reordered, 30, MIX, 42), "storage order must not matter");
        assertNotEquals(Draw.of(pool, 30, MIX, 42), Draw.of(pool, 30, MIX, 43));
    }

    @Test
    void optionsAreShuffledPerStudentButKeepAllFive() {
        List<Question> pool = bank(40, 40, 20);
        Paper a = Draw.of(pool, 30, MIX, 1);
        Set<List<String>> orders = new HashSet<>();
        for (Paper.Item i : a.items()) {
            assertEquals(5, new HashSet<>(i.optionOrder()).size());
            orders.add(i.optionOrder().stream()
                    .map(o -> o.substring(o.lastIndexOf('-')))
                    .toList());
        }
        assertNotEquals(1, orders.size(), "30 questions all in bank order would mean no shuffle");
    }

    @Test
    void quotaUsesLargestRemainders() {
        assertEquals(Map.of(Difficulty.EASY, 4, Difficulty.MEDIUM, 4, Difficulty.HARD, 2), Draw.quota(10, MIX));
        assertEquals(Map.of(Difficulty.EASY, 3, Difficulty.MEDIUM, 3, Difficulty.HARD, 1), Draw.quota(7, MIX));
        assertEquals(Map.of(Difficulty.EASY, 1, Difficulty.MEDIUM, 0, Difficulty.HARD, 0), Draw.quota(1, MIX));
    }

    @Test
    void cannotDrawMoreThanTheBankHolds() {
        assertThrows(IllegalArgumentException.class, () -> Draw.of(bank(5, 5, 5), 30, MIX, 1));
    }

    @Test
    void paperSurvivesItsStoredForm() {
        Paper p = Draw.of(bank(40, 40, 20), 30, MIX, 9);
        assertEquals(p, Paper.decode(p.encode()));
    }

    @Test
    void anUnclassifiedQuestionIsNeverDrawn() { // 5.23.3
        List<Question> pool = new ArrayList<>(bank(4, 4, 2));
        Question unclassified = pool.get(0).withDifficulty(java.util.Optional.empty());
        pool.set(0, unclassified);
        for (long seed = 0; seed < 30; seed++) {
            Paper p = Draw.of(pool, 9, MIX, seed);
            assertEquals(false, p.has(unclassified.id()), "seed " + seed);
        }
        assertThrows(IllegalArgumentException.class, () -> Draw.of(pool, 10, MIX, 1));
    }

    @Test
    void optionsOfAQuestionNotToShuffleStayInTheAuthorsOrder() { // "all of the above" stays last
        Question q = bank(1, 0, 0).get(0);
        Question kept = new Question(
                q.id(), q.text(), q.options(), q.correct(), q.single(), q.difficulty(), "", false, q.authored());
        List<String> authored = q.options().stream().map(Option::id).toList();
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(authored, Draw.optionOrder(kept, new java.util.Random(seed)));
        }
    }

    @Test
    void aFixedOptionKeepsItsPlaceWhileTheOthersMove() { // QTI fixed="true"
        Question q = bank(1, 0, 0).get(0);
        List<Option> options = new ArrayList<>(q.options());
        Option last = options.get(4);
        options.set(4, new Option(last.id(), "all of the above", last.fraction(), "", true));
        Question fixed = new Question(
                q.id(), q.text(), options, q.correct(), q.single(), q.difficulty(), "", true, q.authored());
        Set<List<String>> orders = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            List<String> order = Draw.optionOrder(fixed, new java.util.Random(seed));
            assertEquals(last.id(), order.get(4), "seed " + seed);
            orders.add(order);
        }
        assertTrue(orders.size() > 1, "the other options were shuffled");
    }
}
