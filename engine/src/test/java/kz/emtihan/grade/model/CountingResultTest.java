package kz.emtihan.grade.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 5.36-5.38: the latest result of a chain counts; a retake missed changes nothing. */
class CountingResultTest {
    static final Instant JAN = Instant.parse("2027-01-10T04:00:00Z");
    static final Instant FEB = Instant.parse("2027-02-10T04:00:00Z");
    static final Instant JUL = Instant.parse("2027-07-01T04:00:00Z");

    static CountingResult.Sitting<String> sat(String exam, Instant at, String letter) {
        return new CountingResult.Sitting<>(exam, at, Optional.ofNullable(letter));
    }

    static Optional<String> counts(List<CountingResult.Sitting<String>> chain) {
        return CountingResult.counting(chain).map(CountingResult.Sitting::examId);
    }

    @Test
    void theLatestResultCountsWhateverTheOrderGiven() {
        assertEquals(Optional.of("summer"), counts(List.of(sat("summer", JUL, "B"), sat("first", JAN, "F"))));
        assertEquals(
                Optional.of("summer"),
                counts(List.of(sat("first", JAN, "FX"), sat("spring", FEB, "F"), sat("summer", JUL, "C"))));
    }

    @Test
    void aLowerRetakeResultStillCounts() {
        // 5.36: the retake's result is the result, even if it is not better
        assertEquals(Optional.of("retake"), counts(List.of(sat("first", JAN, "FX"), sat("retake", FEB, "F"))));
    }

    @Test
    void aRetakeWithoutAResultLeavesTheEarlierOne() {
        assertEquals(Optional.of("first"), counts(List.of(sat("first", JAN, "FX"), sat("retake", FEB, null))));
        assertEquals(Optional.empty(), counts(List.of(sat("first", JAN, null))));
        assertEquals(Optional.empty(), counts(List.of()));
    }
}
