package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.audit.ReceiptSigner;
import kz.emtihan.store.ClusterEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (2): an exam day through the HTTP API on an engine in mode cluster, on a real three-primary Redis Cluster,
 * with exams whose slots lie on different primaries. Per exam one student starts, saves and submits (a signed receipt),
 * a second start of theirs is the same attempt (5.20.3: one attempt), and another student starts, saves and vanishes:
 * the engine's own sweeper times that attempt out after the window closes (the global deadline list of before is per
 * exam now, walked through the index of exams). Nothing is called past the API but the cluster's KEYSLOT.
 */
class ClusterExamDayTest {
    private static ClusterEngine cluster;
    private static TestEngine app;

    @BeforeAll
    static void start() {
        assumeTrue(ClusterEngine.available(), "needs redis-server on the PATH (test.sh installs it)");
        cluster = ClusterEngine.start(Map.of("EMTIHAN_ANSWERS_GRACE_SECONDS", "0"));
        app = cluster.app();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    @Test
    void examsOnSeveralPrimariesAreTakenSubmittedAndSweptThroughTheApi() {
        app.users("teacher", "day-t");
        String teacher = app.loginAs("day-t");
        // exams until their slots lie on two primaries at least (each exam its own bank: 5.20.3, one per discipline),
        // all closing together soon after, so that the sweeper's part is reached within the test
        Instant closes = Instant.now().plusSeconds(45);
        List<String> examIds = new ArrayList<>();
        List<String[]> rosters = new ArrayList<>();
        Set<Integer> primaries = new HashSet<>();
        for (int i = 0; i < 10 && primaries.size() < 2; i++) {
            String[] students = {"day-" + i + "-stays", "day-" + i + "-leaves"};
            app.users("student", students);
            String bank = Fixtures.validBank(app, teacher, Fixtures.passport("Cluster day " + i));
            String exam = Fixtures.exam(
                    app, teacher, Fixtures.attestation(bank, closes.minusSeconds(3600), closes), students);
            examIds.add(exam);
            rosters.add(students);
            primaries.add(cluster.primary(ExamKeys.examAttempts(exam)));
        }

        List<String> vanished = new ArrayList<>();
        List<String> vanishedTokens = new ArrayList<>();
        for (int i = 0; i < examIds.size(); i++) {
            String exam = examIds.get(i);
            String stays = app.loginAs(rosters.get(i)[0]), leaves = app.loginAs(rosters.get(i)[1]);

            JsonObject attempt = started(exam, stays);
            String id = attempt.getString("id");
            assertEquals(
                    cluster.slot(ExamKeys.examAttempts(exam)),
                    cluster.slot(ExamKeys.attempt(id)),
                    "the attempt shares its exam's slot");
            assertEquals(cluster.slot(ExamKeys.deadlines(exam)), cluster.slot(ExamKeys.answers(id)));
            saveFirstOption(attempt, stays, 1);
            TestEngine.Reply again = app.post("/api/v1/exams/" + exam + "/attempts", stays, null);
            assertEquals(id, again.json().getString("id"), "5.20.3: the second start is the same attempt");
            TestEngine.Reply submitted = app.post("/api/v1/attempts/" + id + "/submit", stays, new JsonObject());
            assertEquals(200, submitted.status(), submitted.body());
            assertEquals("submitted", submitted.json().getString("status"));
            JsonObject receipt = submitted.json().getJsonObject("receipt");
            assertTrue(
                    ReceiptSigner.verify(
                            ReceiptJson.fromJson(receipt),
                            receipt.getString("signature"),
                            receipt.getString("publicKey")),
                    "a signed receipt for the submission on exam " + exam);

            JsonObject left = started(exam, leaves);
            saveFirstOption(left, leaves, 1);
            vanished.add(left.getString("id"));
            vanishedTokens.add(leaves);
        }
        assertTrue(primaries.size() >= 2, "the exams lie on several primaries: " + primaries);

        // nobody submits the others: the engine's sweeper times each out once its window has closed
        for (int i = 0; i < vanished.size(); i++) {
            String id = vanished.get(i), token = vanishedTokens.get(i);
            TestEngine.awaitUntil(
                    "the sweeper times out " + id,
                    () -> app.get("/api/v1/attempts/" + id + "/receipt", token).status() == 200,
                    Duration.ofSeconds(60));
            JsonObject receipt =
                    app.get("/api/v1/attempts/" + id + "/receipt", token).json();
            assertEquals("timed-out", receipt.getString("status"), id);
            assertEquals(3, receipt.getInteger("events"), id + ": start, one save, one time-out (finalised once)");
        }
    }

    private static JsonObject started(String exam, String token) {
        TestEngine.Reply started = app.post("/api/v1/exams/" + exam + "/attempts", token, null);
        assertEquals(201, started.status(), started.body());
        return started.json();
    }

    private static void saveFirstOption(JsonObject attempt, String token, int seq) {
        JsonObject q = attempt.getJsonArray("questions").getJsonObject(0);
        String option = q.getJsonArray("options").getJsonObject(0).getString("id");
        TestEngine.Reply saved = app.put(
                "/api/v1/attempts/" + attempt.getString("id") + "/answers/" + q.getString("id"),
                token,
                new JsonObject().put("choices", new JsonArray().add(option)).put("seq", seq));
        assertEquals(200, saved.status(), saved.body());
    }
}
