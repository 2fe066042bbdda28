package kz.emtihan.exam.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;

/**
 * 7.6: each student's test is a random selection from the bank; 5.23.3: stratified easy/medium/hard
 * 40/40/20 (from regulation.yaml); an unclassified question is never drawn. Options are shuffled per student,
 * except on a question its author marked not to shuffle, and an option marked fixed keeps its place. The same seed and pool always give
 * the same paper (java.util.Random's sequence is fixed by its specification), so a test can be rebuilt
 * for an audit.
 */
public final class Draw {
    private Draw() {}

    /** How many of each difficulty a test of {@code count} gets: largest remainder of count × percent. */
    public static Map<Difficulty, Integer> quota(int count, Map<Difficulty, Integer> mixPercent) {
        Map<Difficulty, Integer> quota = new EnumMap<>(Difficulty.class);
        List<Difficulty> byRemainder = new ArrayList<>(List.of(Difficulty.values()));
        int given = 0;
        for (Difficulty d : Difficulty.values()) {
            int q = count * mixPercent.getOrDefault(d, 0) / 100;
            quota.put(d, q);
            given += q;
        }
        byRemainder.sort(Comparator.comparingInt((Difficulty d) -> -(count * mixPercent.getOrDefault(d, 0) % 100))
                .thenComparing(Difficulty::ordinal));
        for (int i = 0; given < count; i = (i + 1) % byRemainder.size(), given++) {
            quota.merge(byRemainder.get(i), 1, Integer::sum);
        }
        return quota;
    }

    /**
     * Draws {@code count} distinct questions. When a difficulty has fewer questions than its quota (an
     * uneven bank), the shortfall is taken from the difficulties with the most questions left.
     */
    public static Paper of(List<Question> pool, int count, Map<Difficulty, Integer> mixPercent, long seed) {
        long classified = pool.stream().filter(q -> q.difficulty().isPresent()).count();
        if (count > classified) throw new IllegalArgumentException("cannot draw " + count + " from " + classified);
        Random random = new Random(seed);
        Map<Difficulty, List<Question>> strata = new EnumMap<>(Difficulty.class);
        for (Difficulty d : Difficulty.values()) strata.put(d, new ArrayList<>());
        pool.stream()
                .sorted(Comparator.comparing(Question::id))
                .forEach(q -> q.difficulty().ifPresent(d -> strata.get(d).add(q)));
        Map<Difficulty, Integer> quota = quota(count, mixPercent);
        int shortfall = 0;
        for (Difficulty d : Difficulty.values()) {
            int have = strata.get(d).size();
            if (have < quota.get(d)) {
                shortfall += quota.get(d) - have;
                quota.put(d, have);
            }
        }
        while (shortfall > 0) {
            Difficulty most = null;
            for (Difficulty d : Difficulty.values()) {
                int left = strata.get(d).size() - quota.get(d);
                if (left > 0 && (most == null || left > strata.get(most).size() - quota.get(most))) most = d;
            }
            quota.merge(most, 1, Integer::sum);
            shortfall--;
        }
        List<Question> chosen = new ArrayList<>();
        for (Difficulty d : Difficulty.values()) {
            List<Question> stratum = strata.get(d);
            shuffle(stratum, random);
            chosen.addAll(stratum.subList(0, quota.get(d)));
        }
        shuffle(chosen, random);
        List<Paper.Item> items = new ArrayList<>();
        for (Question q : chosen) {
            items.add(new Paper.Item(q.id(), optionOrder(q, random)));
        }
        return new Paper(items);
    }

    /** The options in the author's order when the question is not shuffled; else shuffled around fixed ones. */
    static List<String> optionOrder(Question q, Random random) {
        List<String> order =
                new ArrayList<>(q.options().stream().map(Option::id).toList());
        if (!q.shuffle()) return order;
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) if (!q.options().get(i).fixed()) free.add(i);
        List<String> moving = new ArrayList<>();
        for (int i : free) moving.add(order.get(i));
        shuffle(moving, random);
        for (int k = 0; k < free.size(); k++) order.set(free.get(k), moving.get(k));
        return order;
    }

    /** Fisher-Yates with java.util.Random, written out so the order never depends on a library's version. */
    static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
