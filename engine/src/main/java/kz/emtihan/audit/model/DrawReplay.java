package kz.emtihan.audit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.emtihan.sitting.model.TicketDraw;

/**
 * Issue 10: an outside check of a closed sitting's draws from what {@code GET /sittings/{id}/draws} publishes
 * (docs/verification.md "Ticket draw"). Unlike {@link kz.emtihan.sitting.model.TicketPool#audit}, it accepts draws
 * whose student id or word is withheld (another student's draw, as a student sees the list): such a draw cannot be
 * recomputed, but its ticket still leaves the pool for the draws after it.
 */
public final class DrawReplay {
    private DrawReplay() {}

    /** One published draw; {@code studentId} or {@code word} empty when withheld. */
    public record Published(int drawNumber, Optional<String> studentId, Optional<String> word, int ticket) {}

    /** What the replay says of one draw. */
    public enum Outcome {
        MATCHES,
        DIFFERS,
        NOT_CHECKABLE
    }

    public record Checked(Published draw, Outcome outcome, int recomputed) {}

    /**
     * Replays the draws in order.
     *
     * @throws TicketDraw.CommitmentMismatch when the seed does not hash to the commitment
     */
    public static List<Checked> replay(
            String sittingId,
            List<Integer> tickets,
            boolean withReplacement,
            String commitment,
            String seedHex,
            List<Published> draws) {
        byte[] seed = TicketDraw.seedFromHex(seedHex);
        if (!TicketDraw.matches(commitment, seed)) throw new TicketDraw.CommitmentMismatch(commitment);
        List<Checked> out = new ArrayList<>();
        List<Published> before = new ArrayList<>();
        for (Published d : draws.stream()
                .sorted((a, b) -> Integer.compare(a.drawNumber(), b.drawNumber()))
                .toList()) {
            if (d.studentId().isEmpty() || d.word().isEmpty()) {
                out.add(new Checked(d, Outcome.NOT_CHECKABLE, -1));
            } else {
                Set<Integer> available = new TreeSet<>(tickets);
                for (Published p : before) {
                    if (!withReplacement || p.studentId().equals(d.studentId())) available.remove(p.ticket());
                }
                int recomputed = available.isEmpty()
                        ? -1
                        : TicketDraw.ticket(
                                seed,
                                new TicketDraw.Input(
                                        sittingId,
                                        d.studentId().get(),
                                        d.drawNumber(),
                                        d.word().get()),
                                available);
                out.add(new Checked(d, recomputed == d.ticket() ? Outcome.MATCHES : Outcome.DIFFERS, recomputed));
            }
            before.add(d);
        }
        return out;
    }
}
