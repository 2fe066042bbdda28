package kz.emtihan.lti.services.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 16 (4): who a sync of the roster with the course adds, leaves and takes off. */
class RosterPlanTest {
    @Test
    void learnersNotOnTheRosterAreAddedAndThoseOnItCountAsAlready() {
        RosterPlan p = RosterPlan.of(Set.of("a", "b"), Set.of("b", "manual"), Set.of(), Set.of());
        assertEquals(Set.of("a"), p.add());
        assertEquals(Set.of("b"), p.already());
        assertEquals(Set.of(), p.remove());
        assertEquals(Set.of("a"), p.synced()); // b was put there by hand, not by a sync
        assertEquals(
                List.of("b", "manual", "a"),
                List.copyOf(p.rosterAfter(new java.util.LinkedHashSet<>(List.of("b", "manual")))));
    }

    @Test
    void aSyncedStudentWhoLeftTheCourseLeavesOnlyIfNotStarted() {
        RosterPlan p = RosterPlan.of(
                Set.of("a"),
                Set.of("a", "gone", "started", "manual"),
                Set.of("a", "gone", "started"),
                Set.of("started"));
        assertEquals(Set.of("gone"), p.remove());
        assertEquals(Set.of("started"), p.kept());
        assertEquals(Set.of("a", "started"), p.synced());
        assertEquals(Set.of("a", "started", "manual"), p.rosterAfter(Set.of("a", "gone", "started", "manual")));
    }

    @Test
    void aStudentPutThereByHandIsNeverTakenOff() {
        RosterPlan p = RosterPlan.of(Set.of(), Set.of("manual"), Set.of(), Set.of());
        assertEquals(Set.of(), p.remove());
        assertEquals(Set.of("manual"), p.rosterAfter(Set.of("manual")));
    }

    @Test
    void aSyncedStudentTheTeacherTookOffIsForgottenAndComesBackOnlyWhileAMember() {
        RosterPlan left = RosterPlan.of(Set.of(), Set.of(), Set.of("x"), Set.of());
        assertEquals(Set.of(), left.remove());
        assertEquals(Set.of(), left.synced());
        RosterPlan stillMember = RosterPlan.of(Set.of("x"), Set.of(), Set.of("x"), Set.of());
        assertEquals(Set.of("x"), stillMember.add());
    }
}
