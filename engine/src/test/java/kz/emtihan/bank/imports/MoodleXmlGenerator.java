package kz.emtihan.bank.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Writes a big Moodle XML bank as Moodle 4 exports it: a category every 100 questions, each question a
 * single-answer multichoice with a formula, its own picture ({@code <file encoding="base64">}, distinct bytes),
 * five answers (one with a negative fraction), answer feedback, general feedback, tags and an idnumber. For the
 * streaming test and the import benchmark; {@link #picture} gives the bytes question {@code n} must arrive with.
 */
final class MoodleXmlGenerator {
    private MoodleXmlGenerator() {}

    /** The picture of question {@code n} (1-based): a PNG signature and {@code size} bytes seeded by n. */
    static byte[] picture(int n, int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(n).nextBytes(bytes);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, Math.min(signature.length, size));
        return bytes;
    }

    static byte[] bank(int questions, int pictureSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(questions * (pictureSize * 4 / 3 + 2500));
        StringBuilder q = new StringBuilder(pictureSize * 2 + 2500);
        write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
        for (int n = 1; n <= questions; n++) {
            q.setLength(0);
            if (n % 100 == 1) {
                q.append("  <question type=\"category\">\n    <category>\n      <text>$course$/top/Бөлім ")
                        .append(n / 100 + 1)
                        .append("/")
                        .append(n % 300 < 100 ? "easy" : n % 300 < 200 ? "medium" : "hard")
                        .append("</text>\n    </category>\n  </question>\n");
            }
            q.append("  <question type=\"multichoice\">\n    <name>\n      <text>Question ")
                    .append(n)
                    .append("</text>\n    </name>\n    <questiontext format=\"html\">\n      <text><![CDATA[<p>")
                    .append("Question ")
                    .append(n)
                    .append(": solve \\(x^{2} - ")
                    .append(n)
                    .append(" = 0\\) using the figure.</p><p><img src=\"@@PLUGINFILE@@/figure%20")
                    .append(n)
                    .append(".png\" alt=\"figure ")
                    .append(n)
                    .append("\" width=\"200\" height=\"120\"></p>]]></text>\n      <file name=\"figure ")
                    .append(n)
                    .append(".png\" path=\"/\" encoding=\"base64\">")
                    .append(Base64.getEncoder().encodeToString(picture(n, pictureSize)))
                    .append("</file>\n    </questiontext>\n")
                    .append("    <generalfeedback format=\"html\">\n      <text><![CDATA[<p>\\(x = \\pm\\sqrt{")
                    .append(n)
                    .append("}\\)</p>]]></text>\n    </generalfeedback>\n")
                    .append("    <defaultgrade>1.0000000</defaultgrade>\n    <penalty>0.3333333</penalty>\n")
                    .append("    <hidden>0</hidden>\n    <idnumber>Q-")
                    .append(n)
                    .append("</idnumber>\n    <single>true</single>\n    <shuffleanswers>true</shuffleanswers>\n")
                    .append("    <answernumbering>abc</answernumbering>\n");
            answer(q, "100", "\\(\\pm\\sqrt{" + n + "}\\)", "Right.");
            answer(q, "50", "\\(\\sqrt{" + n + "}\\)", "Only one root.");
            answer(q, "0", "\\(" + n + "\\)", "That is x squared.");
            answer(q, "0", "\\(\\frac{" + n + "}{2}\\)", "Not half.");
            answer(q, "-25", "no root", "There are two.");
            q.append("    <tags>\n      <tag><text>generated</text></tag>\n    </tags>\n  </question>\n");
            write(out, q);
        }
        write(out, "</quiz>\n");
        return out.toByteArray();
    }

    private static void answer(StringBuilder q, String fraction, String text, String feedback) {
        q.append("    <answer fraction=\"")
                .append(fraction)
                .append("\" format=\"html\">\n      <text><![CDATA[<p>")
                .append(text)
                .append("</p>]]></text>\n      <feedback format=\"html\">\n        <text>")
                .append(feedback)
                .append("</text>\n      </feedback>\n    </answer>\n");
    }

    private static void write(ByteArrayOutputStream out, CharSequence text) {
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
