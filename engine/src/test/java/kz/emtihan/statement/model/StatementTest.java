package kz.emtihan.statement.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.auth.model.Role;
import kz.emtihan.refusal.Refusal;
import org.junit.jupiter.api.Test;

/** 5.34-5.35: the order of signatures, a refusal ends it, the issue once after three approvals. */
class StatementTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private static Statement applied() {
        return Statement.apply("st-1", "s1", "e1", Reason.ILLNESS, "", "application/pdf", T);
    }

    private static Statement approvedByAll() {
        return applied()
                .sign("dn", Set.of(Role.DEAN), true, "", T)
                .sign("dr", Set.of(Role.DIRECTOR), true, "", T)
                .sign("vr", Set.of(Role.VICE_RECTOR), true, "", T);
    }

    private static String refused(Runnable step) {
        Refusal r = assertThrows(Refusal.class, step::run);
        return r.code().code() + " " + r.args().get("rule");
    }

    @Test
    void signaturesGoDeanDirectorViceRector() { // 5.34
        Statement s = applied();
        assertEquals(Statement.Status.AWAITING_DEAN, s.status(T));
        s = s.sign("dn", Set.of(Role.DEAN), true, "", T);
        assertEquals(Statement.Status.AWAITING_DIRECTOR, s.status(T));
        s = s.sign("dr", Set.of(Role.DIRECTOR), true, "", T);
        assertEquals(Statement.Status.AWAITING_VICE_RECTOR, s.status(T));
        s = s.sign("vr", Set.of(Role.VICE_RECTOR), true, "", T);
        assertEquals(Statement.Status.APPROVED, s.status(T));
        assertEquals(Optional.empty(), s.awaited());
    }

    @Test
    void outOfOrderOrTheWrongRoleIsRefusedWithTheClause() { // 5.34
        Statement s = applied();
        assertEquals("statement-wrong-signer 5.34", refused(() -> s.sign("dr", Set.of(Role.DIRECTOR), true, "", T)));
        assertEquals("statement-wrong-signer 5.34", refused(() -> s.sign("vr", Set.of(Role.VICE_RECTOR), true, "", T)));
        assertEquals("statement-wrong-signer 5.34", refused(() -> s.sign("t", Set.of(Role.ADMIN), true, "", T)));
        Statement dean = s.sign("dn", Set.of(Role.DEAN), true, "", T);
        // the dean approving twice: the director's signature is awaited now
        assertEquals("statement-wrong-signer 5.34", refused(() -> dean.sign("dn", Set.of(Role.DEAN), true, "", T)));
        assertEquals(1, dean.signatures().size());
    }

    @Test
    void onePersonDoesNotSignTwiceUnderTwoRoles() { // 5.34: three signatures
        Statement dean = applied().sign("x", Set.of(Role.DEAN, Role.DIRECTOR), true, "", T);
        assertEquals(
                "statement-signed-already 5.34",
                refused(() -> dean.sign("x", Set.of(Role.DEAN, Role.DIRECTOR), true, "", T)));
    }

    @Test
    void aRefusalAtAnyStepEndsIt() { // 5.34
        Statement s = applied()
                .sign("dn", Set.of(Role.DEAN), true, "", T)
                .sign("dr", Set.of(Role.DIRECTOR), false, "no proof", T);
        assertEquals(Statement.Status.REFUSED, s.status(T));
        assertEquals("no proof", s.signatures().get(1).reason());
        assertFalse(s.open(T), "after a refusal the student may apply again");
        assertEquals("statement-not-awaiting 5.34", refused(() -> s.sign("vr", Set.of(Role.VICE_RECTOR), true, "", T)));
        assertEquals("statement-not-approved 5.34", refused(() -> s.issue("dn", T, ALMATY, Optional.empty())));
    }

    @Test
    void issuedOnceAfterAllThreeAndNotToAStudentWhoSat() { // 5.34-5.35
        assertEquals(
                "statement-not-approved 5.34",
                refused(() ->
                        applied().sign("dn", Set.of(Role.DEAN), true, "", T).issue("dn", T, ALMATY, Optional.empty())));
        assertEquals(
                "statement-attempt-exists 5.34",
                refused(() -> approvedByAll().issue("dn", T, ALMATY, Optional.of("submitted"))));
        Statement issued = approvedByAll().issue("dn", T, ALMATY, Optional.empty());
        assertEquals(Statement.Status.ISSUED, issued.status(T));
        assertTrue(issued.open(T), "an issued statement keeps the exam's one application");
        assertEquals("statement-not-approved 5.34", refused(() -> issued.issue("dn", T, ALMATY, Optional.empty())));
        Instant until = issued.issued().orElseThrow().validity().until();
        assertEquals(Statement.Status.ISSUED, issued.status(until.minusMillis(1)));
        assertEquals(Statement.Status.EXPIRED, issued.status(until)); // 5.35
    }
}
