package kz.emtihan.bank.model;

import java.util.List;

/**
 * What a question's author wrote about it besides the question itself, kept through import and export: its
 * name, its {@code idnumber} (Moodle's own reference), tags, general feedback (safe HTML, never shown during an
 * attempt) and its place in the file it came from.
 *
 * @param order where the question stands in the bank: the order of the file it came from, then of later
 *     additions; the bank lists questions by it
 */
public record Authored(String name, String idNumber, List<String> tags, String feedback, long order) {
    public static final Authored NONE = new Authored("", "", List.of(), "", 0);

    public Authored {
        name = name == null ? "" : name;
        idNumber = idNumber == null ? "" : idNumber;
        tags = List.copyOf(tags);
        feedback = feedback == null ? "" : feedback;
    }

    public Authored withOrder(long order) {
        return new Authored(name, idNumber, tags, feedback, order);
    }
}
