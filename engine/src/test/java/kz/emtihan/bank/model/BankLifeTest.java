package kz.emtihan.bank.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kz.emtihan.bank.model.Conclusion.Assessment;
import kz.emtihan.bank.model.Conclusion.Decision;
import kz.emtihan.bank.model.Conclusion.Grade;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import org.junit.jupiter.api.Test;

/** The life of a bank as pure rules (5.19, 5.24-5.26, 5.31). */
class BankLifeTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    static final String YEAR = "2026-2027";

    static Conclusion conclusion(String expert, Decision decision, Grade... grades) {
        Grade g = grades.length > 0 ? grades[0] : Grade.SATISFACTORY;
        return new Conclusion(
                0,
                expert,
                YEAR,
                0,
                new Assessment(g, "standards"),
                new Assessment(Grade.SATISFACTORY, "difficulty"),
                new Assessment(Grade.SATISFACTORY, "wording"),
                decision,
                NOW);
    }

    static BankLife approved() {
        return BankLife.draft().approve(TODAY.minusDays(1), "7", "head", NOW, TODAY, 0);
    }

    static Refusal refused(Runnable step) {
        return assertThrows(Refusal.class, step::run);
    }

    @Test
    void aDraftIsApprovedOnceAtAMeetingNotLaterThanTodayAndOnlyWhenValid() {
        assertEquals("draft", BankLife.draft().status());
        // 5.19, 7.6: a bank with validation problems is not put to the meeting
        assertEquals(
                LifeRefusal.BANK_NOT_VALID,
                refused(() -> BankLife.draft().approve(TODAY, "7", "head", NOW, TODAY, 3))
                        .code());
        assertEquals(
                CommonRefusal.BAD_FIELD,
                refused(() -> BankLife.draft().approve(TODAY.plusDays(1), "7", "head", NOW, TODAY, 0))
                        .code());
        BankLife life = approved();
        assertEquals("approved", life.status());
        assertEquals("7", life.approval().orElseThrow().minutes());
        assertEquals(1, life.round());
        assertEquals(
                LifeRefusal.BANK_APPROVED,
                refused(() -> approved().approve(TODAY, "8", "h", NOW, TODAY, 0))
                        .code());
    }

    @Test
    void usableOnlyWhenApprovedAndEveryCountingConclusionSaysMay() {
        BankLife life = approved().assign(YEAR, List.of("e1", "e2"));
        assertFalse(life.usable(YEAR), "no conclusion yet");
        life = life.conclude(conclusion("e1", Decision.MAY_BE_USED), false);
        assertTrue(life.usable(YEAR), "one expert concluded may, the other has not concluded");
        assertFalse(life.usable("2027-2028"), "a conclusion is for its academic year only");
        life = life.conclude(conclusion("e2", Decision.MAY_NOT_BE_USED), false);
        assertFalse(life.usable(YEAR), "5.26: one 'may not' of the panel stops it");
        life = life.conclude(conclusion("e2", Decision.MAY_BE_USED), false);
        assertTrue(life.usable(YEAR), "a re-review is a new conclusion and the latest counts");
        assertEquals(3, life.conclusions().size(), "every conclusion is kept");
        assertEquals(
                List.of(1, 3),
                life.counting(YEAR).stream().map(Conclusion::number).toList());
        // an expert taken off the panel no longer counts
        BankLife without =
                life.conclude(conclusion("e2", Decision.MAY_NOT_BE_USED), false).assign(YEAR, List.of("e1"));
        assertTrue(without.usable(YEAR));
    }

    @Test
    void aChangeOfAnApprovedBankSendsItBackToDraftAndOldConclusionsStopCounting() {
        BankLife life = approved().assign(YEAR, List.of("e1")).conclude(conclusion("e1", Decision.MAY_BE_USED), false);
        assertTrue(life.usable(YEAR));
        BankLife draft = life.changed().orElseThrow();
        assertEquals("draft", draft.status());
        assertFalse(draft.usable(YEAR));
        assertTrue(draft.changed().isEmpty(), "a draft stays a draft");
        BankLife again = draft.approve(TODAY, "9", "head", NOW, TODAY, 0);
        assertEquals(2, again.round());
        assertFalse(again.usable(YEAR), "5.24: the new version needs a new conclusion");
        assertTrue(again.conclude(conclusion("e1", Decision.MAY_BE_USED), false).usable(YEAR));
    }

    @Test
    void onlyAPanelExpertWhoIsNoCompilerConcludesOnAnApprovedBank() {
        BankLife draft = BankLife.draft().assign(YEAR, List.of("e1"));
        assertEquals(
                LifeRefusal.NOT_ON_PANEL,
                refused(() -> approved().conclude(conclusion("e9", Decision.MAY_BE_USED), false))
                        .code());
        assertEquals(
                LifeRefusal.BANK_NOT_APPROVED,
                refused(() -> draft.conclude(conclusion("e1", Decision.MAY_BE_USED), false))
                        .code());
        BankLife life = approved().assign(YEAR, List.of("e1"));
        assertEquals(
                LifeRefusal.EXPERT_IS_COMPILER,
                refused(() -> life.conclude(conclusion("e1", Decision.MAY_BE_USED), true))
                        .code());
        // 5.26: "may be used" beside an unsatisfactory aspect says two things at once
        assertEquals(
                CommonRefusal.BAD_FIELD,
                refused(() -> life.conclude(conclusion("e1", Decision.MAY_BE_USED, Grade.UNSATISFACTORY), false))
                        .code());
        assertEquals(
                1,
                life.conclude(conclusion("e1", Decision.MAY_NOT_BE_USED, Grade.UNSATISFACTORY), false)
                        .conclusions()
                        .size());
    }

    @Test
    void aLockedBankChangesNothingUntilAnUnlockWithAReason() {
        BankLife life = approved().assign(YEAR, List.of("e1")).lock("admin", NOW, "", "2026-2027/autumn");
        assertTrue(life.locked());
        for (Runnable step : List.<Runnable>of(
                life::requireOpen,
                () -> life.assign(YEAR, List.of("e2")),
                () -> life.conclude(conclusion("e1", Decision.MAY_BE_USED), false),
                () -> life.lock("admin", NOW, "", "2026-2027/autumn"),
                () -> life.changed().orElseThrow().approve(TODAY, "1", "h", NOW, TODAY, 0))) {
            Refusal r = refused(step);
            assertEquals(LifeRefusal.BANK_LOCKED, r.code());
            assertEquals("5.31", r.details().get("rule"));
        }
        assertEquals(
                CommonRefusal.BAD_FIELD,
                refused(() -> life.unlock("admin", NOW, " ")).code());
        BankLife open = life.unlock("admin", NOW, "a grade was entered wrongly");
        assertFalse(open.locked());
        assertEquals(
                List.of("lock", "unlock"),
                open.locks().stream().map(BankLife.LockEvent::action).toList());
        assertEquals("a grade was entered wrongly", open.locks().get(1).reason());
        assertEquals(
                LifeRefusal.BANK_NOT_LOCKED,
                refused(() -> open.unlock("admin", NOW, "again")).code());
        assertTrue(open.lock("admin", NOW, "", "2026-2027/autumn").locked(), "and locked again");
    }

    @Test
    void theReasonAnUnusableBankIsRefusedNamesWhatIsMissing() {
        Refusal r = refused(() -> BankLife.draft().requireUsable(YEAR));
        assertEquals(LifeRefusal.BANK_NOT_USABLE, r.code());
        assertEquals("5.24-5.26", r.details().get("rule"));
        assertEquals(YEAR, r.args().get("year"));
        assertEquals(
                "usable.not-approved",
                BankLife.draft().whyNotUsable(YEAR).orElseThrow().key());
        assertEquals(
                "usable.no-conclusion",
                approved().whyNotUsable(YEAR).orElseThrow().key());
    }
}
