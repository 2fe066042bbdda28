package kz.emtihan.sitting.model;

import java.util.List;

/** One examination ticket of a sitting (6.15.6): its number from 1 and its questions in the order they are asked. */
public record Ticket(int number, List<String> questions) {
    public Ticket {
        questions = List.copyOf(questions);
    }
}
