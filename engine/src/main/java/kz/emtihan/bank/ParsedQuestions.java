package kz.emtihan.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.bank.model.Question;

/**
 * The bank page asks for a window of a big bank many times (every filter, every page), and each time the whole bank
 * is read from Redis (issue 12, 7: 5,000 questions). Parsing 5,000 JSON documents each time is what costs; this
 * keeps, per engine process, the parsed question and its search text for each stored JSON text seen lately. The
 * key is the stored text itself, so an edited question (other text) is parsed anew and nothing can be stale; a
 * question another engine node changed is read as it is now. Called on worker threads.
 */
final class ParsedQuestions {
    /** About two banks of 5,000; a question takes a few kilobytes here (its JSON, the parsed record, its search text). */
    static final int MAX_ENTRIES = 12_000;

    /** A parsed question with what a text search looks in. */
    record Parsed(Question question, String haystack) {}

    private final Map<String, Parsed> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** The questions of these stored texts in bank order (as {@link Banks#questions(String)} gives them). */
    List<Parsed> parse(List<String> jsons) {
        List<Parsed> out = new ArrayList<>(jsons.size());
        List<String> fresh = new ArrayList<>();
        synchronized (recent) {
            for (String json : jsons) {
                Parsed p = recent.get(json);
                if (p == null) fresh.add(json);
                else out.add(p);
            }
        }
        List<Map.Entry<String, Parsed>> parsed = new ArrayList<>();
        for (String json : fresh) { // outside the lock: the slow part
            Question q = QuestionJson.fromStored(json);
            Parsed p = new Parsed(q, QuestionQuery.haystack(q));
            parsed.add(Map.entry(json, p));
            out.add(p);
        }
        synchronized (recent) {
            for (Map.Entry<String, Parsed> e : parsed) recent.put(e.getKey(), e.getValue());
        }
        out.sort(Comparator.comparingLong((Parsed p) -> p.question().authored().order())
                .thenComparing(p -> p.question().id()));
        return out;
    }
}
