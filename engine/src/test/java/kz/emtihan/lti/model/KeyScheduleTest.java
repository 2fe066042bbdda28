package kz.emtihan.lti.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 16 (1): the tool's keys rotate: the new one published before it signs, the old one kept a while. */
class KeyScheduleTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aRotatedInKeyIsPublishedAtOnceButSignsOnlyAfterTheLead() {
        var first = List.of(new KeySchedule.Entry("a", T0, T0, Optional.empty()));
        Instant now = T0.plus(Duration.ofDays(1));
        var rotated = KeySchedule.rotate(first, "b", now, Duration.ofMinutes(10), Duration.ofHours(24));
        assertEquals(List.of("a", "b"), kids(KeySchedule.published(rotated, now)));
        assertEquals("a", KeySchedule.signing(rotated, now).orElseThrow().kid(), "b waits for the lead");
        Instant later = now.plus(Duration.ofMinutes(10));
        assertEquals("b", KeySchedule.signing(rotated, later).orElseThrow().kid());
        assertEquals(List.of("a", "b"), kids(KeySchedule.published(rotated, later)), "a stays for tokens in flight");
        Instant gone = later.plus(Duration.ofHours(24));
        assertEquals(List.of("b"), kids(KeySchedule.published(rotated, gone)), "a retires after keepOld");
    }

    @Test
    void aSecondRotationRetiresBothOlderKeysNoLaterThanBefore() {
        var first = List.of(new KeySchedule.Entry("a", T0, T0, Optional.empty()));
        var once = KeySchedule.rotate(first, "b", T0, Duration.ZERO, Duration.ofHours(1));
        var twice = KeySchedule.rotate(once, "c", T0.plusSeconds(60), Duration.ZERO, Duration.ofHours(5));
        assertEquals(
                "c",
                KeySchedule.signing(twice, T0.plusSeconds(61)).orElseThrow().kid());
        assertEquals(
                T0.plus(Duration.ofHours(1)),
                twice.stream()
                        .filter(e -> e.kid().equals("a"))
                        .findFirst()
                        .orElseThrow()
                        .retiresAt()
                        .orElseThrow(),
                "a rotation never extends an older key's retirement");
        assertEquals(List.of("b", "c"), kids(KeySchedule.published(twice, T0.plus(Duration.ofHours(2)))));
    }

    @Test
    void aRotationWithNothingSigningSignsAtOnce() {
        var none = KeySchedule.rotate(List.of(), "a", T0, Duration.ofMinutes(10), Duration.ofHours(1));
        assertEquals("a", KeySchedule.signing(none, T0).orElseThrow().kid());
    }

    private static List<String> kids(List<KeySchedule.Entry> entries) {
        return entries.stream().map(KeySchedule.Entry::kid).toList();
    }
}
