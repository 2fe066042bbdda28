package kz.emtihan.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.Test;

/** An uploaded CSV file: what is wrong with it is a declared refusal, said in the reader's language. */
class CsvRecordsTest {
    @Test
    void aMissingColumnIsRefusedAtLineOneNamingTheColumns() {
        Refusal r = assertThrows(Refusal.class, () -> CsvRecords.parse("id,name\na,b\n", List.of("id", "roles")));
        assertEquals(UploadRefusal.BAD_CSV, r.code());
        assertEquals(Map.of("line", 1L), r.problems().get(0).at());
        assertEquals(
                "Не удаётся прочитать файл CSV: в строке 1, заголовке, нет столбцов roles (ожидаемые столбцы: id,roles).",
                r.message(Language.RU));
    }

    @Test
    void aHeaderWithoutRowsIsRefused() {
        Refusal r = assertThrows(Refusal.class, () -> CsvRecords.parse("id\n", List.of("id")));
        assertEquals("The CSV file cannot be read: it has a header but no rows.", r.message(Language.EN));
    }

    @Test
    void problemsByIndexBecomeProblemsByLineAndOtherFailuresPassAsTheyAre() {
        List<CsvRecords.Row> rows = CsvRecords.parse("id;name\n\na;A\nb;B\n", List.of("id", "name"));
        assertEquals(List.of(3L, 4L), rows.stream().map(CsvRecords.Row::line).toList());
        Refusal byIndex = Refusal.of(CommonRefusal.BAD_REQUEST)
                .withProblems(List.of(
                        Problem.index(1, FieldProblem.required()), Problem.field("x", FieldProblem.required())));
        Refusal byLine = (Refusal) CsvRecords.byLine(byIndex, rows);
        assertEquals(Map.of("line", 4L), byLine.problems().get(0).at());
        assertEquals(Map.of("field", "x"), byLine.problems().get(1).at());
        assertEquals(
                "міндетті түрде толтырылады.",
                Catalogue.render(byLine.problems().get(0).text(), Language.KK));
        IllegalStateException other = new IllegalStateException("not a refusal");
        assertSame(other, CsvRecords.byLine(other, rows));
    }
}
