package kz.emtihan.bank.imports;

import static kz.emtihan.bank.imports.Fixtures.en;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12, item 3: an XML file says its own encoding; bytes that do not match it are refused naming the line. */
class MoodleXmlEncodingTest {
    private static final Charset CP1251 = Charset.forName("windows-1251");

    /** A one-question quiz; the Cyrillic words are on line 5. */
    private static String quiz(String declaration) {
        return "<?xml version=\"1.0\"" + declaration + "?>\n<quiz>\n<question type=\"multichoice\">\n"
                + "<name><text>Q</text></name>\n"
                + "<questiontext format=\"html\"><text>Сколько будет 2 + 2? Қанша?</text></questiontext>\n"
                + "<single>true</single><answer fraction=\"100\"><text>четыре</text></answer>\n"
                + "<answer fraction=\"0\"><text>пять</text></answer>\n</question>\n</quiz>\n";
    }

    @Test
    void bytesThatAreNotTheDeclaredUtf8AreRefusedAtTheirLine() {
        ImportException e = assertThrows(
                ImportException.class,
                () -> MoodleXmlImport.parse(
                        quiz(" encoding=\"UTF-8\"").replace("Қанша?", "").getBytes(CP1251)));
        assertEquals(5, e.line());
        assertEquals(
                "the bytes here are not valid UTF-8, the encoding the XML declaration names: save the file as UTF-8"
                        + " or correct the declaration",
                en(e.fault()));
    }

    @Test
    void withoutADeclarationUtf8IsAssumedAndSaid() {
        ImportException e = assertThrows(
                ImportException.class,
                () -> MoodleXmlImport.parse(quiz("").replace("Қанша?", "").getBytes(CP1251)));
        assertEquals(5, e.line());
        assertEquals(
                "the bytes here are not valid UTF-8, the encoding of an XML file that declares none: save the file as"
                        + " UTF-8 or declare its encoding",
                en(e.fault()));
    }

    @Test
    void aFileDeclaredWindows1251ButWrittenInUtf8IsRefusedNotTurnedIntoMojibake() {
        ImportException e = assertThrows(
                ImportException.class,
                () -> MoodleXmlImport.parse(quiz(" encoding=\"windows-1251\"").getBytes(StandardCharsets.UTF_8)));
        assertEquals(5, e.line());
        assertEquals(
                "the XML declaration names windows-1251, but the file is written in UTF-8: correct the declaration"
                        + " to encoding=\"UTF-8\"",
                en(e.fault()));
    }

    @Test
    void anUnknownEncodingIsRefused() {
        ImportException e = assertThrows(
                ImportException.class,
                () -> MoodleXmlImport.parse(quiz(" encoding=\"klingon-8\"").getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, e.line());
        assertEquals("the XML declaration names the encoding \"klingon-8\", which is not known", en(e.fault()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"windows-1251", "KOI8-R", "UTF-8", "UTF-16"})
    void aFileInTheEncodingItDeclaresIsRead(String encoding) throws Exception {
        String xml = quiz(" encoding=\"" + encoding + "\"");
        if (!encoding.startsWith("UTF")) xml = xml.replace("Қанша?", ""); // not in those code pages
        ImportedQuestion q = MoodleXmlImport.parse(xml.getBytes(Charset.forName(encoding)))
                .questions()
                .get(0);
        assertEquals(List.of("четыре", "пять"), q.options());
        assertEquals(encoding.startsWith("UTF") ? "Сколько будет 2 + 2? Қанша?" : "Сколько будет 2 + 2?", q.text());
    }

    @Test
    void aUtf8ByteOrderMarkIsRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write(quiz(" encoding=\"UTF-8\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, MoodleXmlImport.parse(out.toByteArray()).questions().size());
    }

    @Test
    void latin1WithAccentsIsNotMistakenForUtf8() throws Exception {
        String xml = quiz(" encoding=\"ISO-8859-1\"")
                .replace("Сколько будет 2 + 2? Қанша?", "Combien font 2 + 2 ? Réponse :")
                .replace("четыре", "quatre")
                .replace("пять", "cinq");
        ImportedQuestion q = MoodleXmlImport.parse(xml.getBytes(StandardCharsets.ISO_8859_1))
                .questions()
                .get(0);
        assertEquals("Combien font 2 + 2 ? Réponse :", q.text());
    }
}
