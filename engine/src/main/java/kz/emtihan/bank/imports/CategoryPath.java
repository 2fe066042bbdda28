package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.emtihan.bank.model.Difficulty;

/**
 * A Moodle category path such as {@code $course$/top/Algebra/hard} read as a topic and a difficulty (5.23.3).
 * The context prefix ({@code $course$}, {@code $system$}, {@code $module$}, {@code $cat1$}...) and a leading
 * {@code top} are dropped; a segment that is a difficulty word sets the difficulty (the deepest one wins) and is
 * not part of the topic; the rest is joined with " / ". As in Moodle, {@code //} inside a name is a literal "/".
 */
record CategoryPath(String topic, Optional<Difficulty> difficulty) {
    static final CategoryPath NONE = new CategoryPath("", Optional.empty());

    private static final Pattern CONTEXT = Pattern.compile("\\$[a-z0-9_]+\\$", Pattern.CASE_INSENSITIVE);
    private static final char SLASH = '\uFDD0';

    static CategoryPath parse(String path) {
        if (path == null || path.isBlank()) return NONE;
        List<String> segments = new ArrayList<>();
        String marked = path.replace(String.valueOf(SLASH), "").replace("//", String.valueOf(SLASH));
        for (String raw : marked.split("/")) {
            String segment = raw.replace(SLASH, '/').strip();
            if (!segment.isEmpty()) segments.add(segment);
        }
        if (!segments.isEmpty() && CONTEXT.matcher(segments.get(0)).matches()) segments.remove(0);
        if (!segments.isEmpty() && segments.get(0).equals("top")) segments.remove(0);

        List<String> topic = new ArrayList<>();
        Optional<Difficulty> difficulty = Optional.empty();
        for (String segment : segments) {
            Optional<Difficulty> named = DifficultyWords.of(segment);
            if (named.isPresent()) difficulty = named;
            else topic.add(segment);
        }
        return new CategoryPath(String.join(" / ", topic), difficulty);
    }
}
