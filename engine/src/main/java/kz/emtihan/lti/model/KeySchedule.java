package kz.emtihan.lti.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Issue 16 (1): when each of the tool's RS256 keys is published and when it signs. A new key is published at once but
 * signs only from {@code signsFrom} (a rotation's lead time), so a platform that caches the tool's JWKS has it before
 * the first token signed with it; the key it replaces keeps being published until {@code retiresAt}, so the tokens it
 * signed while in flight still verify.
 */
public final class KeySchedule {
    /** One key as the schedule sees it (the private part is not the schedule's business). */
    public record Entry(String kid, Instant created, Instant signsFrom, Optional<Instant> retiresAt) {}

    private KeySchedule() {}

    /** The key that signs at {@code now}: the newest whose {@code signsFrom} has come and that is not retired. */
    public static Optional<Entry> signing(List<Entry> keys, Instant now) {
        return keys.stream()
                .filter(k -> !k.signsFrom().isAfter(now))
                .filter(k -> k.retiresAt().map(now::isBefore).orElse(true))
                .max(Comparator.comparing(Entry::signsFrom).thenComparing(Entry::created));
    }

    /** The keys in the JWKS at {@code now}: every key not yet retired, the one waiting to sign included. */
    public static List<Entry> published(List<Entry> keys, Instant now) {
        return keys.stream()
                .filter(k -> k.retiresAt().map(now::isBefore).orElse(true))
                .sorted(Comparator.comparing(Entry::created))
                .toList();
    }

    /**
     * A rotation at {@code now}: the new key signs after {@code lead} (at once when no key signs now: there is nothing
     * to wait for); every key published now (the one signing included) retires {@code keepOld} after the new one
     * starts signing, unless it retires earlier already.
     */
    public static List<Entry> rotate(List<Entry> keys, String newKid, Instant now, Duration lead, Duration keepOld) {
        Instant starts = signing(keys, now).isPresent() ? now.plus(lead) : now;
        Instant retire = starts.plus(keepOld);
        List<Entry> out = new java.util.ArrayList<>();
        for (Entry k : published(keys, now))
            out.add(new Entry(
                    k.kid(),
                    k.created(),
                    k.signsFrom(),
                    Optional.of(k.retiresAt().filter(r -> r.isBefore(retire)).orElse(retire))));
        out.add(new Entry(newKid, now, starts, Optional.empty()));
        return out;
    }
}
