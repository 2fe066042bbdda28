package kz.emtihan.sitting.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TicketDrawTest {
    /** 0x00, 0x01, ... 0x1f: a fixed seed, so the vectors below were computed by the Python recipe in package-info. */
    static final byte[] SEED = seed();

    static final String COMMITMENT = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd";
    static final String SITTING = "sitting-2026-06-15-CS";
    static final List<Integer> TWENTY_FIVE =
            IntStream.rangeClosed(1, 25).boxed().toList();

    static byte[] seed() {
        byte[] s = new byte[32];
        for (int i = 0; i < 32; i++) s[i] = (byte) i;
        return s;
    }

    @Test
    void theCommitmentIsTheSha256OfTheSeed() { // 6.15.6
        assertEquals(COMMITMENT, TicketDraw.commitment(SEED));
        assertTrue(TicketDraw.matches(COMMITMENT.toUpperCase(), SEED), "hex case does not matter");
        byte[] other = seed();
        other[31] ^= 1;
        assertFalse(TicketDraw.matches(COMMITMENT, other));
    }

    @Test
    void theEngineAndThePythonRecipeDrawTheSameTicketsWithoutReplacement() { // 6.15.6
        TicketPool pool = TicketPool.of(SITTING, TWENTY_FIVE, false)
                .draw(SEED, "s-101", "")
                .draw(SEED, "s-102", "алма")
                .draw(SEED, "s-103", "7")
                .draw(SEED, "s-101", ""); // a redraw after an act of technical failure (6.15.2)
        assertEquals(
                List.of(10, 22, 3, 9),
                pool.drawn().stream().map(TicketPool.Drawn::ticket).toList());
        assertEquals(
                List.of(1, 2, 3, 4),
                pool.drawn().stream().map(TicketPool.Drawn::drawNumber).toList());
        assertEquals(OptionalInt.of(9), pool.ticketOf("s-101"), "after a redraw the new ticket counts");
        assertEquals(OptionalInt.empty(), pool.ticketOf("s-999"));
    }

    @Test
    void theEngineAndThePythonRecipeDrawTheSameTicketsWithReplacement() { // 6.15.6
        TicketPool pool = TicketPool.of(SITTING, TWENTY_FIVE, true)
                .draw(SEED, "s-101", "")
                .draw(SEED, "s-102", "")
                .draw(SEED, "s-101", "");
        assertEquals(
                List.of(10, 8, 12),
                pool.drawn().stream().map(TicketPool.Drawn::ticket).toList());
    }

    @Test
    void verifyRecomputesOneDrawFromTheRevealedSeed() { // 6.15.6
        var input = new TicketDraw.Input(SITTING, "s-102", 2, "алма");
        List<Integer> available = new ArrayList<>(TWENTY_FIVE);
        available.remove(Integer.valueOf(10));
        assertEquals(
                22,
                TicketDraw.verify(COMMITMENT, TicketDraw.seedFromHex(TicketDraw.seedToHex(SEED)), input, available));
    }

    @Test
    void aSeedThatIsNotTheCommittedOneIsRefused() { // 6.15.6
        byte[] other = seed();
        other[0] = 42;
        var input = new TicketDraw.Input(SITTING, "s-101", 1, "");
        assertThrows(
                TicketDraw.CommitmentMismatch.class, () -> TicketDraw.verify(COMMITMENT, other, input, TWENTY_FIVE));
        TicketPool pool = TicketPool.of(SITTING, TWENTY_FIVE, false).draw(SEED, "s-101", "");
        assertThrows(TicketDraw.CommitmentMismatch.class, () -> pool.audit(COMMITMENT, other));
    }

    @Test
    void theOrderInWhichTicketsAreStoredDoesNotMatter() {
        var input = new TicketDraw.Input(SITTING, "s-101", 1, "");
        List<Integer> shuffled = new ArrayList<>(TWENTY_FIVE);
        Collections.reverse(shuffled);
        shuffled.add(7); // a repeat collapses
        assertEquals(TicketDraw.ticket(SEED, input, TWENTY_FIVE), TicketDraw.ticket(SEED, input, shuffled));
    }

    @Test
    void withoutReplacementEveryTicketComesOutOnceThenNoneIsLeft() { // 6.15.6
        TicketPool pool = TicketPool.of(SITTING, List.of(1, 2, 3, 4, 5), false);
        for (int s = 1; s <= 5; s++) pool = pool.draw(SEED, "s-" + s, "");
        assertEquals(
                Set.of(1, 2, 3, 4, 5),
                new HashSet<>(
                        pool.drawn().stream().map(TicketPool.Drawn::ticket).toList()));
        assertEquals(List.of(), pool.available("s-6"));
        TicketPool empty = pool;
        assertThrows(IllegalStateException.class, () -> empty.draw(SEED, "s-6", ""));
    }

    @Test
    void withReplacementStudentsMayShareATicketButNobodyGetsOneTwice() {
        TicketPool pool = TicketPool.of(SITTING, List.of(1, 2), true);
        for (int s = 1; s <= 3; s++) pool = pool.draw(SEED, "s-" + s, "");
        assertTrue(
                new HashSet<>(pool.drawn().stream()
                                        .map(TicketPool.Drawn::ticket)
                                        .toList())
                                .size()
                        < 3,
                "three students, two tickets: someone shares");
        int first = pool.ticketOf("s-1").getAsInt();
        assertEquals(List.of(3 - first), pool.available("s-1"), "a redraw excludes the ticket s-1 has seen");
        TicketPool redrawn = pool.draw(SEED, "s-1", "");
        assertEquals(3 - first, redrawn.ticketOf("s-1").getAsInt());
        assertThrows(IllegalStateException.class, () -> redrawn.draw(SEED, "s-1", ""), "s-1 has seen both tickets");
    }

    @Test
    void anAuditPassesTheRecordedDrawsAndCatchesAnAlteredOne() { // 6.15.6, 5.16
        TicketPool pool = TicketPool.of(SITTING, TWENTY_FIVE, false)
                .draw(SEED, "s-101", "")
                .draw(SEED, "s-102", "алма")
                .draw(SEED, "s-103", "7");
        assertEquals(List.of(), pool.audit(COMMITMENT, SEED));

        List<TicketPool.Drawn> altered = new ArrayList<>(pool.drawn());
        altered.set(1, new TicketPool.Drawn(2, "s-102", "алма", 5)); // s-102 "drew" an easier ticket
        TicketPool forged = new TicketPool(SITTING, TWENTY_FIVE, false, altered);
        assertEquals(List.of(altered.get(1)), forged.audit(COMMITMENT, SEED));
    }

    @Test
    void theStudentsWordChangesTheDraw() { // the engine cannot know it when committing
        Set<Integer> tickets = new HashSet<>();
        for (String word : List.of("", "a", "b", "c", "d", "e", "f", "g", "h", "i")) {
            tickets.add(TicketDraw.ticket(SEED, new TicketDraw.Input(SITTING, "s-101", 1, word), TWENTY_FIVE));
        }
        assertTrue(tickets.size() > 3, "ten words, twenty-five tickets: " + tickets);
    }

    @Test
    void everyTicketIsAboutEquallyLikely() { // 6.15.6: a random number generator
        int[] counts = new int[26];
        for (int s = 0; s < 10_000; s++) {
            counts[TicketDraw.ticket(SEED, new TicketDraw.Input(SITTING, "s-" + s, 1, ""), TWENTY_FIVE)]++;
        }
        for (int t = 1; t <= 25; t++) {
            assertTrue(counts[t] > 320 && counts[t] < 480, "ticket " + t + " came out " + counts[t] + " times of ~400");
        }
    }

    @Test
    void freshSeedsAre32RandomBytes() {
        byte[] a = TicketDraw.newSeed();
        byte[] b = TicketDraw.newSeed();
        assertEquals(32, a.length);
        assertNotEquals(TicketDraw.seedToHex(a), TicketDraw.seedToHex(b));
        assertArrayEquals(a, TicketDraw.seedFromHex(TicketDraw.seedToHex(a).toUpperCase()));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TicketDraw.Input("a\nb", "s-1", 1, ""));
        assertThrows(IllegalArgumentException.class, () -> new TicketDraw.Input(SITTING, "s-1", 1, "two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> new TicketDraw.Input(SITTING, " ", 1, ""));
        assertThrows(IllegalArgumentException.class, () -> new TicketDraw.Input(SITTING, "s-1", 0, ""));
        assertThrows(IllegalArgumentException.class, () -> TicketDraw.commitment(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> TicketPool.of(SITTING, List.of(0, 1), false));
        assertThrows(IllegalArgumentException.class, () -> TicketPool.of(SITTING, List.of(1, 1, 2), false));
        assertThrows(IllegalArgumentException.class, () -> TicketPool.of(SITTING, List.of(), false));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TicketPool(SITTING, List.of(1, 2), false, List.of(new TicketPool.Drawn(1, "s-1", "", 3))));
    }
}
