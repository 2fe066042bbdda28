package kz.emtihan.exam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import kz.emtihan.auth.model.Role;
import kz.emtihan.exam.model.ExamAccess.Action;
import org.junit.jupiter.api.Test;

/** Issue 10 (3): an exam is its teacher's, its assigned proctors' and admins'; the registrar reads results. */
class ExamAccessTest {
    private final ExamAccess exam = new ExamAccess("t-owner", Set.of("p-assigned"));

    @Test
    void theTeacherDoesAllButAssignProctors() {
        assertEquals(EnumSet.complementOf(EnumSet.of(Action.ASSIGN)), exam.allowed("t-owner", Set.of(Role.TEACHER)));
        assertEquals(Set.of(), exam.allowed("t-other", Set.of(Role.TEACHER)));
    }

    @Test
    void onlyAnAssignedProctorWatchesAndActs() {
        assertEquals(
                EnumSet.of(Action.VIEW, Action.WATCH, Action.RESULTS, Action.VERIFY),
                exam.allowed("p-assigned", Set.of(Role.PROCTOR)));
        assertEquals(
                Set.of(),
                exam.allowed("p-other", Set.of(Role.PROCTOR)),
                "6.14: a proctor of another exam terminates nothing here");
    }

    @Test
    void theRegistrarReadsResultsOfEveryExamButWatchesNone() {
        Set<Action> a = exam.allowed("reg", Set.of(Role.REGISTRAR));
        assertEquals(EnumSet.of(Action.VIEW, Action.RESULTS, Action.VERIFY), a);
    }

    @Test
    void onlyAnAdminAssignsProctors() {
        assertTrue(exam.allows("adm", Set.of(Role.ADMIN), Action.ASSIGN));
        assertFalse(exam.allows("t-owner", Set.of(Role.TEACHER), Action.ASSIGN));
    }

    @Test
    void aRelationCountsOnlyWithItsRole() {
        assertEquals(Set.of(), exam.allowed("t-owner", Set.of(Role.STUDENT)));
        assertEquals(
                Set.of(), exam.allowed("p-assigned", Set.of(Role.TEACHER)), "an assigned proctor demoted to teacher");
        for (Role r : EnumSet.of(Role.STUDENT, Role.EXPERT, Role.SECRETARY, Role.COMMISSION)) {
            assertEquals(Set.of(), exam.allowed("x", Set.of(r)), r.code());
        }
    }

    @Test
    void aStudentReadsOnlyTheirOwnAttempt() {
        assertTrue(exam.mayReadAttempt("s1", Set.of(Role.STUDENT), "s1"));
        assertFalse(exam.mayReadAttempt("s2", Set.of(Role.STUDENT), "s1"));
        assertTrue(exam.mayReadAttempt("p-assigned", Set.of(Role.PROCTOR), "s1"));
        assertFalse(exam.mayReadAttempt("p-other", Set.of(Role.PROCTOR), "s1"));
        assertFalse(
                exam.mayReadAttempt("reg", Set.of(Role.REGISTRAR), "s1"), "the registrar reads results, not papers");
    }
}
