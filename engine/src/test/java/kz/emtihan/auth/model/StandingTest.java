package kz.emtihan.auth.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import kz.emtihan.auth.model.Standing.Verdict;
import org.junit.jupiter.api.Test;

/** Which tokens a user's standing still honours (issue 10, 1). */
class StandingTest {
    final Standing now = new Standing(true, false, 3, Set.of("logged-out-id"));

    @Test
    void aTokenOfTheCurrentVersionNotLoggedOutIsAccepted() {
        assertEquals(Verdict.ACCEPTED, now.judge(3, "some-id"));
    }

    @Test
    void aTokenIssuedBeforeAChangeOfRolesOrPasswordIsSuperseded() {
        assertEquals(Verdict.SUPERSEDED, now.judge(2, "some-id"));
        assertEquals(Verdict.SUPERSEDED, now.judge(4, "some-id"), "a version from the future is no better");
    }

    @Test
    void aLoggedOutTokenIsRefusedAndOnlyThatOne() {
        assertEquals(Verdict.LOGGED_OUT, now.judge(3, "logged-out-id"));
        assertEquals(Verdict.ACCEPTED, now.judge(3, "another-id"));
    }

    @Test
    void noTokenOfADisabledOrMissingAccountIsAccepted() {
        assertEquals(Verdict.DISABLED, new Standing(true, true, 3, Set.of()).judge(3, "x"));
        assertEquals(Verdict.NO_ACCOUNT, Standing.GONE.judge(0, "x"));
    }
}
