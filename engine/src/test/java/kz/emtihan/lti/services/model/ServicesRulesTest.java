package kz.emtihan.lti.services.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 16 (3-4): back-off, token life, the services' URLs, who is a learner, what a score says. */
class ServicesRulesTest {
    static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    @Test
    void theBackOffGrowsStepByStepThenRepeatsItsLastAndGivesUpAfterItsLimit() {
        Backoff b = Backoff.DEFAULT;
        assertEquals(Duration.ofSeconds(10), b.delayAfter(1));
        assertEquals(Duration.ofMinutes(1), b.delayAfter(2));
        assertEquals(Duration.ofMinutes(5), b.delayAfter(3));
        assertEquals(Duration.ofHours(1), b.delayAfter(5));
        assertEquals(Duration.ofHours(1), b.delayAfter(50)); // capped
        long queued = 1_000_000;
        assertFalse(b.givesUp(queued, queued + Duration.ofHours(23).toMillis()));
        assertTrue(b.givesUp(queued, queued + Duration.ofDays(1).toMillis()));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(List.of(), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(List.of(Duration.ZERO), Duration.ofDays(1)));
    }

    @Test
    void aTokenIsUsedUntilShortlyBeforeItExpires() {
        Instant t = Instant.parse("2026-12-06T10:00:00Z");
        assertEquals(t.plusSeconds(3600 - 60), TokenLife.usableUntil(t, 3600)); // a minute early
        assertEquals(t.plusSeconds(300 - 30), TokenLife.usableUntil(t, 300)); // a tenth early
        assertEquals(t, TokenLife.usableUntil(t, 0));
    }

    @Test
    void scoresAreUnderTheLineItemsPathWithItsQueryKept() {
        assertEquals("https://lms/li/7/scores", ServiceLinks.scoresOf("https://lms/li/7"));
        assertEquals("https://lms/li/7/scores", ServiceLinks.scoresOf("https://lms/li/7/"));
        // Moodle's line item URLs carry the course in the query
        assertEquals(
                "https://lms/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=1",
                ServiceLinks.scoresOf("https://lms/mod/lti/services.php/2/lineitems/5/lineitem?type_id=1"));
        assertEquals(
                "https://lms/li?type_id=1&resource_link_id=r+1",
                ServiceLinks.withParam("https://lms/li?type_id=1", "resource_link_id", "r 1"));
    }

    @Test
    void theNextPageIsTheLinkHeadersRelNext() {
        assertEquals(
                Optional.of("https://lms/m?page=2"),
                ServiceLinks.next("<https://lms/m?page=1>; rel=\"prev\", <https://lms/m?page=2>; rel=\"next\""));
        assertEquals(Optional.of("https://lms/m?p=3"), ServiceLinks.next("<https://lms/m?p=3>; rel=\"last next\""));
        assertEquals(Optional.of("https://lms/m?p=3"), ServiceLinks.next("<https://lms/m?p=3>;rel=next"));
        assertEquals(Optional.empty(), ServiceLinks.next("<https://lms/m?page=9>; rel=\"last\""));
        assertEquals(Optional.empty(), ServiceLinks.next(null));
    }

    @Test
    void aLearnerIsAStudentUnlessTheyAlsoTeachTheCourse() {
        assertTrue(new Member("1", "A", null, List.of(M + "Learner"), null).learner());
        assertTrue(new Member("1", "A", null, List.of("Learner"), "Active").learner());
        assertFalse(new Member("1", "A", null, List.of(M + "Instructor"), "Active").learner());
        assertFalse(new Member("1", "A", null, List.of(M + "Learner", M + "Instructor"), "Active").learner());
        assertFalse(new Member("1", "A", null, List.of(M + "Learner", M + "Instructor#TeachingAssistant"), "Active")
                .learner());
        assertFalse(new Member("1", "A", null, List.of(M + "ContentDeveloper"), "Active").learner());
        assertFalse(new Member("1", "A", null, List.of(M + "Learner"), "Inactive").active());
        assertTrue(new Member("1", "A", null, List.of(M + "Learner"), null).active());
    }

    @Test
    void aReGradeToTheSameScoreHasTheSameDigestWhateverItsTime() {
        Instant t = Instant.parse("2026-12-06T10:00:00Z");
        FinalScore a = new FinalScore("e", "s", 21, 30, "B", t, "attempt");
        assertEquals(a.digest(), new FinalScore("e", "s", 21, 30, "B", t.plusSeconds(5), "attempt").digest());
        assertNotEquals(a.digest(), new FinalScore("e", "s", 22, 30, "B+", t, "appeal").digest());
        assertThrows(IllegalArgumentException.class, () -> new FinalScore("e", "s", 31, 30, "A", t, "attempt"));
        assertThrows(IllegalArgumentException.class, () -> new FinalScore("e", "s", 0, 0, "F", t, "attempt"));
    }
}
