package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import kz.emtihan.store.Ids;
import kz.emtihan.store.LuaScript;
import kz.emtihan.store.ScriptRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * replace-sitting.lua on a real Redis: the sitting's document is replaced only when the version the step read is
 * still the stored one (two commission members scoring at once both land, one after the other: SittingStore
 * reloads and applies again on 0), the version goes up by one, and the change is published on the sitting's
 * channel; a refused replace changes and publishes nothing.
 */
class ReplaceSittingContractTest {
    private static final LuaScript REPLACE = LuaScript.load("/kz/emtihan/sitting/replace-sitting.lua");
    private static ScriptRedis redis;

    @BeforeAll
    static void start() throws Exception {
        redis = ScriptRedis.shared();
    }

    /** stored version (null: no sitting), version the step read, replaced? */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("3", "3", true),
                Arguments.of("0", "0", true),
                Arguments.of("4", "3", false), // another member's score landed first
                Arguments.of("3", "4", false), // a version from the future: never from this engine
                Arguments.of(null, "0", false)); // no such sitting: nothing is created
    }

    @ParameterizedTest(name = "stored {0}, read {1} -> replaced {2}")
    @MethodSource("cases")
    void replacesOnlyTheVersionThatWasRead(String stored, String read, boolean replaced) throws Exception {
        String id = Ids.prefixed("s");
        String key = SittingKeys.sitting(id);
        if (stored != null) redis.cmd(Command.HSET, key, "version", stored, "doc", "{\"old\":true}");
        BlockingQueue<String> events = redis.subscribe(SittingKeys.channel(id));
        String event =
                new JsonObject().put("type", "sitting").put("sittingId", id).encode();

        Response r = redis.run(REPLACE, List.of(key), List.of(read, "{\"new\":true}", SittingKeys.channel(id), event));

        assertEquals(replaced ? 1L : 0L, r.toLong());
        Response version = redis.cmd(Command.HGET, key, "version");
        Response doc = redis.cmd(Command.HGET, key, "doc");
        if (replaced) {
            assertEquals(Long.parseLong(read) + 1, version.toLong(), "the version goes up by one");
            assertEquals("{\"new\":true}", doc.toString());
            assertEquals(new JsonObject(event), ScriptRedis.next(events), "the pages hear of the change");
        } else if (stored == null) {
            assertNull(version, "no document is created for a sitting that does not exist");
        } else {
            assertEquals(stored, version.toString(), "a refused replace keeps the version");
            assertEquals("{\"old\":true}", doc.toString(), "and the document");
            redis.cmd(Command.PUBLISH, SittingKeys.channel(id), "marker");
            assertEquals(
                    "marker",
                    events.poll(5, java.util.concurrent.TimeUnit.SECONDS),
                    "nothing was published before the marker");
        }
    }
}
