package kz.emtihan.store;

import io.vertx.redis.client.Request;
import io.vertx.redis.client.impl.RequestImpl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 14 (2): Redis Cluster's hash slots, computed as the servers compute them ({@code CLUSTER KEYSLOT}): CRC16
 * (XMODEM) of the key modulo 16,384, where a key with a hash tag ({@code {...}}: the first {@code {}, the first
 * {@code }} after it, something between) is hashed by the tag alone. A Cluster runs a MULTI/EXEC or a script only
 * when all its keys share one slot, and the Vert.x cluster client refuses a batch whose keys live on different nodes;
 * {@link #groups} splits a batch into per-slot groups, {@link #beside} names a key in another key's slot.
 */
public final class Slots {
    /** How many slots a Cluster has. */
    public static final int COUNT = 16_384;

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private Slots() {}

    /** The key's slot, as {@code CLUSTER KEYSLOT} answers it. */
    public static int of(String key) {
        return of(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The slot of a key given as the bytes Redis receives. */
    public static int of(byte[] key) {
        int from = 0;
        int to = key.length;
        int open = indexOf(key, (byte) '{', 0);
        if (open >= 0) {
            int close = indexOf(key, (byte) '}', open + 1);
            if (close > open + 1) {
                from = open + 1;
                to = close;
            }
        }
        int crc = 0;
        for (int i = from; i < to; i++) crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ key[i]) & 0xFF]) & 0xFFFF;
        return crc % COUNT;
    }

    /** The part of the key that decides its slot: its hash tag's content when it has one, else the whole key. */
    public static String hashed(String key) {
        int open = key.indexOf('{');
        if (open >= 0) {
            int close = key.indexOf('}', open + 1);
            if (close > open + 1) return key.substring(open + 1, close);
        }
        return key;
    }

    /**
     * A key in the slot of {@code key}: {@code key + suffix} when {@code key} has a hash tag (appending keeps the first
     * tag), else {@code {key}suffix} ({@code beside("bank:b1", ":trail")} is {@code {bank:b1}:trail}, in the slot of
     * {@code bank:b1}). Follows a renaming of {@code key} by itself: the result always shares its slot.
     */
    public static String beside(String key, String suffix) {
        if (!hashed(key).equals(key)) return key + suffix;
        // a key with a } but no tag cannot lend its slot to a tag; none of ours has one (ids have no braces), and a
        // made-up id from a request only names a key that does not exist: no exception for it
        return "{" + key + "}" + suffix;
    }

    /**
     * The requests grouped by slot, each group in the order given, groups in the order of their first request. A
     * request without keys (PUBLISH, TIME) joins the group of the request before it (an announcement stays with the
     * change it announces), or the first group when it comes first.
     */
    public static List<List<Integer>> groups(List<Request> requests) {
        Map<Integer, List<Integer>> bySlot = new LinkedHashMap<>();
        List<Integer> keyless = new ArrayList<>();
        List<Integer> last = null;
        for (int i = 0; i < requests.size(); i++) {
            List<byte[]> keys = keys(requests.get(i));
            if (keys.isEmpty()) {
                if (last == null) keyless.add(i);
                else last.add(i);
                continue;
            }
            int slot = of(keys.get(0));
            for (byte[] k : keys)
                if (of(k) != slot)
                    throw new IllegalArgumentException("one request over keys of several slots: "
                            + requests.get(i).command());
            last = bySlot.computeIfAbsent(slot, s -> new ArrayList<>());
            last.add(i);
        }
        List<List<Integer>> out = new ArrayList<>(bySlot.values());
        if (out.isEmpty()) out.add(keyless);
        else out.get(0).addAll(0, keyless);
        return out;
    }

    /** The keys of a request as the client itself finds them (the same reading its cluster routing uses). */
    static List<byte[]> keys(Request request) {
        return ((RequestImpl) request).keys();
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) if (a[i] == b) return i;
        return -1;
    }
}
