package kz.emtihan.sitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AppealTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /**
     * Kazakhstan's holidays in the years the tests use: New Year 1-2 January, Orthodox Christmas 7 January, Unity Day
     * 1 May (a Friday in 2026), Independence Day 16-17 December (Wednesday-Thursday in 2026); 8 March and Nauryz 21-23
     * March 2028 (Wednesday; Tuesday-Thursday). The real list, transfers included, is configuration.
     */
    static final WorkCalendar KZ = WorkCalendar.of(
            ALMATY,
            Stream.of(
                            "2026-01-01",
                            "2026-01-02",
                            "2026-01-07",
                            "2026-05-01",
                            "2026-12-16",
                            "2026-12-17",
                            "2028-03-08",
                            "2028-03-21",
                            "2028-03-22",
                            "2028-03-23")
                    .map(LocalDate::parse)
                    .collect(java.util.stream.Collectors.toSet()));

    /** Local time in Almaty, so the tests do not depend on the zone's offset in the JDK's time-zone data. */
    static Instant almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ALMATY).toInstant();
    }

    static Appeal filed(String localDateTime) {
        Instant at = almaty(localDateTime);
        return Appeal.file(at.minusSeconds(3600), at);
    }

    @Test
    void fortyEightHoursToTheSecondIncludingAWeekend() { // 6.15.4
        Instant sittingEnded = almaty("2026-06-19T17:00"); // a Friday
        assertEquals(almaty("2026-06-21T17:00"), Appeal.filingDeadline(sittingEnded), "Sunday 17:00: the hours run on");
        assertTrue(Appeal.inTime(sittingEnded, almaty("2026-06-21T17:00")), "exactly 48 hours is in time");
        assertFalse(Appeal.inTime(sittingEnded, almaty("2026-06-21T17:00").plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> Appeal.file(sittingEnded, almaty("2026-06-21T17:00:01")));
        assertThrows(
                IllegalArgumentException.class,
                () -> Appeal.file(sittingEnded, almaty("2026-06-19T16:59")),
                "not before the sitting has ended");
    }

    @Test
    void theMeetingIsDueByTheEndOfTheSecondWorkingDayAfterReceipt() { // 6.15.5
        Appeal a = filed("2026-06-15T10:00"); // Monday
        assertEquals(
                almaty("2026-06-18T00:00"), a.meetingDeadline(KZ), "Tuesday, Wednesday; ends at Wednesday midnight");
        assertEquals(Appeal.Status.AWAITING_MEETING, a.status(almaty("2026-06-17T23:59:59"), KZ));
        assertEquals(Appeal.Status.MEETING_OVERDUE, a.status(almaty("2026-06-18T00:00"), KZ));
        assertTrue(a.overdue(almaty("2026-06-18T00:00"), KZ));
    }

    @Test
    void aFridayAppealSkipsTheWeekend() { // 6.15.5
        assertEquals(almaty("2026-06-24T00:00"), filed("2026-06-19T12:00").meetingDeadline(KZ), "Monday, Tuesday");
        assertEquals(
                almaty("2026-06-24T00:00"),
                filed("2026-06-20T12:00").meetingDeadline(KZ),
                "filed on Saturday: the same");
        assertEquals(
                Appeal.Status.AWAITING_MEETING,
                filed("2026-06-19T12:00").status(almaty("2026-06-21T23:00"), KZ),
                "nothing is overdue over the weekend");
    }

    @Test
    void aHolidayOnFridayIsNotAWorkingDay() { // 6.15.5; 1 May 2026 is a Friday
        assertEquals(almaty("2026-05-06T00:00"), filed("2026-04-30T09:00").meetingDeadline(KZ), "Mon 4 and Tue 5 May");
    }

    @Test
    void independenceDayPushesTheMeetingIntoTheNextWeek() { // 6.15.5; 16-17 December 2026 are Wednesday-Thursday
        assertEquals(almaty("2026-12-22T00:00"), filed("2026-12-15T16:00").meetingDeadline(KZ), "Fri 18, Mon 21");
    }

    @Test
    void newYearAndOrthodoxChristmas() { // 6.15.5
        Appeal a = filed("2025-12-31T11:00"); // Wednesday; 1-2 January are Thursday-Friday
        assertEquals(almaty("2026-01-07T00:00"), a.meetingDeadline(KZ), "Mon 5, Tue 6 January");
        Appeal met = a.meetingHeld(almaty("2026-01-06T15:00"));
        assertEquals(Optional.of(almaty("2026-01-09T00:00")), met.resultDeadline(KZ), "7 January is a holiday: Thu 8");
    }

    @Test
    void nauryzAndWomensDay() { // 6.15.5; 2028: 8 March a Wednesday, Nauryz 21-23 March Tuesday-Thursday
        assertEquals(almaty("2028-03-11T00:00"), filed("2028-03-07T10:00").meetingDeadline(KZ), "Thu 9, Fri 10");
        assertEquals(almaty("2028-03-28T00:00"), filed("2028-03-20T10:00").meetingDeadline(KZ), "Fri 24, Mon 27");
    }

    @Test
    void aWorkedSaturdayCounts() { // transfer orders make some Saturdays working days
        WorkCalendar withWorkedSaturday = new WorkCalendar(
                ALMATY,
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                KZ.holidays(),
                Set.of(LocalDate.parse("2026-01-03")));
        assertTrue(withWorkedSaturday.isWorkingDay(LocalDate.parse("2026-01-03")));
        assertEquals(
                almaty("2026-01-06T00:00"),
                filed("2025-12-31T11:00").meetingDeadline(withWorkedSaturday),
                "Sat 3, Mon 5 January");
    }

    @Test
    void theResultIsDueWithinOneWorkingDayOfTheMeeting() { // 6.15.5
        Appeal met = filed("2026-06-17T10:00").meetingHeld(almaty("2026-06-19T14:00")); // met on Friday
        assertEquals(Optional.of(almaty("2026-06-23T00:00")), met.resultDeadline(KZ), "Monday, to its end");
        assertEquals(Appeal.Status.AWAITING_RESULT, met.status(almaty("2026-06-22T23:59"), KZ));
        assertEquals(Appeal.Status.RESULT_OVERDUE, met.status(almaty("2026-06-23T00:00"), KZ));
        Appeal closed = met.resultCommunicated(almaty("2026-06-22T09:00"));
        assertEquals(Appeal.Status.CLOSED, closed.status(almaty("2026-07-01T00:00"), KZ));
        assertFalse(closed.overdue(almaty("2026-07-01T00:00"), KZ));
        assertTrue(closed.handledInTime(KZ));
    }

    @Test
    void aLateMeetingIsOnRecordAfterwards() {
        Appeal lateMeeting = filed("2026-06-15T10:00").meetingHeld(almaty("2026-06-18T10:00"));
        assertFalse(lateMeeting.handledInTime(KZ));
        assertEquals(Appeal.Status.AWAITING_RESULT, lateMeeting.status(almaty("2026-06-18T11:00"), KZ));
    }

    @Test
    void workingDaysAreDaysInAlmatyNotInUtc() {
        Instant lateMondayEvening = almaty("2026-06-15T23:30");
        WorkCalendar utc = WorkCalendar.of(ZoneOffset.UTC, Set.of());
        Instant earlyTuesdayMorning = almaty("2026-06-16T00:30"); // still Monday in UTC
        assertEquals(LocalDate.parse("2026-06-16"), KZ.dayOf(earlyTuesdayMorning));
        assertEquals(LocalDate.parse("2026-06-15"), utc.dayOf(earlyTuesdayMorning));
        assertEquals(
                almaty("2026-06-18T00:00"),
                Appeal.file(lateMondayEvening.minusSeconds(60), lateMondayEvening)
                        .meetingDeadline(KZ));
        assertEquals(
                almaty("2026-06-19T00:00"),
                Appeal.file(earlyTuesdayMorning.minusSeconds(60), earlyTuesdayMorning)
                        .meetingDeadline(KZ));
    }

    @Test
    void stepsHappenInOrder() {
        Appeal a = filed("2026-06-15T10:00");
        assertThrows(IllegalStateException.class, () -> a.resultCommunicated(almaty("2026-06-16T10:00")));
        assertThrows(IllegalArgumentException.class, () -> a.meetingHeld(almaty("2026-06-15T09:00")));
        Appeal met = a.meetingHeld(almaty("2026-06-16T10:00"));
        assertThrows(IllegalStateException.class, () -> met.meetingHeld(almaty("2026-06-16T11:00")));
        assertThrows(IllegalArgumentException.class, () -> met.resultCommunicated(almaty("2026-06-16T09:00")));
        assertThrows(IllegalArgumentException.class, () -> KZ.plusWorkingDays(LocalDate.parse("2026-06-15"), 0));
    }
}
