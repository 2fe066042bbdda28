package kz.emtihan.bank.exports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;

/**
 * A bank as a Moodle XML question file ("Import questions → Moodle XML", Moodle 3.x-4.x): a {@code category}
 * question before each run of questions of one topic ({@code $course$/top/<topic>}), then each question as
 * {@code multichoice} with its name, text, general feedback, {@code idnumber}, {@code <single>}, {@code
 * shuffleanswers}, its options with their fractions (percent, negative ones included) and feedback, and its tags;
 * the difficulty (5.23.3) is one more tag, {@code easy}, {@code medium} or {@code hard}, unless a tag already names
 * it. Pictures and sounds travel as Moodle writes them: {@code src="@@PLUGINFILE@@/<name>"} and a {@code <file
 * name="<name>" path="/" encoding="base64">} in the same text element. Formulas stay in the text as written.
 */
public final class MoodleXmlExport {
    private static final String PLUGINFILE = "@@PLUGINFILE@@/";

    private MoodleXmlExport() {}

    public static byte[] write(List<Question> questions, Map<String, MediaFile> media) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
        String topic = null;
        for (Question q : questions) {
            if (!q.topic().equals(topic)) {
                topic = q.topic();
                out.append("  <question type=\"category\">\n    <category>\n      <text>")
                        .append(Xml.escape(categoryPath(topic)))
                        .append("</text>\n    </category>\n  </question>\n");
            }
            question(q, media, out);
        }
        return out.append("</quiz>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Moodle's category path: {@code $course$/top/A/B}, a "/" inside a name doubled. */
    static String categoryPath(String topic) {
        StringBuilder path = new StringBuilder("$course$/top");
        if (topic.isBlank()) return path.toString();
        for (String segment : topic.split(" / "))
            path.append('/').append(segment.strip().replace("/", "//"));
        return path.toString();
    }

    private static void question(Question q, Map<String, MediaFile> media, StringBuilder out) {
        out.append("  <question type=\"multichoice\">\n");
        out.append("    <name>\n      <text>")
                .append(Xml.escape(ExportMedia.name(q)))
                .append("</text>\n    </name>\n");
        text("questiontext", q.text(), media, out, "    ");
        text("generalfeedback", q.authored().feedback(), media, out, "    ");
        out.append("    <defaultgrade>1</defaultgrade>\n    <penalty>0</penalty>\n    <hidden>0</hidden>\n");
        out.append("    <idnumber>").append(Xml.escape(q.authored().idNumber())).append("</idnumber>\n");
        out.append("    <single>").append(q.single()).append("</single>\n");
        out.append("    <shuffleanswers>").append(q.shuffle()).append("</shuffleanswers>\n");
        out.append("    <answernumbering>abc</answernumbering>\n");
        for (Option o : q.options()) {
            out.append("    <answer fraction=\"").append(fraction(o.fraction())).append("\" format=\"html\">\n");
            out.append("      <text>").append(Xml.cdata(html(o.text(), media))).append("</text>\n");
            files(o.text(), media, out, "      ");
            text("feedback", o.feedback(), media, out, "      ");
            out.append("    </answer>\n");
        }
        List<String> tags = tags(q);
        if (!tags.isEmpty()) {
            out.append("    <tags>\n");
            for (String tag : tags)
                out.append("      <tag>\n        <text>")
                        .append(Xml.escape(tag))
                        .append("</text>\n      </tag>\n");
            out.append("    </tags>\n");
        }
        out.append("  </question>\n");
    }

    /** The author's tags, and the difficulty as one more unless a tag already says it. */
    static List<String> tags(Question q) {
        List<String> tags = new ArrayList<>(q.authored().tags());
        q.difficulty().map(Difficulty::code).ifPresent(code -> {
            if (tags.stream().noneMatch(t -> t.strip().equalsIgnoreCase(code))) tags.add(code);
        });
        return tags;
    }

    private static void text(String element, String html, Map<String, MediaFile> media, StringBuilder out, String in) {
        out.append(in).append('<').append(element).append(" format=\"html\">\n");
        out.append(in).append("  <text>").append(Xml.cdata(html(html, media))).append("</text>\n");
        files(html, media, out, in + "  ");
        out.append(in).append("</").append(element).append(">\n");
    }

    private static String html(String html, Map<String, MediaFile> media) {
        return ExportMedia.rewrite(html, media, f -> PLUGINFILE + ExportMedia.fileName(f), false);
    }

    private static void files(String html, Map<String, MediaFile> media, StringBuilder out, String in) {
        Map<String, MediaFile> used = new LinkedHashMap<>();
        for (String hash : ExportMedia.hashes(html)) {
            MediaFile f = media.get(hash);
            if (f != null) used.put(ExportMedia.fileName(f), f);
        }
        used.forEach((name, f) -> out.append(in)
                .append("<file name=\"")
                .append(Xml.escape(name))
                .append("\" path=\"/\" encoding=\"base64\">")
                .append(Base64.getEncoder().encodeToString(f.bytes()))
                .append("</file>\n"));
    }

    /** The fraction as written, without a needless ".0": 100, 50, 33.33333, -25. */
    static String fraction(double fraction) {
        return BigDecimal.valueOf(fraction).stripTrailingZeros().toPlainString();
    }
}
