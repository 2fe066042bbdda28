package kz.emtihan.sitting.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * 6.15.6: the tickets of one sitting and the draws made so far, in order. Immutable: {@link #draw} returns a new
 * pool. Which tickets a draw chooses from:
 * <ul>
 *   <li>without replacement (the default): every ticket not yet drawn in this sitting, by anyone;</li>
 *   <li>with replacement: every ticket, except that a student never draws a ticket he or she has already drawn
 *       (so a redraw after an act of technical failure, 6.15.2, always gives new questions).</li>
 * </ul>
 * The same rule is replayed by {@link #audit} from the revealed seed, so the recorded draws and the recipe in
 * {@link TicketDraw} cannot drift.
 */
public record TicketPool(String sittingId, List<Integer> tickets, boolean withReplacement, List<Drawn> drawn) {

    /** One draw as recorded: its number in the sitting, who drew, the student's word, the ticket that came out. */
    public record Drawn(int drawNumber, String studentId, String studentWord, int ticket) {}

    public TicketPool {
        if (sittingId == null || sittingId.isBlank()) throw new IllegalArgumentException("sittingId is required");
        if (new TreeSet<>(tickets).size() != tickets.size())
            throw new IllegalArgumentException("a ticket number repeats");
        tickets = TicketDraw.canonical(tickets);
        if (tickets.isEmpty()) throw new IllegalArgumentException("a sitting needs at least one ticket");
        drawn = List.copyOf(drawn);
        for (int i = 0; i < drawn.size(); i++) {
            if (drawn.get(i).drawNumber() != i + 1)
                throw new IllegalArgumentException("draws must be numbered 1, 2, 3 ...");
            if (!tickets.contains(drawn.get(i).ticket())) {
                throw new IllegalArgumentException(
                        "ticket " + drawn.get(i).ticket() + " is not one of the sitting's tickets");
            }
        }
    }

    /** A sitting's pool before any draw. */
    public static TicketPool of(String sittingId, Collection<Integer> tickets, boolean withReplacement) {
        return new TicketPool(sittingId, List.copyOf(tickets), withReplacement, List.of());
    }

    /** The number the next draw will carry. */
    public int nextDrawNumber() {
        return drawn.size() + 1;
    }

    /** The tickets the student's next draw chooses from, ascending. Empty when nothing is left. */
    public List<Integer> available(String studentId) {
        Set<Integer> out = new TreeSet<>(tickets);
        for (Drawn d : drawn) {
            if (!withReplacement || d.studentId().equals(studentId)) out.remove(d.ticket());
        }
        return List.copyOf(out);
    }

    /**
     * Draws the student's ticket with the sitting's secret seed and records it.
     *
     * @param studentWord the word the student gave before the draw, "" if none
     * @throws IllegalStateException when no ticket is left for this student
     */
    public TicketPool draw(byte[] seed, String studentId, String studentWord) {
        TicketDraw.Input input = new TicketDraw.Input(sittingId, studentId, nextDrawNumber(), studentWord);
        int ticket = TicketDraw.ticket(seed, input, available(studentId));
        List<Drawn> next = new ArrayList<>(drawn);
        next.add(new Drawn(input.drawNumber(), studentId, studentWord, ticket));
        return new TicketPool(sittingId, tickets, withReplacement, next);
    }

    /** The ticket the student drew last (after a redraw, the new one); empty if the student has not drawn. */
    public OptionalInt ticketOf(String studentId) {
        for (int i = drawn.size() - 1; i >= 0; i--) {
            if (drawn.get(i).studentId().equals(studentId))
                return OptionalInt.of(drawn.get(i).ticket());
        }
        return OptionalInt.empty();
    }

    /**
     * Replays every recorded draw from the revealed seed, in order, and returns the draws whose recorded ticket
     * differs from the recomputed one (empty: every draw checks out).
     *
     * @throws TicketDraw.CommitmentMismatch when the revealed seed is not the committed one
     */
    public List<Drawn> audit(String commitmentHex, byte[] revealedSeed) {
        if (!TicketDraw.matches(commitmentHex, revealedSeed)) throw new TicketDraw.CommitmentMismatch(commitmentHex);
        TicketPool replay = new TicketPool(sittingId, tickets, withReplacement, List.of());
        List<Drawn> wrong = new ArrayList<>();
        for (Drawn d : drawn) {
            List<Integer> available = replay.available(d.studentId());
            int expected = available.isEmpty()
                    ? -1
                    : TicketDraw.ticket(
                            revealedSeed,
                            new TicketDraw.Input(sittingId, d.studentId(), d.drawNumber(), d.studentWord()),
                            available);
            if (expected != d.ticket()) wrong.add(d);
            List<Drawn> soFar = new ArrayList<>(replay.drawn());
            soFar.add(d);
            replay = new TicketPool(sittingId, tickets, withReplacement, soFar);
        }
        return wrong;
    }
}
