package kz.emtihan.bank.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.model.BankAccess.Action;
import org.junit.jupiter.api.Test;

/** 5.21, issue 10 (3): a bank is seen by its owner, its co-authors, its experts and admins; nobody else. */
class BankAccessTest {
    private final BankAccess bank = new BankAccess("t-owner", Set.of("t-co"), Set.of("e-assigned"));
    private static final Set<Role> TEACHER = Set.of(Role.TEACHER);

    @Test
    void theOwnerDoesEverything() {
        assertEquals(EnumSet.allOf(Action.class), bank.allowed("t-owner", TEACHER));
    }

    @Test
    void anotherTeacherSeesNothingNotEvenTheAnswerKey() {
        assertEquals(Set.of(), bank.allowed("t-other", TEACHER));
        assertFalse(bank.allows("t-other", TEACHER, Action.READ));
    }

    @Test
    void aCoAuthorEditsAndSchedulesButDoesNotNamePeople() {
        assertEquals(EnumSet.of(Action.READ, Action.EDIT, Action.SCHEDULE), bank.allowed("t-co", TEACHER));
    }

    @Test
    void anAssignedExpertReadsOnlyAndAnotherExpertNothing() {
        assertEquals(EnumSet.of(Action.READ), bank.allowed("e-assigned", Set.of(Role.EXPERT)));
        assertEquals(Set.of(), bank.allowed("e-other", Set.of(Role.EXPERT)));
    }

    @Test
    void aRelationCountsOnlyWithItsRole() {
        assertEquals(Set.of(), bank.allowed("t-owner", Set.of(Role.STUDENT)), "an owner demoted to student");
        assertEquals(Set.of(), bank.allowed("t-co", Set.of(Role.EXPERT)), "a co-author who is no longer a teacher");
        assertEquals(Set.of(), bank.allowed("e-assigned", TEACHER), "an expert made a teacher is no co-author");
    }

    @Test
    void anAdminDoesEverythingAndOtherRolesNothing() {
        assertEquals(EnumSet.allOf(Action.class), bank.allowed("anyone", Set.of(Role.ADMIN)));
        for (Role r : EnumSet.complementOf(EnumSet.of(Role.ADMIN, Role.HEAD))) {
            assertTrue(bank.allowed("stranger", Set.of(r)).isEmpty(), r.code());
        }
    }

    @Test
    void aHeadOfDepartmentReadsEveryBankToPutItToTheMeetingAndChangesNothing() {
        // 5.19: the head records the approval; departments are not modelled, so any head reads any bank
        assertEquals(EnumSet.of(Action.READ), bank.allowed("h-any", Set.of(Role.HEAD)));
    }
}
