package kz.emtihan.registry.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The export tables of the registry (5.33, 6.10) from the students' lines, headers and words in the reader's language
 * ({@code words}: a label by key, from the registry's bundle). Ids stay only in the first column, for the AIS to load.
 */
public final class RegistrySheets {
    private RegistrySheets() {}

    /** An exam's table; {@code chain}: the exam has retakes, so the columns of which result counts are added. */
    public static Sheet exam(String name, List<ExamLine> lines, boolean chain, UnaryOperator<String> words) {
        List<String> keys = new ArrayList<>(List.of(
                "student-id",
                "name",
                "group",
                "midterm1",
                "midterm2",
                "admission",
                "status",
                "points",
                "percent",
                "letter",
                "gpa",
                "traditional",
                "final-rating",
                "final-letter",
                "final-gpa",
                "final-traditional"));
        if (chain) keys.addAll(List.of("counts", "counting-exam"));
        List<List<Object>> rows = new ArrayList<>();
        for (ExamLine l : lines) {
            List<Object> row = new ArrayList<>();
            row.add(l.studentId());
            row.add(l.name());
            row.add(l.group());
            row.add(
                    l.admission().midterms().isEmpty()
                            ? null
                            : l.admission().midterms().get(0));
            row.add(
                    l.admission().midterms().isEmpty()
                            ? null
                            : l.admission().midterms().get(1));
            row.add(l.admission().rating().orElse(null));
            row.add(words.apply("status." + l.status()));
            row.add(l.exam().map(Scored::points).orElse(null));
            row.add(l.exam().map(Scored::percent).orElse(null));
            row.add(l.exam().map(Scored::letter).orElse(null));
            row.add(l.exam().map(Scored::gpa).orElse(null));
            row.add(l.exam()
                    .map(s -> words.apply("traditional." + s.traditional()))
                    .orElse(null));
            row.add(l.finalRating().map(FinalRating::rating).orElse(null));
            row.add(l.finalRating().map(f -> f.band().letter()).orElse(null));
            row.add(l.finalRating().map(f -> f.band().gpa()).orElse(null));
            row.add(l.finalRating()
                    .map(f -> words.apply("traditional." + f.band().traditional()))
                    .orElse(null));
            if (chain) {
                row.add(l.counts().map(c -> words.apply(c ? "yes" : "no")).orElse(null));
                row.add(l.countingExam().orElse(null));
            }
            rows.add(row);
        }
        return new Sheet(name, headers(keys, words), rows);
    }

    /** A sitting's table: one score column per scoring member, headed with the member's name, in commission order. */
    public static Sheet sitting(
            String name,
            List<SittingLine> lines,
            List<String> members,
            Map<String, String> memberNames,
            UnaryOperator<String> words) {
        List<String> headers = new ArrayList<>(headers(List.of("student-id", "name", "group", "ticket"), words));
        for (String m : members) headers.add(memberNames.getOrDefault(m, m));
        headers.addAll(headers(List.of("points", "letter", "gpa", "traditional", "appeal", "standing"), words));
        List<List<Object>> rows = new ArrayList<>();
        for (SittingLine l : lines) {
            List<Object> row = new ArrayList<>();
            row.add(l.studentId());
            row.add(l.name());
            row.add(l.group());
            row.add(l.ticket().orElse(null));
            for (String m : members) row.add(l.scores().get(m));
            row.add(l.result().map(Scored::points).orElse(null));
            row.add(l.result().map(Scored::letter).orElse(null));
            row.add(l.result().map(Scored::gpa).orElse(null));
            row.add(l.result()
                    .map(s -> words.apply("traditional." + s.traditional()))
                    .orElse(null));
            row.add(l.appeal()
                    .map(a -> a.equals("kept") ? words.apply("appeal.kept") : a)
                    .orElse(null));
            row.add(words.apply("standing." + l.standing()));
            rows.add(row);
        }
        return new Sheet(name, headers, rows);
    }

    private static List<String> headers(List<String> keys, UnaryOperator<String> words) {
        return keys.stream().map(k -> words.apply("col." + k)).toList();
    }
}
