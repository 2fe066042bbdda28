package kz.emtihan.sitting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.SittingRefusal;
import kz.emtihan.sitting.model.SittingWords;
import kz.emtihan.upload.CsvRecords;

/**
 * A ticket set from CSV (issue 5, 1): columns {@code number,question}, one row per question, the rows of a ticket in
 * the order its questions are asked. Every bad row is reported with its line; nothing is kept then.
 */
final class TicketsCsv {
    private TicketsCsv() {}

    static JsonArray parse(String text) {
        List<CsvRecords.Row> rows = CsvRecords.parse(text, List.of("number", "question"));
        Map<Integer, JsonArray> tickets = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (CsvRecords.Row r : rows) {
            int number;
            try {
                number = Integer.parseInt(r.get("number").trim());
            } catch (NumberFormatException e) {
                number = 0;
            }
            String question = r.get("question").trim();
            if (number < 1) problems.add(Problem.line(r.line(), SittingWords.field("csv-number")));
            else if (question.isEmpty()) problems.add(Problem.line(r.line(), SittingWords.field("csv-question")));
            else tickets.computeIfAbsent(number, n -> new JsonArray()).add(question);
        }
        if (!problems.isEmpty())
            throw Refusal.of(SittingRefusal.INVALID_TICKETS, problems.size()).withProblems(problems);
        JsonArray out = new JsonArray();
        tickets.forEach(
                (n, questions) -> out.add(new JsonObject().put("number", n).put("questions", questions)));
        return out;
    }
}
