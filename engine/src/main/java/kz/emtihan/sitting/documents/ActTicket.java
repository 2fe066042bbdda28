package kz.emtihan.sitting.documents;

import java.util.List;

/**
 * The ticket a student had drawn when an act was drawn up (6.15.2, 6.15.6), with its questions as the commission
 * showed them.
 *
 * @param number    the ticket's number, from 1
 * @param questions its questions in order; empty when the ticket set no longer holds them
 */
public record ActTicket(int number, List<String> questions) {
    public ActTicket {
        if (number < 1) throw new IllegalArgumentException("ticket number must be positive, was " + number);
        Check.present("questions", questions);
        questions = questions.stream().map(q -> Check.text("questions", q)).toList();
    }
}
