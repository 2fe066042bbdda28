package kz.emtihan.bank.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The encodings a teacher's GIFT file really comes in. The Russian file is the Russian part of the Moodle-export
 * fixture (imports/gift-export.txt), encoded here by the JDK's Windows-1251 and KOI8-R encoders, which map those
 * letters byte for byte as {@code iconv -t CP1251} / {@code -t KOI8-R} do.
 */
class TextEncodingTest {
    private static final String RUSSIAN = "$CATEGORY: $course$/top/Физика/Механика/сложный\n\n"
            + "::Векторные величины::Какие из величин - векторные?{\n"
            + "\t~%33.33333%скорость\n\t~%-100%масса\n\t~%33.33333%сила\n\t~%-100%время\n\t~%33.33334%ускорение\n}\n\n"
            + "// [tag:лёгкий]\n"
            + "::Множества::Сколько элементов в множестве \\{1, 2, 2, 3\\}? Знаки \\~ и \\# здесь просто символы.{\n"
            + "\t~4\n\t=3\n\t~2\n\t~1\n\t~0\n}\n\n"
            + "::Ньютон::Сила тяжести направлена вниз, к центру Земли.{TRUE#Подумайте ещё раз: \"вниз\" - это куда?}\n";

    @Test
    void utf8WithoutAMarkIsReadWithoutANote() throws Exception {
        TextEncoding.Decoded d = TextEncoding.decode(RUSSIAN.getBytes(StandardCharsets.UTF_8));
        assertEquals(RUSSIAN, d.text());
        assertEquals("UTF-8", d.encoding());
        assertEquals(Optional.empty(), d.note());
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() throws Exception {
        byte[] body = RUSSIAN.getBytes(StandardCharsets.UTF_8);
        byte[] file = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
        assertEquals(RUSSIAN, TextEncoding.decode(file).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void utf16WithItsMarkIsReadAndNoted(String name) throws Exception {
        Charset charset = Charset.forName(name);
        byte[] mark = "\uFEFF".getBytes(charset);
        TextEncoding.Decoded d = TextEncoding.decode(concat(mark, RUSSIAN.getBytes(charset)));
        assertEquals(RUSSIAN, d.text());
        assertEquals(name, d.encoding());
        assertEquals(
                "the file is not in UTF-8: it was read as " + name + "; check that its letters look right",
                Fixtures.en(d.note().orElseThrow()));
    }

    @Test
    void latinUtf16WithoutAMarkIsRecognisedByItsZeroBytes() throws Exception {
        String text = "::Q::Two plus two?{=4 ~5}\n";
        assertEquals(
                text,
                TextEncoding.decode(text.getBytes(StandardCharsets.UTF_16LE)).text());
        assertEquals(
                text,
                TextEncoding.decode(text.getBytes(StandardCharsets.UTF_16BE)).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"windows-1251", "KOI8-R"})
    void russianIn8BitEncodingsIsToldApartAndNoted(String name) throws Exception {
        TextEncoding.Decoded d = TextEncoding.decode(RUSSIAN.getBytes(Charset.forName(name)));
        assertEquals(RUSSIAN, d.text());
        String shown = name.equals("KOI8-R") ? "KOI8-R" : "Windows-1251";
        assertEquals(shown, d.encoding());
        assertTrue(Fixtures.en(d.note().orElseThrow()).contains("read as " + shown), d.note()::toString);
    }

    @ParameterizedTest
    @CsvSource({
        "windows-1251, ::В1::СКОЛЬКО БУДЕТ ДВАЖДЫ ДВА?{=четыре ~пять}",
        "KOI8-R, ::В1::СКОЛЬКО БУДЕТ ДВАЖДЫ ДВА?{=четыре ~пять}",
        "windows-1251, Москва?{=Да ~НЕТ}",
        "KOI8-R, МОСКВА?{=ДА ~Нет}",
        "windows-1251, ОТВЕТ{=ёлка ~Ёж}"
    })
    void evenAShortLineOrOneInCapitalsIsToldApart(String name, String text) throws Exception {
        assertEquals(
                text, TextEncoding.decode(text.getBytes(Charset.forName(name))).text());
    }

    @Test
    void windows1251TypographyIsNotMistakenForKoi8RBoxDrawing() throws Exception {
        String text = "::Ньютон::Сила — это «вектор»? № 5…{T}\n";
        TextEncoding.Decoded d = TextEncoding.decode(text.getBytes(Charset.forName("windows-1251")));
        assertEquals(text, d.text());
        assertEquals("Windows-1251", d.encoding());
    }

    @ParameterizedTest
    @ValueSource(strings = {"windows-1251", "KOI8-R"})
    void aCyrillicFileImportsTheSameQuestionsWhateverItsEncoding(String name) throws Exception {
        ImportReport utf8 = GiftImport.read(RUSSIAN.getBytes(StandardCharsets.UTF_8), "ru");
        ImportReport other = GiftImport.read(RUSSIAN.getBytes(Charset.forName(name)), "ru");
        assertEquals(3, utf8.questions().size());
        assertEquals(
                utf8.questions().stream().map(q -> q.draft()).toList(),
                other.questions().stream().map(q -> q.draft()).toList());
        assertEquals(List.of("Верно", "Неверно"), other.questions().get(2).options());
        ImportSkip note = other.skipped().get(0);
        assertEquals(0, note.question());
        assertTrue(note.kept());
        assertEquals("the whole file", Fixtures.en(note.position()));
        assertTrue(utf8.skipped().stream().noneMatch(s -> s.question() == 0));
    }

    @Test
    void aFileMixingUtf8AndWindows1251IsRefusedAtTheFirstForeignLine() {
        byte[] file = concat(
                "::А::Первый вопрос?{=да ~нет}\n\n".getBytes(StandardCharsets.UTF_8),
                "::Б::Второй вопрос?{=да ~нет}\n".getBytes(Charset.forName("windows-1251")));
        ImportException e = assertThrows(ImportException.class, () -> TextEncoding.decode(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("mixes encodings"), e.getMessage());
    }

    @Test
    void controlBytesFitNoEncodingAndAreRefusedAtTheirLine() {
        byte[] file = concat(
                "::Q::Fine?{=a ~b}\n\n::R::".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 2, (byte) 0xC0, 3});
        ImportException e = assertThrows(ImportException.class, () -> TextEncoding.decode(file));
        assertEquals(3, e.line());
    }

    @Test
    void aWindows1251FileWithAByteItDoesNotDefineIsRefusedAtThatLineNotAtKoi8RsFirstFault() {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] file = concat(
                "::А::Масса ".getBytes(cp1251),
                new byte[] {(byte) 0x98}, // not a Windows-1251 character (KOI8-R reads it)
                " скаляр?{T}\n\n::Б::Сила измеряется в ньютонах.{T}\n".getBytes(cp1251),
                "::В::Что такое «вектор»?{=величина с направлением ~число}\n".getBytes(cp1251)); // KOI8-R: box drawing
        ImportException e = assertThrows(ImportException.class, () -> TextEncoding.decode(file));
        assertEquals(1, e.line()); // where the likelier reading, Windows-1251, breaks
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void theRefusedLineIsCountedWhateverTheLineEnds(String end) {
        byte[] file = concat(
                ("::Q::Fine?{=a ~b}" + end + end + "::R::").getBytes(StandardCharsets.US_ASCII),
                new byte[] {1, (byte) 0xC0, 3});
        ImportException e = assertThrows(ImportException.class, () -> TextEncoding.decode(file));
        assertEquals(3, e.line());
    }

    @Test
    void aBrokenUtf8FileAfterAMarkIsRefusedAtTheLine() {
        byte[] file = concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "one\ntwo\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xD0, 'x'});
        ImportException e = assertThrows(ImportException.class, () -> TextEncoding.decode(file));
        assertEquals(3, e.line());
    }

    @Test
    void replacementCharactersAlreadyInTheFileAreNotedWithTheirLine() throws Exception {
        TextEncoding.Decoded d = TextEncoding.decode("ok\n\nQ \uFFFD?{=a ~b}\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(Fixtures.en(d.note().orElseThrow()).startsWith("line 3 contains the replacement character"));
    }

    @Test
    void nothingIsEverDecodedIntoReplacementCharacters() throws Exception {
        for (String name : List.of("windows-1251", "KOI8-R", "UTF-16LE")) {
            String text =
                    TextEncoding.decode(RUSSIAN.getBytes(Charset.forName(name))).text();
            assertFalse(text.contains("\uFFFD"), name);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
