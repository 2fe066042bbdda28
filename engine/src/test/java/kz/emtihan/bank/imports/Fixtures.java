package kz.emtihan.bank.imports;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;

/** The import fixtures under src/test/resources/imports, and ways to find things in them. */
final class Fixtures {
    private Fixtures() {}

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/imports/" + name)) {
            if (in == null) throw new IOException("no fixture imports/" + name);
            return in.readAllBytes();
        }
    }

    static String text(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The 1-based number of the first line that contains {@code needle}. */
    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        return fail("no line contains " + needle);
    }

    /** The 1-based column where {@code needle} starts on its first line, plus {@code offset}. */
    static int columnOf(String text, String needle, int offset) {
        String line = text.split("\n", -1)[lineOf(text, needle) - 1];
        return line.indexOf(needle) + 1 + offset;
    }

    static ImportedQuestion question(ImportReport report, int position) {
        return report.questions().stream()
                .filter(q -> q.position() == position)
                .findFirst()
                .orElseGet(() -> fail("question " + position + " was not imported; skipped: " + report.skipped()));
    }

    static List<String> reasonsAt(ImportReport report, String position) {
        return report.skipped().stream()
                .filter(s -> en(s.position()).equals(position))
                .map(s -> en(s.reason()))
                .toList();
    }

    /** A text as an English reader sees it. */
    static String en(Text text) {
        return Catalogue.render(text, Language.EN);
    }

    /** Every skip as "position: reason", in English. */
    static List<String> described(ImportReport report) {
        return report.skipped().stream()
                .map(s -> en(s.position()) + ": " + en(s.reason()))
                .toList();
    }
}
