package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, 4: two engine nodes on one Redis both scan for missing evidence; each gap is flagged once, by one of
 * them (evidence-gap.lua claims it atomically).
 */
class EvidenceTwoNodesTest {
    static final String SHARED_SECRET = "a-secret-both-nodes-share-0123456789";
    static TestEngine nodeA;
    static TestEngine nodeB;

    @BeforeAll
    static void start() {
        Map<String, String> env = new HashMap<>(Map.of(
                "EMTIHAN_AUTH_JWT_SECRET",
                SHARED_SECRET,
                "EMTIHAN_PROCTORING_CHUNK_MILLIS",
                "300",
                "EMTIHAN_PROCTORING_SOCKET_SECONDS",
                "1",
                "EMTIHAN_PROCTORING_EVIDENCE_MISSING_AFTER",
                "2",
                "EMTIHAN_PROCTORING_EVIDENCE_GRACE_SECONDS",
                "0"));
        nodeA = TestEngine.start(env);
        env.put(
                "EMTIHAN_REDIS_URL",
                nodeA.engine().embeddedRedis().orElseThrow().url());
        nodeB = TestEngine.start(env);
        nodeA.users("teacher", "t1");
        nodeA.users("proctor", "p1");
        nodeA.users("student", "s1");
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    private static long missingFlags(String attempt, String proctor) {
        JsonArray flags =
                nodeA.get("/api/v1/attempts/" + attempt + "/flags", proctor).array();
        return flags.stream()
                .map(JsonObject.class::cast)
                .filter(f -> "evidence-missing".equals(f.getString("kind")))
                .count();
    }

    @Test
    void eachGapIsFlaggedOnceWhateverTheNumberOfNodesScanning() throws Exception {
        String teacher = nodeA.loginAs("t1");
        String proctor = nodeA.loginAs("p1");
        String exam = ProctorFixtures.proctoredExam(nodeA, teacher, "s1");
        String attempt = ProctorFixtures.start(nodeA, nodeA.loginAs("s1"), exam);
        // no socket, no chunks: the socket and both recordings go missing
        TestEngine.awaitUntil(
                "three evidence-missing flags", () -> missingFlags(attempt, proctor) >= 3, Duration.ofSeconds(20));

        List<Future<Integer>> scans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            scans.add(nodeA.engine().services().proctor().evidence().scan());
            scans.add(nodeB.engine().services().proctor().evidence().scan());
        }
        Future.all(scans).await(10, TimeUnit.SECONDS);
        JsonArray flags =
                nodeB.get("/api/v1/attempts/" + attempt + "/flags", proctor).array();
        List<String> missing = flags.stream()
                .map(JsonObject.class::cast)
                .filter(f -> "evidence-missing".equals(f.getString("kind")))
                .map(f -> f.getString("missing"))
                .sorted()
                .toList();
        assertEquals(
                List.of("camera-recording", "screen-recording", "socket"),
                missing,
                "one flag per gap: " + flags.encode());
    }
}
