package kz.emtihan.auth.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import kz.emtihan.auth.model.LoginDelay.Failures;
import kz.emtihan.auth.model.LoginDelay.Policy;
import org.junit.jupiter.api.Test;

/** The wait schedule of failed sign-ins (issue 10, 2). */
class LoginDelayTest {
    static final Policy PAIR = new Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(300));
    static final Policy ADDRESS = new Policy(50, Duration.ofSeconds(1), Duration.ofSeconds(60));
    static final Policy ACCOUNT = new Policy(10, Duration.ofSeconds(1), Duration.ofSeconds(30));
    static final LoginDelay.Rules RULES = new LoginDelay.Rules(PAIR, ADDRESS, ACCOUNT);
    static final Instant T = Instant.parse("2026-12-06T09:00:00Z");

    @Test
    void theFreeFailuresCostNothingThenEachDoublesTheWaitUpToTheLongest() {
        assertEquals(Duration.ZERO, LoginDelay.after(0, PAIR));
        assertEquals(Duration.ZERO, LoginDelay.after(3, PAIR));
        assertEquals(Duration.ofSeconds(1), LoginDelay.after(4, PAIR));
        assertEquals(Duration.ofSeconds(2), LoginDelay.after(5, PAIR));
        assertEquals(Duration.ofSeconds(4), LoginDelay.after(6, PAIR));
        assertEquals(Duration.ofSeconds(256), LoginDelay.after(12, PAIR));
        assertEquals(Duration.ofSeconds(300), LoginDelay.after(13, PAIR));
        assertEquals(Duration.ofSeconds(300), LoginDelay.after(1_000_000, PAIR), "no overflow, however many");
    }

    @Test
    void theWaitRunsFromTheLastFailure() {
        Failures five = new Failures(5, T);
        assertEquals(Duration.ofSeconds(2), LoginDelay.remaining(five, PAIR, T));
        assertEquals(Duration.ofMillis(500), LoginDelay.remaining(five, PAIR, T.plusMillis(1500)));
        assertEquals(Duration.ZERO, LoginDelay.remaining(five, PAIR, T.plusSeconds(2)));
        assertEquals(Duration.ZERO, LoginDelay.remaining(Failures.NONE, PAIR, T));
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertEquals(1, LoginDelay.retryAfterSeconds(Duration.ofMillis(1)));
        assertEquals(2, LoginDelay.retryAfterSeconds(Duration.ofMillis(1001)));
        assertEquals(300, LoginDelay.retryAfterSeconds(Duration.ofSeconds(300)));
    }

    @Test
    void aGuesserIsHeldByTheirOwnCounter() {
        assertEquals(Duration.ofSeconds(4), RULES.wait(new Failures(6, T), new Failures(6, T), new Failures(6, T), T));
    }

    @Test
    void theAccountCeilingDoesNotHoldBackAnAddressThatHasNotFailedOnTheAccount() {
        Failures storm = new Failures(200, T); // a classmate's 200 wrong passwords from another address
        assertEquals(
                Duration.ZERO,
                RULES.wait(Failures.NONE, Failures.NONE, storm, T),
                "the student's own first try goes ahead");
        assertEquals(
                Duration.ofSeconds(30),
                RULES.wait(new Failures(1, T), Failures.NONE, storm, T),
                "after failing there themselves, they wait, but never longer than the account's short ceiling");
    }

    @Test
    void anAddressSprayingManyAccountsIsHeldByTheAddressCounter() {
        assertEquals(Duration.ofSeconds(60), RULES.wait(Failures.NONE, new Failures(500, T), Failures.NONE, T));
        assertEquals(
                Duration.ZERO,
                RULES.wait(Failures.NONE, new Failures(50, T), Failures.NONE, T),
                "a classroom's typos stay free");
    }

    @Test
    void anAttemptWithFailuresOfItsOwnIsASuspect() {
        assertFalse(RULES.suspect(Failures.NONE, new Failures(50, T)));
        assertTrue(RULES.suspect(new Failures(1, T), Failures.NONE));
        assertTrue(RULES.suspect(Failures.NONE, new Failures(51, T)));
    }

    @Test
    void aPolicyMustMakeSense() {
        assertThrows(
                IllegalArgumentException.class, () -> new Policy(-1, Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class, () -> new Policy(1, Duration.ofSeconds(3), Duration.ofSeconds(2)));
    }
}
