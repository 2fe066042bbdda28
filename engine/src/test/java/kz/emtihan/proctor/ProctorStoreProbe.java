package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.emtihan.exam.AttemptFacts;
import kz.emtihan.exam.model.AttemptStatus;
import kz.emtihan.proctor.model.Flag;
import kz.emtihan.proctor.model.FlagKind;
import kz.emtihan.proctor.model.ProctorTexts;
import kz.emtihan.store.RedisStore;

/**
 * Issue 14 (2): the proctor's store (package-private) driven directly on a store, for the Cluster test: a flag, a
 * decision recorded with its audit event in one MULTI, the hashes of many attempts read in one pipeline. The attempts
 * need not exist (their start is the exam context's), only their keys.
 */
public final class ProctorStoreProbe {
    private ProctorStoreProbe() {}

    /** Raises a flag on each attempt, records a verdict with its audit event, reads all back; asserts as it goes. */
    public static void recordAndRead(RedisStore redis, List<String> attemptIds) throws Exception {
        ProctorStore store = new ProctorStore(redis);
        Instant now = Instant.now();
        for (String id : attemptIds) {
            String exam = id.substring(id.lastIndexOf('-') + 1);
            AttemptFacts a = new AttemptFacts(
                    id,
                    exam,
                    "s-" + id,
                    AttemptStatus.IN_PROGRESS,
                    now,
                    now.plus(Duration.ofHours(1)),
                    Optional.empty(),
                    false);
            Flag raised = store.raise(
                            a, Flag.of(FlagKind.TAB_HIDDEN, now, Optional.empty(), ProctorTexts.pageReported()))
                    .await(10, TimeUnit.SECONDS);
            assertEquals("f1", raised.id());
            store.record(id, Map.of("verdict", "clean", "by", "p1"), new JsonObject().put("type", "review"))
                    .await(10, TimeUnit.SECONDS);
            assertEquals(1, store.flagsOf(id).await(10, TimeUnit.SECONDS).size());
            List<String> audit = store.auditOf(id).await(10, TimeUnit.SECONDS);
            assertTrue(audit.get(audit.size() - 1).contains("review"), audit.toString());
        }
        List<Map<String, String>> all =
                store.fieldsOf(new ArrayList<>(attemptIds)).await(10, TimeUnit.SECONDS);
        assertEquals(attemptIds.size(), all.size());
        for (Map<String, String> f : all) assertEquals("clean", f.get("verdict"), "in the order asked: " + f);
    }
}
