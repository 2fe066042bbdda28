package kz.emtihan.sitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.emtihan.refusal.Problem;
import org.junit.jupiter.api.Test;

/** 6.15.4, 6.15.6: who can hold a sitting; 6.15.1, 6.15.3, 6.15.6: the sitting's kind, day and carried students. */
class SittingSetUpTest {
    static final CommissionSize SIZE = new CommissionSize(3, 7);
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    static Map<String, Set<String>> roles() {
        Map<String, Set<String>> r = new HashMap<>();
        for (String c : List.of("c", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "ac", "ad", "am"))
            r.put(c, Set.of("commission"));
        r.put("sec", Set.of("secretary"));
        r.put("st1", Set.of("student"));
        r.put("st2", Set.of("student"));
        return r;
    }

    static Parts parts(String chair, List<String> members, String secretary, String ac, String ad, List<String> am) {
        return new Parts(secretary, chair, members, ac, ad, am, List.of("st1", "st2"));
    }

    static Set<String> fields(List<Problem> problems) {
        return problems.stream().map(p -> (String) p.at().get("field")).collect(Collectors.toSet());
    }

    @Test
    void aProperSetUpHasNoProblem() {
        assertEquals(
                List.of(),
                SittingSetUp.problems(
                        parts("c", List.of("c", "m1", "m2"), "sec", "ac", "ad", List.of("am")), roles(), SIZE));
    }

    @Test
    void theCommissionHasItsConfiguredSizeWithTheChair() { // 6.15.6
        assertEquals(
                Set.of("commission.members"),
                fields(SittingSetUp.problems(parts("c", List.of("c"), "sec", "ac", "ad", List.of()), roles(), SIZE)),
                "a commission of one");
        assertEquals(
                Set.of("commission.members"),
                fields(SittingSetUp.problems(parts("c", List.of("m1"), "sec", "ac", "ad", List.of()), roles(), SIZE)),
                "two with the chair");
        assertEquals(
                List.of(),
                SittingSetUp.problems(parts("c", List.of("m1", "m2"), "sec", "ac", "ad", List.of()), roles(), SIZE),
                "the chair counts even when not listed");
        assertEquals(
                Set.of("commission.members"),
                fields(SittingSetUp.problems(
                        parts("c", List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7"), "sec", "ac", "ad", List.of()),
                        roles(),
                        SIZE)),
                "eight");
    }

    @Test
    void everyPersonExistsWithTheRoleOfTheirPart() {
        Map<String, Set<String>> r = roles();
        r.put("st1", Set.of("student"));
        var problems =
                SittingSetUp.problems(parts("st1", List.of("m1", "ghost"), "m2", "sec", "ad", List.of()), r, SIZE);
        assertEquals(
                Set.of(
                        "commission.chair", // a student
                        "commission.members[1]", // no account
                        "commission.secretary", // a commission member, not a secretary
                        "appealCommission.chair"), // a secretary, not a commission member
                fields(problems));
        assertEquals(4, problems.size(), "each problem once: " + problems);
        assertEquals(
                Set.of("commission.members[2]", "commission.secretary", "appealCommission.chair"),
                fields(SittingSetUp.problems(
                        parts("c", List.of("m1", "m2", "sec"), "sec", "sec", "ad", List.of()), roles(), SIZE)),
                "the secretary is neither a member nor on the appeal commission");
    }

    @Test
    void nobodySitsOnBothCommissionsAndTheDeputyIsAnotherPerson() { // 6.15.4
        assertEquals(
                Set.of("appealCommission.chair", "appealCommission.members[0]"),
                fields(SittingSetUp.problems(
                        parts("c", List.of("m1", "m2"), "sec", "m1", "ad", List.of("c")), roles(), SIZE)));
        assertEquals(
                Set.of("appealCommission.deputy"),
                fields(SittingSetUp.problems(
                        parts("c", List.of("m1", "m2"), "sec", "ac", "ac", List.of()), roles(), SIZE)));
    }

    @Test
    void aSittingIsHeldOnItsDayInItsZone() { // 6.15.6
        SittingTerms t = new SittingTerms(
                "comprehensive-exam", Optional.of(LocalDate.of(2026, 12, 7)), ALMATY, Optional.of(MonthDay.of(7, 10)));
        assertTrue(t.onTheDay(Instant.parse("2026-12-06T19:00:00Z")), "00:00 on the 7th in Almaty (UTC+5)");
        assertFalse(t.onTheDay(Instant.parse("2026-12-06T18:59:59Z")), "still the 6th there");
        assertFalse(t.onTheDay(Instant.parse("2026-12-07T19:00:00Z")), "the 8th there");
        assertTrue(t.lateApplication(Instant.parse("2027-07-10T12:00:00Z")), "through 10 July");
        assertFalse(t.lateApplication(Instant.parse("2027-07-11T12:00:00Z")), "not after");
        assertFalse(t.defence());
        assertTrue(SittingTerms.anyDay("thesis-defence").defence());
    }

    @Test
    void onlyAPostponedStudentIsCarriedOnceBeforeTheDeadline() { // 6.15.2-6.15.3
        Instant now = Instant.parse("2026-12-06T06:00:00Z");
        Optional<Instant> deadline = Optional.of(Instant.parse("2027-07-10T19:00:00Z")); // end of 10 July in Almaty
        LocalDate day = LocalDate.of(2026, 12, 20);
        String k = "comprehensive-exam";
        assertEquals(
                Optional.empty(),
                Carrying.problem(StudentState.POSTPONED, deadline, Optional.empty(), k, k, day, ALMATY, now));
        assertEquals(
                "field.carried-not-postponed",
                Carrying.problem(StudentState.GRADED, deadline, Optional.empty(), k, k, day, ALMATY, now)
                        .orElseThrow()
                        .key());
        assertEquals(
                "field.carried-already",
                Carrying.problem(StudentState.POSTPONED, deadline, Optional.of("s-2"), k, k, day, ALMATY, now)
                        .orElseThrow()
                        .key());
        assertEquals(
                "field.carried-other-kind",
                Carrying.problem(
                                StudentState.POSTPONED,
                                deadline,
                                Optional.empty(),
                                k,
                                "thesis-defence",
                                day,
                                ALMATY,
                                now)
                        .orElseThrow()
                        .key());
        assertEquals(
                "field.carried-day",
                Carrying.problem(
                                StudentState.POSTPONED,
                                deadline,
                                Optional.empty(),
                                k,
                                k,
                                LocalDate.of(2027, 7, 11),
                                ALMATY,
                                now)
                        .orElseThrow()
                        .key(),
                "a sitting after the deadline");
        assertEquals(
                Optional.empty(),
                Carrying.problem(
                        StudentState.POSTPONED,
                        deadline,
                        Optional.empty(),
                        k,
                        k,
                        LocalDate.of(2027, 7, 10),
                        ALMATY,
                        now),
                "on the last day itself");
        assertTrue(Carrying.inTime(deadline.get(), deadline.get().minusSeconds(1)));
        assertFalse(Carrying.inTime(deadline.get(), deadline.get()), "I turns into F at the deadline, not before");
    }
}
