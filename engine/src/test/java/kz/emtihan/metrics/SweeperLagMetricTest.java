package kz.emtihan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * issue 14 (5): the sweeper's lag is how long past deadline + grace the oldest open attempt is. With the sweeper held
 * back (its first pass a minute after the start), an attempt whose window closed stays open and the gauge shows how
 * long it has been overdue, never more than the time since its deadline.
 */
class SweeperLagMetricTest {
    @Test
    void theLagGrowsWhileAnOverdueAttemptStaysOpen() throws Exception {
        try (TestEngine app = TestEngine.start(
                Map.of("EMTIHAN_ANSWERS_GRACE_SECONDS", "0", "EMTIHAN_SWEEPER_INTERVAL_MILLIS", "60000"))) {
            app.users("teacher", "lag-teacher");
            app.users("student", "lag-student");
            String teacher = app.loginAs("lag-teacher");
            String bank = Fixtures.validBank(app, teacher);
            Instant now = Instant.now();
            Instant closes = now.plusSeconds(4);
            String exam = Fixtures.exam(
                    app, teacher, Fixtures.attestation(bank, now.minusSeconds(60), closes), "lag-student");
            TestEngine.Reply r = app.post("/api/v1/exams/" + exam + "/attempts", app.loginAs("lag-student"), null);
            assertEquals(201, r.status(), r.body());
            Instant deadline = Instant.parse(r.json().getString("deadline"));
            double[] lag = new double[1];
            TestEngine.awaitUntil(
                    "the deadline passes and the gauge shows it",
                    () -> (lag[0] = scrape(app).value("emtihan_sweeper_lag_seconds")) > 1,
                    Duration.ofSeconds(30));
            double sinceDeadline = Duration.between(deadline, Instant.now()).toMillis() / 1000.0;
            assertTrue(lag[0] <= sinceDeadline + 1, lag[0] + " s of lag, " + sinceDeadline + " s since the deadline");
            assertEquals(1, scrape(app).value("emtihan_open_attempts"), "still open: the sweeper has not run");
        }
    }

    static PrometheusText scrape(TestEngine app) {
        TestEngine.Reply r = app.get("/metrics", null);
        assertEquals(200, r.status());
        return PrometheusText.parse(r.body());
    }
}
