package kz.emtihan.proctor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pure rules of proctoring: upload budget, segment lengths, identity photo checks, flag kinds. */
class SmallRulesTest {
    @Test
    void theUploadBudgetAllowsNPerMinuteAndRefills() {
        UploadBudget b = new UploadBudget(60, 0);
        for (int i = 0; i < 60; i++) assertTrue(b.take(0), "upload " + i);
        assertFalse(b.take(0), "the 61st within the same instant");
        assertTrue(b.take(1_000), "one more a second later");
        assertFalse(b.take(1_000));
        assertFalse(b.take(500), "a clock going back does not refill");
    }

    @Test
    void aSegmentPlaysUntilTheNextStartsAtMostItsLengthAndTheLastUntilTheEnd() {
        assertEquals(List.of(60.0, 30.0, 12.5), SegmentTimes.seconds(List.of(0L, 60_000L, 90_000L), 60_000, 102_500));
        assertEquals(List.of(60.0), SegmentTimes.seconds(List.of(0L), 60_000, 600_000), "never longer than a segment");
        assertEquals(
                List.of(0.0),
                SegmentTimes.seconds(List.of(5_000L), 60_000, 1_000),
                "a segment after the end plays 0 s");
    }

    @Test
    void identityPhotosNeedExactlyOneFaceAndAFaceOnTheCard() {
        assertEquals(List.of(), IdentityCheck.problems(1, true, 1));
        assertEquals(List.of(), IdentityCheck.problems(1, true, 2), "an ID card may show a hologram copy of the face");
        IdentityCheck.Problem two = IdentityCheck.problems(2, true, 1).get(0);
        assertEquals("multiple-faces", two.error());
        assertEquals(2, two.text().args().get("faces"), "the count is an argument of the sentence");
        assertEquals(
                ProctorTexts.photoTooDark(),
                IdentityCheck.problems(0, false, 1).get(0).text());
        assertEquals(
                ProctorTexts.noFaceOnPhoto(),
                IdentityCheck.problems(0, true, 1).get(0).text());
        assertEquals("document", IdentityCheck.problems(1, true, 0).get(0).field());
        assertEquals(2, IdentityCheck.problems(0, true, 0).size());
    }

    @Test
    void onlyPageEventsMayBeReportedByThePage() {
        assertTrue(FlagKind.fromCode("tab-hidden").orElseThrow().pageReported());
        assertFalse(FlagKind.fromCode("no-face").orElseThrow().pageReported());
        assertFalse(FlagKind.fromCode("disconnected").orElseThrow().pageReported());
        assertTrue(FlagKind.fromCode("bogus").isEmpty());
    }
}
