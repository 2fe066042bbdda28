package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.util.List;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.proctor.model.EvidenceGapCases;
import kz.emtihan.proctor.model.EvidenceKind;
import kz.emtihan.store.Ids;
import kz.emtihan.store.LuaScript;
import kz.emtihan.store.ScriptRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * evidence-gap.lua and evidence-seen.lua on a real Redis (issue 10, 4). The gap script decides "missing" as
 * {@code EvidenceRule.missing} does, row by row of their shared table ({@link EvidenceGapCases}), and claims a gap
 * once; the seen script closes it once, with its audit entry and event.
 */
class EvidenceScriptsContractTest {
    private static final LuaScript GAP = LuaScript.load("/kz/emtihan/proctor/evidence-gap.lua");
    private static final LuaScript SEEN = LuaScript.load("/kz/emtihan/proctor/evidence-seen.lua");
    private static final EvidenceKind KIND = EvidenceKind.SNAPSHOTS;
    private static final String EXAM = "e1";
    private static ScriptRedis redis;

    @BeforeAll
    static void start() throws Exception {
        redis = ScriptRedis.shared();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kz.emtihan.proctor.model.EvidenceGapCases#all")
    void decidesAsTheJavaRule(EvidenceGapCases.Case c) {
        String id = inProgress();
        long now = redis.now();
        long watchedSeen = now - c.watchedSeenAgo();
        redis.cmd(Command.ZADD, ProctorKeys.evidenceWatched(EXAM, KIND), watchedSeen, id);
        long callerSeen = c.callerSeenAgo() < 0 ? 0 : now - c.callerSeenAgo();

        Response r = gap(id, c.limitMillis(), callerSeen);

        long seen = Math.max(watchedSeen, callerSeen);
        assertEquals(List.of(c.missing() ? "missing" : "present", Long.toString(seen)), strings(r));
        Response inGap = redis.cmd(Command.ZSCORE, ProctorKeys.evidenceGaps(EXAM, KIND), id);
        Response watched = redis.cmd(Command.ZSCORE, ProctorKeys.evidenceWatched(EXAM, KIND), id);
        if (c.missing()) {
            assertEquals((double) seen, inGap.toDouble(), "in the gap set since it was last seen");
            assertNull(watched, "no longer watched: one flag per gap");
            assertEquals(
                    Long.toString(seen),
                    redis.cmd(Command.HGET, ProctorKeys.proctor(id), "missing:" + KIND.code())
                            .toString());
            assertEquals("not-watched", gap(id, c.limitMillis(), 0).get(0).toString(), "a gap is claimed once");
        } else {
            assertNull(inGap);
            assertEquals((double) seen, watched.toDouble(), "still watched, from the later sighting");
        }
    }

    @Test
    void aFinishedAttemptIsForgotten() {
        String id = inProgress();
        redis.cmd(Command.ZADD, ProctorKeys.evidenceWatched(EXAM, KIND), 1, id);
        redis.cmd(Command.HSET, ExamKeys.attempt(id), "status", "submitted");
        assertEquals("gone", gap(id, 30_000, 0).get(0).toString());
        assertNull(redis.cmd(Command.ZSCORE, ProctorKeys.evidenceWatched(EXAM, KIND), id));
    }

    @Test
    void evidenceThatResumesEndsTheGapOnceWithItsAuditEntryAndEvent() {
        String id = inProgress();
        long since = redis.now() - 90_000;
        redis.cmd(Command.ZADD, ProctorKeys.evidenceGaps(EXAM, KIND), since, id);
        redis.cmd(Command.HSET, ProctorKeys.proctor(id), "missing:" + KIND.code(), since);
        var events = redis.subscribe(ExamKeys.examChannel(EXAM));

        assertEquals("resumed", seen(id).toString());
        assertEquals("seen", seen(id).toString(), "the gap is closed once");

        assertNull(redis.cmd(Command.ZSCORE, ProctorKeys.evidenceGaps(EXAM, KIND), id));
        assertTrue(
                redis.cmd(Command.ZSCORE, ProctorKeys.evidenceWatched(EXAM, KIND), id)
                                .toDouble()
                        > since,
                "watched again");
        assertNull(redis.cmd(Command.HGET, ProctorKeys.proctor(id), "missing:" + KIND.code()));
        List<String> audit = redis.list(ProctorKeys.audit(id));
        assertEquals(1, audit.size());
        JsonObject entry = new JsonObject(audit.get(0));
        assertEquals("evidence-resumed", entry.getString("type"));
        assertEquals(KIND.code(), entry.getString("evidence"));
        assertTrue(entry.getLong("missingMillis") >= 90_000, entry.encode());
        JsonObject event = ScriptRedis.next(events);
        assertEquals("evidence-resumed", event.getString("type"));
        assertEquals(
                List.of(EXAM, id, "s1"),
                List.of(event.getString("examId"), event.getString("attemptId"), event.getString("studentId")));
        assertEquals(entry.getLong("missingMillis"), event.getLong("missingMillis"));
    }

    @Test
    void evidenceOfAnUnwatchedAttemptDoesNotStartAWatch() {
        String id = inProgress();
        assertEquals("seen", seen(id).toString());
        assertNull(redis.cmd(Command.ZSCORE, ProctorKeys.evidenceWatched(EXAM, KIND), id), "ZADD XX: only refreshes");
    }

    private static String inProgress() {
        String id = Ids.prefixed("a") + "-" + EXAM; // issue 14 (2): as the engine names it, in its exam's slot
        redis.cmd(Command.HSET, ExamKeys.attempt(id), "status", "in-progress");
        return id;
    }

    private static Response gap(String id, long limit, long callerSeen) {
        return redis.run(
                GAP,
                List.of(
                        ProctorKeys.evidenceWatched(EXAM, KIND),
                        ProctorKeys.evidenceGaps(EXAM, KIND),
                        ExamKeys.attempt(id),
                        ProctorKeys.proctor(id)),
                List.of(id, KIND.code(), Long.toString(limit), Long.toString(callerSeen)));
    }

    private static Response seen(String id) {
        return redis.run(
                SEEN,
                List.of(
                        ProctorKeys.evidenceWatched(EXAM, KIND),
                        ProctorKeys.evidenceGaps(EXAM, KIND),
                        ProctorKeys.proctor(id),
                        ProctorKeys.audit(id)),
                List.of(id, KIND.code(), "2026-12-01T09:00:00Z", EXAM, "s1", ExamKeys.examChannel(EXAM)));
    }

    private static List<String> strings(Response r) {
        return List.of(r.get(0).toString(), r.get(1).toString());
    }
}
