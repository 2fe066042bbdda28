package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code Range} headers for seeking in a recorded segment (RFC 9110 byte ranges, one range only). */
class SegmentRangeTest {
    static Optional<SegmentServing.Range> parse(String h, long size) {
        return SegmentServing.Range.parse(h, size);
    }

    @Test
    void explicitOpenAndSuffixRanges() {
        assertEquals(Optional.of(new SegmentServing.Range(0, 99)), parse("bytes=0-99", 1000));
        assertEquals(Optional.of(new SegmentServing.Range(500, 999)), parse("bytes=500-", 1000));
        assertEquals(Optional.of(new SegmentServing.Range(900, 999)), parse("bytes=-100", 1000));
        assertEquals(
                Optional.of(new SegmentServing.Range(990, 999)), parse("bytes=990-5000", 1000), "clipped to the file");
    }

    @Test
    void unsatisfiableOrMalformedRangesAreRefused() {
        assertEquals(Optional.empty(), parse("bytes=1000-", 1000));
        assertEquals(Optional.empty(), parse("bytes=50-10", 1000));
        assertEquals(Optional.empty(), parse("bytes=0-1,5-9", 1000), "one range only");
        assertEquals(Optional.empty(), parse("items=0-1", 1000));
        assertEquals(Optional.empty(), parse("bytes=a-b", 1000));
        assertEquals(Optional.empty(), parse("bytes=-0", 1000));
    }
}
