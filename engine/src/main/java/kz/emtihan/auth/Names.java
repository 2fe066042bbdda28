package kz.emtihan.auth;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * People's full names for the pages that show a person (issue 15, 2): a small per-node cache in front of the user
 * directory. Names change rarely, so a list of 10,000 students is read from the store once a minute at most; the ids
 * not cached are read in one pipelined batch (one round trip however many). A name changed on this node is seen at
 * once; one changed on another node within {@link #FRESH}. Ids without an account are remembered as such and left out.
 */
public final class Names {
    /** How long a name read from the store is shown without reading it again. */
    static final Duration FRESH = Duration.ofMinutes(1);
    /** Beyond this many remembered ids the cache starts over (a bound on memory, far above one exam day). */
    static final int MOST = 100_000;

    private record Entry(String name, long readAt) {}

    private final Function<Collection<String>, Future<Map<String, String>>> store;
    private final LongSupplier millis;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /**
     * @param store reads id → name for the ids with an account, in one round trip
     * @param millis the node's clock
     */
    public Names(Function<Collection<String>, Future<Map<String, String>>> store, LongSupplier millis) {
        this.store = store;
        this.millis = millis;
    }

    /** id → full name for those of {@code ids} that have an account; the others are absent from the map. */
    public Future<Map<String, String>> of(Collection<String> ids) {
        long now = millis.getAsLong();
        Map<String, String> found = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null) continue;
            Entry e = cache.get(id);
            if (e != null && now - e.readAt() < FRESH.toMillis()) {
                if (e.name() != null) found.put(id, e.name());
            } else missing.add(id);
        }
        if (missing.isEmpty()) return Future.succeededFuture(found);
        return store.apply(missing).map(read -> {
            if (cache.size() + missing.size() > MOST) cache.clear();
            for (String id : missing) {
                String name = read.get(id);
                cache.put(id, new Entry(name, now));
                if (name != null) found.put(id, name);
            }
            return found;
        });
    }

    /** The account's name changed on this node: read it again next time. */
    void forget(Collection<String> ids) {
        ids.forEach(cache::remove);
    }
}
