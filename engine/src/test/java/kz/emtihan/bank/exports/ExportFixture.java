package kz.emtihan.bank.exports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.bank.model.Authored;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;

/**
 * A bank as the store holds it, with everything an export must carry: pictures (in a question and in an option) and
 * a sound, formulas, a single-answer question with a partial-credit distractor and a negative option, a
 * multiple-answer one with weights, feedback, name, idnumber, tags, shuffle off with a fixed last option, topics
 * with a " / " path, and an unclassified question.
 */
final class ExportFixture {
    static final byte[] GRAPH = bytes("\u0089PNG\r\n\u001a\n graph of x^2");
    static final byte[] CIRCUIT = bytes("\u0089PNG\r\n\u001a\n a circuit");
    static final byte[] TONE = bytes("ID3 a tone");
    static final String H_GRAPH = sha256(GRAPH);
    static final String H_CIRCUIT = sha256(CIRCUIT);
    static final String H_TONE = sha256(TONE);

    private ExportFixture() {}

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, MediaFile> media() {
        Map<String, MediaFile> out = new LinkedHashMap<>();
        out.put(H_GRAPH, new MediaFile(H_GRAPH, "image/png", GRAPH));
        out.put(H_CIRCUIT, new MediaFile(H_CIRCUIT, "image/png", CIRCUIT));
        out.put(H_TONE, new MediaFile(H_TONE, "audio/mpeg", TONE));
        return out;
    }

    static List<Question> questions() {
        Question quadratic = new Question(
                "q1",
                "<p>Solve \\(x^2 = 4\\) &amp; look:</p><p><img data-media=\"" + H_GRAPH + "\" alt=\"graph\"></p>",
                List.of(
                        new Option("a", "\\(x = 2\\)", 100, "<p>Right.</p>", false),
                        new Option("b", "\\(x = -2\\) only", 50, "Half: there are two roots.", false),
                        new Option("c", "0", 0, "", false),
                        new Option("d", "4 &lt; 5", -50, "<b>No</b>: that is \\(x^2\\).", false),
                        new Option("e", "None of the above", 0, "", true)),
                Set.of("a"),
                true,
                Optional.of(Difficulty.EASY),
                "Алгебра / Теңдеулер",
                false,
                new Authored("Quadratic", "ALG-7", List.of("algebra", "квадрат"), "<p>\\[x = \\pm 2\\]</p>", 1));
        Question ohm = new Question(
                "q2",
                "Which hold for the circuit? $$U = IR$$",
                List.of(
                        new Option(
                                "a",
                                "<img data-media=\"" + H_CIRCUIT + "\" alt=\"circuit\"> is closed",
                                50,
                                "yes",
                                false),
                        new Option("b", "current flows", 50, "", false),
                        new Option("c", "no current", -100, "wrong", false),
                        new Option("d", "R = 0", 0, "", false),
                        new Option("e", "U = 0", 0, "", false)),
                Set.of("a", "b"),
                false,
                Optional.of(Difficulty.MEDIUM),
                "Физика",
                true,
                new Authored("Ohm", "", List.of(), "", 2));
        Question tone = new Question(
                "q3",
                "<p>Listen: <audio data-media=\"" + H_TONE + "\" controls></audio></p>",
                List.of(
                        new Option("a", "A", 100, "", false),
                        new Option("b", "B", 0, "", false),
                        new Option("c", "C", 0, "", false),
                        new Option("d", "D", 0, "", false),
                        new Option("e", "E", 0, "", false)),
                Set.of("a"),
                true,
                Optional.empty(),
                "Физика",
                true,
                new Authored("Tone", "", List.of(), "", 3));
        return List.of(quadratic, ohm, tone);
    }
}
