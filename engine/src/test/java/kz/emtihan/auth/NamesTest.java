package kz.emtihan.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** issue 15 (2): names for the pages come from a per-node cache; misses are read together, at most once a minute. */
class NamesTest {
    private final List<List<String>> reads = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Map<String, String> stored =
            new java.util.HashMap<>(Map.of("s1", "Aigerim Nurlanovna", "s2", "Bolat"));
    private final Names names = new Names(this::read, now::get);

    private Future<Map<String, String>> read(Collection<String> ids) {
        reads.add(List.copyOf(ids));
        Map<String, String> out = new java.util.HashMap<>();
        for (String id : ids) if (stored.containsKey(id)) out.put(id, stored.get(id));
        return Future.succeededFuture(out);
    }

    @Test
    void missesAreReadInOneBatchAndUnknownIdsLeftOut() {
        Map<String, String> got = names.of(List.of("s1", "s2", "ghost")).result();
        assertEquals(Map.of("s1", "Aigerim Nurlanovna", "s2", "Bolat"), got);
        assertEquals(List.of(List.of("s1", "s2", "ghost")), reads);
    }

    @Test
    void aSecondListWithinAMinuteIsAnsweredFromMemory() {
        names.of(List.of("s1", "ghost"));
        now.addAndGet(Names.FRESH.toMillis() - 1);
        assertEquals(
                Map.of("s1", "Aigerim Nurlanovna", "s2", "Bolat"),
                names.of(List.of("s1", "ghost", "s2")).result());
        assertEquals(List.of(List.of("s1", "ghost"), List.of("s2")), reads, "only the new id is read");
    }

    @Test
    void aRenameOnAnotherNodeIsSeenAfterAMinute() {
        names.of(List.of("s1"));
        stored.put("s1", "Aigerim Nurlanqyzy");
        assertEquals("Aigerim Nurlanovna", names.of(List.of("s1")).result().get("s1"));
        now.addAndGet(Names.FRESH.toMillis());
        assertEquals("Aigerim Nurlanqyzy", names.of(List.of("s1")).result().get("s1"));
    }

    @Test
    void aRenameOnThisNodeIsSeenAtOnce() {
        names.of(List.of("s1"));
        stored.put("s1", "Aigerim Nurlanqyzy");
        names.forget(List.of("s1"));
        assertEquals("Aigerim Nurlanqyzy", names.of(List.of("s1")).result().get("s1"));
    }
}
