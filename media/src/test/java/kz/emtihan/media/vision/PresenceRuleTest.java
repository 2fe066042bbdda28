package kz.emtihan.media.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.emtihan.media.vision.PresenceRule.Flag;
import kz.emtihan.media.vision.PresenceRule.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table tests. A sequence is written one character per snapshot: a digit is a judgeable snapshot with
 * that many faces, {@code x} a not-judgeable one. Expected flags: {@code .} NONE, {@code N} NO_FACE,
 * {@code M} MULTIPLE_FACES, {@code I} INSUFFICIENT_EVIDENCE.
 */
class PresenceRuleTest {

    @ParameterizedTest(name = "k={0} m={1} u={2}: {3} -> {4}")
    @CsvSource({
        // k, m, u, snapshots, expected
        "3, 2, 3, 1111,       ....",
        "3, 2, 3, 1011,       ....", // one face-less frame never flags
        "3, 2, 3, 1001,       ....", // two is still below k
        "3, 2, 3, 10001,      ...N.", // k consecutive -> NO_FACE, clears on next face
        "3, 2, 3, 000000,     ..NNNN",
        "3, 2, 3, 1211,       ....", // one two-face frame never flags
        "3, 2, 3, 12211,      ..M..",
        "3, 2, 3, 1232,       ..MM", // 2 and 3 faces both count as multiple
        "3, 2, 3, 00x0,       ....", // a not-judgeable frame breaks the run
        "3, 2, 3, xxx,        ..I", // dark/covered is insufficient evidence, not NO_FACE
        "3, 2, 3, xxxx1,      ..II.",
        "3, 2, 3, 0x0x0x,     ......", // interleaved covered frames never become NO_FACE
        "3, 2, 3, 2x2,        ...",
        "1, 1, 1, 0123x,      N.MMI", // k=m=u=1: no hysteresis
        "2, 3, 4, 00222xxxx,  .N..M...I",
        "3, 2, 2, 000220,     ..N.M.",
    })
    void table(int k, int m, int u, String seq, String expected) {
        List<Observation> obs = new ArrayList<>();
        for (char c : seq.toCharArray()) {
            obs.add(c == 'x' ? new Observation(0, false) : new Observation(c - '0', true));
        }
        StringBuilder got = new StringBuilder();
        for (Flag f : new PresenceRule(k, m, u).evaluate(obs)) {
            got.append(
                    switch (f) {
                        case NONE -> '.';
                        case NO_FACE -> 'N';
                        case MULTIPLE_FACES -> 'M';
                        case INSUFFICIENT_EVIDENCE -> 'I';
                    });
        }
        assertEquals(expected, got.toString());
    }

    @Test
    void twoArgConstructorUsesKForInsufficientEvidence() {
        List<Observation> dark = List.of(new Observation(0, false), new Observation(0, false));
        assertEquals(Set.of(Flag.INSUFFICIENT_EVIDENCE), new PresenceRule(2, 5).raised(dark));
        assertEquals(Set.of(), new PresenceRule(3, 5).raised(dark));
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new PresenceRule(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PresenceRule(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PresenceRule(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Observation(-1, true));
    }
}
