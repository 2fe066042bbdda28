package kz.emtihan.bank.imports;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.text.Text;

/**
 * 5.23.3: the words a question file uses for easy, medium and hard, in English, Kazakh and Russian, the
 * languages of instruction. A word matches whole, after trimming, Unicode NFC normalisation and
 * locale-independent lower-casing; "лёгкий" is also accepted as "легкий".
 */
final class DifficultyWords {
    private static final Map<String, Difficulty> WORDS = Map.of(
            "easy",
            Difficulty.EASY,
            "жеңіл",
            Difficulty.EASY,
            "лёгкий",
            Difficulty.EASY,
            "легкий",
            Difficulty.EASY,
            "medium",
            Difficulty.MEDIUM,
            "орташа",
            Difficulty.MEDIUM,
            "средний",
            Difficulty.MEDIUM,
            "hard",
            Difficulty.HARD,
            "күрделі",
            Difficulty.HARD,
            "сложный",
            Difficulty.HARD);

    private DifficultyWords() {}

    /** The difficulty a single word (a tag, a category segment) names, if it names one. */
    static Optional<Difficulty> of(String word) {
        if (word == null) return Optional.empty();
        String key = Normalizer.normalize(word.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(WORDS.get(key));
    }

    /**
     * A question's difficulty from its tags and its category. A tag wins over the category; tags that name two
     * different difficulties name none, and {@code conflict} says which ones they were.
     */
    static Decision decide(List<String> tags, Optional<Difficulty> fromCategory) {
        Set<Difficulty> tagged = EnumSet.noneOf(Difficulty.class);
        for (String tag : tags) of(tag).ifPresent(tagged::add);
        if (tagged.isEmpty()) return new Decision(fromCategory, Set.of());
        if (tagged.size() == 1)
            return new Decision(Optional.of(tagged.iterator().next()), Set.of());
        return new Decision(Optional.empty(), tagged);
    }

    /** The chosen difficulty, and the difficulties of conflicting tags (empty when there was no conflict). */
    record Decision(Optional<Difficulty> difficulty, Set<Difficulty> conflict) {
        Optional<Text> note() {
            if (conflict.isEmpty()) return Optional.empty();
            List<String> codes = conflict.stream().map(Difficulty::code).toList();
            return Optional.of(ImportTexts.of("kept.difficulty-conflict", "difficulties", codes.toString()));
        }
    }
}
