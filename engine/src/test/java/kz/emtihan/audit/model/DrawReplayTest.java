package kz.emtihan.audit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import kz.emtihan.sitting.model.TicketDraw;
import kz.emtihan.sitting.model.TicketPool;
import org.junit.jupiter.api.Test;

/** 6.15.6, issue 10: replaying a closed sitting's published draws, as staff see them and as a student does. */
class DrawReplayTest {
    static final byte[] SEED =
            HexFormat.of().parseHex("1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100");
    static final List<Integer> TICKETS = List.of(1, 2, 3, 4, 5, 6, 7, 8);

    /** Five draws made by the engine's own pool (st2 draws twice: a redraw after an act). */
    static List<DrawReplay.Published> drawn(boolean withReplacement) {
        TicketPool pool = TicketPool.of("s-1", TICKETS, withReplacement);
        for (String[] d :
                new String[][] {{"st1", "a"}, {"st2", ""}, {"st3", "almaty"}, {"st2", "again"}, {"st4", "Қазақ"}}) {
            pool = pool.draw(SEED, d[0], d[1]);
        }
        List<DrawReplay.Published> out = new ArrayList<>();
        for (TicketPool.Drawn d : pool.drawn()) {
            out.add(new DrawReplay.Published(
                    d.drawNumber(), Optional.of(d.studentId()), Optional.of(d.studentWord()), d.ticket()));
        }
        return out;
    }

    static List<DrawReplay.Outcome> outcomes(List<DrawReplay.Published> draws, boolean withReplacement) {
        return DrawReplay.replay(
                        "s-1", TICKETS, withReplacement, TicketDraw.commitment(SEED), TicketDraw.seedToHex(SEED), draws)
                .stream()
                .map(DrawReplay.Checked::outcome)
                .toList();
    }

    @Test
    void everyDrawOfTheEnginesPoolIsRecomputedWithAndWithoutReplacement() {
        for (boolean with : new boolean[] {false, true}) {
            assertEquals(
                    List.of(
                            DrawReplay.Outcome.MATCHES,
                            DrawReplay.Outcome.MATCHES,
                            DrawReplay.Outcome.MATCHES,
                            DrawReplay.Outcome.MATCHES,
                            DrawReplay.Outcome.MATCHES),
                    outcomes(drawn(with), with),
                    "withReplacement " + with);
        }
    }

    @Test
    void aStudentWhoSeesOnlyTheirOwnNameStillRecomputesTheirOwnDraws() {
        for (boolean with : new boolean[] {false, true}) {
            List<DrawReplay.Published> asSt2 = drawn(with).stream()
                    .map(d -> d.studentId().get().equals("st2")
                            ? d
                            : new DrawReplay.Published(d.drawNumber(), Optional.empty(), Optional.empty(), d.ticket()))
                    .toList();
            assertEquals(
                    List.of(
                            DrawReplay.Outcome.NOT_CHECKABLE,
                            DrawReplay.Outcome.MATCHES,
                            DrawReplay.Outcome.NOT_CHECKABLE,
                            DrawReplay.Outcome.MATCHES,
                            DrawReplay.Outcome.NOT_CHECKABLE),
                    outcomes(asSt2, with),
                    "withReplacement " + with);
        }
    }

    @Test
    void aChangedTicketOrWordOrSeedIsFound() {
        List<DrawReplay.Published> draws = new ArrayList<>(drawn(false));
        DrawReplay.Published last = draws.get(4);
        int other = TICKETS.stream()
                .filter(t -> t != last.ticket() && draws.stream().noneMatch(d -> d.ticket() == t))
                .findFirst()
                .orElseThrow();
        draws.set(4, new DrawReplay.Published(5, last.studentId(), last.word(), other));
        assertEquals(DrawReplay.Outcome.DIFFERS, outcomes(draws, false).get(4));
        List<DrawReplay.Published> reworded = new ArrayList<>(drawn(false));
        DrawReplay.Published first = reworded.get(0);
        String word = java.util.stream.Stream.of("b", "c", "d", "e", "f")
                .filter(w ->
                        TicketDraw.ticket(SEED, new TicketDraw.Input("s-1", "st1", 1, w), TICKETS) != first.ticket())
                .findFirst()
                .orElseThrow();
        reworded.set(0, new DrawReplay.Published(1, first.studentId(), Optional.of(word), first.ticket()));
        assertEquals(DrawReplay.Outcome.DIFFERS, outcomes(reworded, false).get(0), "a word the student did not say");
        assertThrows(
                TicketDraw.CommitmentMismatch.class,
                () -> DrawReplay.replay(
                        "s-1", TICKETS, false, TicketDraw.commitment(SEED), "00".repeat(32), drawn(false)));
    }
}
