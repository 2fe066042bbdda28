package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.proctor.model.EvidenceKind;
import kz.emtihan.proctor.model.Flag;
import kz.emtihan.proctor.model.FlagKind;
import kz.emtihan.proctor.model.ProctorTexts;
import kz.emtihan.store.Ids;
import kz.emtihan.store.LuaScript;
import kz.emtihan.store.ScriptRedis;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * raise-flag.lua and observe.lua on a real Redis (issue 4, 3). The flag the script stores is the Java stored form
 * numbered in order, and the flag it publishes is exactly {@link Flag#toJson} of it (the evidence as the snapshot's
 * URL): the one rule of the API form, held on every kind of flag.
 */
class FlagScriptsContractTest {
    private static final LuaScript RAISE = LuaScript.load("/kz/emtihan/proctor/raise-flag.lua");
    private static final LuaScript OBSERVE = LuaScript.load("/kz/emtihan/proctor/observe.lua");
    private static final Instant AT = Instant.parse("2026-12-01T09:10:00Z");
    private static ScriptRedis redis;

    static List<Flag> flags() {
        return List.of(
                Flag.of(FlagKind.fromCode("no-face").orElseThrow(), AT, Optional.of("snap7"), ProctorTexts.noFaceRun()),
                Flag.unclear(AT, Optional.of("snap8"), ProctorTexts.cannotJudge(12, 3)),
                Flag.missing(EvidenceKind.SOCKET, AT, ProctorTexts.connectionLost()));
    }

    @BeforeAll
    static void start() throws Exception {
        redis = ScriptRedis.shared();
    }

    @ParameterizedTest
    @MethodSource("flags")
    void storesNumbersCountsAndPublishesTheJavaForms(Flag flag) {
        String id = Ids.prefixed("a");
        String exam = Ids.prefixed("e");
        var events = redis.subscribe(ExamKeys.examChannel(exam));

        String first = raise(flag, id, exam).toString();
        String second = raise(flag, id, exam).toString();

        assertEquals(List.of("f1", "f2"), List.of(first, second), "numbered in order");
        List<String> stored = redis.list(ProctorKeys.flags(id));
        assertEquals(FlagJson.toStored(flag.numbered("f1")), new JsonObject(stored.get(0)));
        assertEquals(FlagJson.toStored(flag.numbered("f2")), new JsonObject(stored.get(1)));
        JsonObject event = ScriptRedis.next(events);
        assertEquals(
                new JsonObject()
                        .put("type", "flag")
                        .put("examId", exam)
                        .put("attemptId", id)
                        .put("studentId", "s1")
                        .put("flag", FlagJson.toJson(flag.numbered("f1"), id, Language.EN)),
                event);
        String counted =
                flag.insufficientEvidence() ? "unclear" : "count:" + flag.kind().code();
        assertEquals(
                2L, redis.cmd(Command.HGET, ProctorKeys.proctor(id), counted).toLong());
        assertEquals(
                2L, redis.cmd(Command.HGET, ProctorKeys.proctor(id), "flags").toLong());
        JsonObject audit = new JsonObject(redis.list(ProctorKeys.audit(id)).get(0));
        assertEquals("flag", audit.getString("type"));
        assertEquals(FlagJson.toStored(flag.numbered("f1")), audit.getJsonObject("flag"));
    }

    @Test
    void observeKeepsTheWindowAndCountsTheSnapshots() {
        String id = Ids.prefixed("a");
        List<String> last = new ArrayList<>();
        for (int i = 0; i < 6; i++) last = observe(id, i + "|1", 4, "snap" + i);
        assertEquals(List.of("2|1", "3|1", "4|1", "5|1"), last, "the last 4, oldest first");
        assertEquals(
                6L,
                redis.cmd(Command.HGET, ProctorKeys.proctor(id), "snapshots").toLong());
        assertEquals(
                "snap5",
                redis.cmd(Command.HGET, ProctorKeys.proctor(id), "lastSnapshot").toString());
    }

    private static Response raise(Flag flag, String id, String exam) {
        return redis.run(
                RAISE,
                List.of(ProctorKeys.flags(id), ProctorKeys.proctor(id), ProctorKeys.audit(id)),
                List.of(FlagJson.toStored(flag).encode(), id, exam, "s1", ExamKeys.examChannel(exam)));
    }

    private static List<String> observe(String id, String observation, int window, String snapshot) {
        Response r = redis.run(
                OBSERVE,
                List.of(ProctorKeys.observations(id), ProctorKeys.proctor(id)),
                List.of(observation, Integer.toString(window), snapshot, AT.toString(), observation.substring(0, 1)));
        List<String> out = new ArrayList<>();
        for (Response x : r) out.add(x.toString());
        return out;
    }
}
