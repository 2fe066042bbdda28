package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.emtihan.text.Text;

/**
 * Reads a Moodle XML question export ("Export questions → Moodle XML", Moodle 1.9 to 4.x) as Moodle's own
 * {@code qformat_xml} reads it.
 *
 * <p>Guarantees: {@code multichoice} and {@code truefalse} questions are imported with each answer's {@code
 * fraction} as written (negative ones included); {@code <single>} decides single or multiple answer ("false", "0"
 * or empty mean multiple; absent means single as in Moodle when exactly one answer is worth 100%, else the
 * fractions decide), {@code <shuffleanswers>} is kept (absent means no shuffle, as in Moodle); true/false is a two-option
 * single-answer question whose options are the file's own words. Name, {@code <idnumber>}, tags, general and
 * per-answer feedback are kept. {@code <question type="category">} sets the topic and difficulty of the questions
 * after it ({@link CategoryPath}) and is not reported; every other type becomes one {@link ImportSkip} naming it.
 * Embedded files ({@code <file encoding="base64">} in any text, Moodle 1.x's {@code <image_base64>}) arrive as
 * {@link EmbeddedFile}s with their {@code @@PLUGINFILE@@} references left in the HTML ({@link QuestionFiles});
 * a broken or missing file, an external picture or a formula that does not parse skips the question with the
 * reason ({@link ChoiceDraft}). Formats are Moodle's: an absent {@code format} means HTML for question text and the
 * question text's format for answers and feedback. The file is streamed one question at a time ({@link XmlTree});
 * the parse is XXE-safe (a DOCTYPE is refused) and the bytes must match the declared encoding. Pure: no I/O beyond
 * the given bytes, safe to call from any thread.
 */
public final class MoodleXmlImport {
    private MoodleXmlImport() {}

    /**
     * @param file the file's bytes; the encoding comes from its XML declaration (UTF-8 when absent)
     * @throws ImportException when the XML is not well-formed, has a DOCTYPE, its root is not {@code <quiz>}, or its
     *     bytes are not in the encoding it declares
     */
    public static ImportReport parse(byte[] file) throws ImportException {
        Objects.requireNonNull(file, "file");
        Reader reader = new Reader();
        XmlTree.questions(file, reader::question);
        return reader.report.build();
    }

    /** The state of one parse: where the file is and what it gave so far. */
    private static final class Reader {
        final ReportBuilder report = new ReportBuilder();
        CategoryPath category = CategoryPath.NONE;
        int position;

        void question(XmlElement question) {
            String type = question.attribute("type").strip();
            if (type.equals("category")) {
                category = CategoryPath.parse(question.innerText("category"));
                return;
            }
            position++;
            if (type.equals("multichoice") || type.equals("truefalse")) {
                choice(question, type.equals("truefalse"));
            } else {
                report.skip(
                        position,
                        question.line(),
                        type.isEmpty()
                                ? ImportTexts.of("skip.no-type-choice")
                                : ImportTexts.of("skip.only-choice", "type", type));
            }
        }

        private void choice(XmlElement question, boolean trueFalse) {
            QuestionFiles files = new QuestionFiles();
            RichText text = question.child("questiontext")
                    .map(t -> files.area(t, RichText.Format.HTML, "questiontext", ImportTexts.of("part.text")))
                    .orElse(new RichText("", RichText.Format.HTML));
            text = files.oldImage(question, text);
            RichText.Format textFormat = text.format();
            RichText general = question.child("generalfeedback")
                    .map(g -> files.area(g, textFormat, "generalfeedback", ImportTexts.of("part.general-feedback")))
                    .orElse(new RichText("", textFormat));
            List<RichText> options = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            List<RichText> feedback = new ArrayList<>();
            for (XmlElement answer : question.children("answer")) {
                int n = options.size() + 1;
                String fraction = answer.attribute("fraction").strip();
                double weight = fraction(fraction);
                if (Double.isNaN(weight)) {
                    skip(question, ImportTexts.of("skip.bad-fraction", "n", n, "fraction", fraction));
                    return;
                }
                weights.add(weight);
                options.add(files.area(answer, textFormat, "answer" + n, ImportTexts.of("part.answer", "n", n)));
                feedback.add(answer.child("feedback")
                        .map(f -> files.area(
                                f, textFormat, "feedback" + n, ImportTexts.of("part.answer-feedback", "n", n)))
                        .orElse(new RichText("", textFormat)));
            }
            Optional<Text> broken = files.problem();
            if (broken.isPresent()) {
                skip(question, broken.get());
                return;
            }
            new ChoiceDraft(
                            position,
                            question.line(),
                            question.innerText("name"),
                            question.child("idnumber").map(XmlElement::text).orElse(""),
                            text,
                            options,
                            weights,
                            feedback,
                            general,
                            trueFalse ? Optional.of(true) : single(question, weights),
                            !trueFalse && yes(question.child("shuffleanswers"), false),
                            tags(question),
                            files.files(),
                            category)
                    .addTo(report);
        }

        private void skip(XmlElement question, Text reason) {
            report.skip(position, question.line(), reason);
        }
    }

    /**
     * Moodle's {@code <single>}. When it is absent Moodle reads "true"; that is kept when exactly one answer is worth
     * 100%, otherwise (no full answer, which Moodle would refuse, or several, which an author writes for "tick
     * both") the fractions decide ({@link ChoiceDraft}).
     */
    private static Optional<Boolean> single(XmlElement question, List<Double> weights) {
        Optional<XmlElement> single = question.child("single");
        if (single.isPresent()) return Optional.of(yes(single, true));
        return weights.stream().filter(w -> w >= 99.999).count() == 1 ? Optional.of(true) : Optional.empty();
    }

    /**
     * Moodle's {@code trans_single}: "false", "0" and empty are false, anything else true; absent is the default.
     * Unlike Moodle, "False" is false too (files written by scripts say so, and mean it).
     */
    private static boolean yes(Optional<XmlElement> element, boolean absent) {
        if (element.isEmpty()) return absent;
        String value = element.get().text().strip();
        return !(value.isEmpty() || value.equalsIgnoreCase("false") || value.equals("0"));
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

    private static List<String> tags(XmlElement question) {
        List<String> tags = new ArrayList<>();
        for (String group : List.of("tags", "coursetags")) {
            question.child(group).ifPresent(g -> g.children("tag").forEach(tag -> tags.add(tag.innerText())));
        }
        return tags;
    }
}
