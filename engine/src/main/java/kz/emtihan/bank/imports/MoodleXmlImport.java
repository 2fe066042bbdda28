package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a Moodle XML question export ("Export questions → Moodle XML", Moodle 1.9 to 4.x).
 *
 * <p>Guarantees: {@code multichoice} questions, single and multiple answer, are imported; an answer is correct
 * when its {@code fraction} is above 0 (7.6: one or more correct). {@code <question type="category">} sets the
 * topic and difficulty of the questions after it ({@link CategoryPath}) and is not reported; every other question
 * type, and a multichoice question without text, answers or a correct answer, becomes one {@link ImportSkip}
 * naming the reason. Difficulty (5.23.3) comes from a tag, else from the category path. Question and answer text
 * is sanitised ({@link HtmlText}); embedded files ({@code <file>}, {@code @@PLUGINFILE@@}) are dropped and each is
 * noted in {@code skipped} with "(question kept)". Feedback, hints, grades and penalties are ignored. The parse
 * is XXE-safe: a DOCTYPE is refused. Pure: no I/O beyond the given bytes, safe to call from any thread.
 */
public final class MoodleXmlImport {
    private MoodleXmlImport() {}

    /**
     * @param file the file's bytes; the encoding comes from its XML declaration (UTF-8 when absent)
     * @throws ImportException when the XML is not well-formed, has a DOCTYPE, or its root is not {@code <quiz>}
     */
    public static ImportReport parse(byte[] file) throws ImportException {
        Objects.requireNonNull(file, "file");
        ReportBuilder report = new ReportBuilder();
        CategoryPath category = CategoryPath.NONE;
        int position = 0;
        for (XmlElement question : XmlTree.questions(file)) {
            String type = question.attribute("type").strip();
            if (type.equals("category")) {
                category = CategoryPath.parse(question.innerText("category"));
                continue;
            }
            position++;
            if (type.equals("multichoice")) {
                multichoice(question, position, category, report);
            } else {
                report.skip(
                        position,
                        question.line(),
                        type.isEmpty()
                                ? ImportTexts.of("skip.no-type")
                                : ImportTexts.of("skip.only-multichoice", "type", type));
            }
        }
        return report.build();
    }

    private static void multichoice(XmlElement question, int position, CategoryPath category, ReportBuilder report) {
        List<String> files = new ArrayList<>();
        XmlElement questionText = question.child("questiontext").orElse(null);
        RichText text = questionText == null ? new RichText("", RichText.Format.MOODLE) : richText(questionText, files);

        List<RichText> options = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (XmlElement answer : question.children("answer")) {
            String fraction = answer.attribute("fraction").strip();
            double weight = fraction(fraction);
            if (Double.isNaN(weight)) {
                report.skip(
                        position,
                        question.line(),
                        ImportTexts.of("skip.bad-fraction", "n", options.size() + 1, "fraction", fraction));
                return;
            }
            weights.add(weight);
            options.add(richText(answer, files));
        }
        new ChoiceDraft(
                        position,
                        question.line(),
                        question.innerText("name"),
                        "",
                        text,
                        options,
                        weights,
                        List.of(),
                        new RichText("", RichText.Format.MOODLE),
                        Optional.empty(),
                        true,
                        tags(question),
                        files.stream()
                                .map(name -> new EmbeddedFile(name, new byte[0]))
                                .toList(),
                        category)
                .addTo(report);
    }

    /** Moodle's percentage; absent means 0; NaN when it is not a finite number. */
    private static double fraction(String fraction) {
        if (fraction.isEmpty()) return 0;
        try {
            double value = Double.parseDouble(fraction);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The {@code <text>} of an element with a {@code format} attribute; its {@code <file>} names go to files. */
    private static RichText richText(XmlElement element, List<String> files) {
        for (XmlElement file : element.children("file")) {
            String name = file.attribute("name").strip();
            files.add(name.isEmpty() ? "(unnamed)" : name);
        }
        return new RichText(element.innerText(), RichText.Format.ofXmlAttribute(element.attribute("format")));
    }

    private static List<String> tags(XmlElement question) {
        List<String> tags = new ArrayList<>();
        for (String group : List.of("tags", "coursetags")) {
            question.child(group).ifPresent(g -> g.children("tag").forEach(tag -> tags.add(tag.innerText())));
        }
        return tags;
    }
}
