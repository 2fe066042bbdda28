package kz.emtihan.audit.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 5.16: the engine's receipt keys, oldest first: retired keys with their periods and, last, the current key.
 * Periods follow each other without overlap (a rotation at T ends the old key's period and starts the new
 * one's at T), so a receipt's {@code submittedAt} names exactly one key that may have signed it.
 */
public record KeyRing(List<ReceiptKey> keys) {
    /** What a receipt's key says about the receipt, before its signature is checked. */
    public enum KeyCheck {
        IN_PERIOD,
        UNKNOWN_KEY,
        OUTSIDE_PERIOD
    }

    public KeyRing {
        keys = keys.stream().sorted(Comparator.comparing(ReceiptKey::validFrom)).toList();
        if (keys.isEmpty()) throw new IllegalArgumentException("a key ring needs a key");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            ReceiptKey k = keys.get(i);
            if (!ids.add(k.keyId())) throw new IllegalArgumentException("key " + k.keyId() + " is listed twice");
            boolean last = i == keys.size() - 1;
            if (last != k.current())
                throw new IllegalArgumentException("only the newest key is current; every other is retired");
            if (!last && k.validUntil().get().isAfter(keys.get(i + 1).validFrom())) {
                throw new IllegalArgumentException("the periods of " + k.keyId() + " and "
                        + keys.get(i + 1).keyId() + " overlap");
            }
        }
    }

    public static KeyRing of(ReceiptKey first) {
        return new KeyRing(List.of(first));
    }

    public ReceiptKey current() {
        return keys.get(keys.size() - 1);
    }

    public Optional<ReceiptKey> byId(String keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    /** The key whose period holds a receipt submitted at {@code at}, if any. */
    public Optional<ReceiptKey> covering(Instant at) {
        return keys.stream().filter(k -> k.covers(at)).findFirst();
    }

    /**
     * Retires the current key at {@code at} and makes {@code publicKey} current from {@code at}.
     *
     * @throws IllegalArgumentException when {@code at} is not after the current key's start, or the key is known
     */
    public KeyRing rotate(String publicKey, Instant at) {
        ReceiptKey old = current();
        if (!at.isAfter(old.validFrom()))
            throw new IllegalArgumentException("a rotation must come after " + old.validFrom());
        List<ReceiptKey> next = new ArrayList<>(keys.subList(0, keys.size() - 1));
        next.add(old.retiredAt(at));
        next.add(ReceiptKey.of(publicKey, at));
        return new KeyRing(next);
    }

    /** Whether the receipt's key is one of the engine's and its {@code submittedAt} falls in that key's period. */
    public KeyCheck check(String keyId, String submittedAt) {
        Optional<ReceiptKey> key = byId(keyId);
        if (key.isEmpty()) return KeyCheck.UNKNOWN_KEY;
        try {
            return key.get().covers(Instant.parse(submittedAt)) ? KeyCheck.IN_PERIOD : KeyCheck.OUTSIDE_PERIOD;
        } catch (DateTimeParseException | NullPointerException e) {
            return KeyCheck.OUTSIDE_PERIOD;
        }
    }
}
