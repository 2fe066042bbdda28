package kz.emtihan.sitting.model;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 6.15.6: "a random number generator draws the exam ticket number" in the student's presence, made checkable
 * by commit-reveal. Before the sitting's first draw the server publishes the commitment {@code SHA-256(seed)}
 * (lower-case hex) of a secret 32-byte seed; after the sitting's last draw it reveals the seed (hex), and anyone
 * recomputes every ticket:
 *
 * <pre>
 *   message = UTF-8("emtihan-ticket-v1" \n sittingId \n studentId \n drawNumber \n studentWord)
 *   index   = unsigned big-endian integer of HMAC-SHA256(key = seed, message)  mod  available.size()
 *   ticket  = available[index]      (available = the ticket numbers still open, ascending, no repeats)
 * </pre>
 *
 * {@code drawNumber} is the draw's place in the sitting (1, 2, 3 ...; a redraw after an act of technical
 * failure is a new draw with the next number). {@code studentWord} is an optional word the student says or types
 * before the draw ("" if none): the server cannot know it when it commits, so it cannot have chosen the seed to
 * give a student a particular ticket. The modulo bias is below {@code available.size() / 2^256}.
 *
 * <p>The rule is deterministic; {@link #newSeed()} is the only place randomness enters. The recipe, byte by byte
 * with a worked example that the tests recompute (in Java and in Node), is in {@code docs/verification.md}
 * ("The ticket draw"); an outsider needs only that page and what {@code GET /sittings/{id}/draws} publishes.
 */
public final class TicketDraw {
    public static final int SEED_BYTES = 32;
    public static final String DOMAIN = "emtihan-ticket-v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketDraw() {}

    /**
     * What a draw is computed from besides the seed. Fields must not contain a line feed (it separates them).
     *
     * @param drawNumber 1 for the sitting's first draw
     */
    public record Input(String sittingId, String studentId, int drawNumber, String studentWord) {
        public Input {
            requireLine("sittingId", sittingId, false);
            requireLine("studentId", studentId, false);
            requireLine("studentWord", studentWord, true);
            if (drawNumber < 1) throw new IllegalArgumentException("drawNumber starts at 1, was " + drawNumber);
        }

        /** The exact bytes the HMAC is computed over. */
        public byte[] message() {
            return String.join("\n", DOMAIN, sittingId, studentId, Integer.toString(drawNumber), studentWord)
                    .getBytes(StandardCharsets.UTF_8);
        }

        private static void requireLine(String name, String value, boolean mayBeEmpty) {
            if (value == null || (!mayBeEmpty && value.isBlank()))
                throw new IllegalArgumentException(name + " is required");
            if (value.indexOf('\n') >= 0) throw new IllegalArgumentException(name + " must not contain a line feed");
        }
    }

    /** The revealed seed does not hash to the published commitment: the draw cannot be trusted. */
    public static final class CommitmentMismatch extends IllegalArgumentException {
        public CommitmentMismatch(String commitmentHex) {
            super("the revealed seed does not match the commitment " + commitmentHex);
        }
    }

    /** A fresh secret seed of {@value #SEED_BYTES} bytes from {@link SecureRandom}. */
    public static byte[] newSeed() {
        byte[] seed = new byte[SEED_BYTES];
        RANDOM.nextBytes(seed);
        return seed;
    }

    /** The commitment to publish before the draw: SHA-256 of the seed's bytes, lower-case hex. */
    public static String commitment(byte[] seed) {
        requireSeed(seed);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code seed} is the one committed to (hex compared case-insensitively). */
    public static boolean matches(String commitmentHex, byte[] seed) {
        return commitmentHex != null
                && commitment(seed).equals(commitmentHex.trim().toLowerCase(Locale.ROOT));
    }

    /** Reads a revealed seed written as hex (either case). */
    public static byte[] seedFromHex(String hex) {
        byte[] seed = HexFormat.of().parseHex(hex.trim());
        requireSeed(seed);
        return seed;
    }

    /** The seed as lower-case hex, the form in which it is revealed. */
    public static String seedToHex(byte[] seed) {
        requireSeed(seed);
        return HexFormat.of().formatHex(seed);
    }

    /**
     * The ticket this draw gives. {@code available} may come in any order; it is put in canonical order
     * (ascending ticket numbers) first, so how a store lists the tickets does not matter.
     *
     * @throws IllegalStateException when no ticket is available
     */
    public static int ticket(byte[] seed, Input input, Collection<Integer> available) {
        List<Integer> canonical = canonical(available);
        if (canonical.isEmpty())
            throw new IllegalStateException("no ticket is left to draw in sitting " + input.sittingId());
        BigInteger n = new BigInteger(1, hmacSha256(seed, input.message()));
        return canonical.get(n.mod(BigInteger.valueOf(canonical.size())).intValue());
    }

    /**
     * An outside check of one draw: the ticket the revealed seed gives.
     *
     * @throws CommitmentMismatch when the revealed seed is not the committed one
     */
    public static int verify(String commitmentHex, byte[] revealedSeed, Input input, Collection<Integer> available) {
        if (!matches(commitmentHex, revealedSeed)) throw new CommitmentMismatch(commitmentHex);
        return ticket(revealedSeed, input, available);
    }

    /** Ticket numbers ascending without repeats; a number below 1 is refused. */
    static List<Integer> canonical(Collection<Integer> tickets) {
        TreeSet<Integer> sorted = new TreeSet<>(tickets);
        if (!sorted.isEmpty() && sorted.first() < 1) throw new IllegalArgumentException("ticket numbers start at 1");
        return List.copyOf(sorted);
    }

    private static byte[] hmacSha256(byte[] key, byte[] message) {
        requireSeed(key);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("a seed is " + SEED_BYTES + " bytes");
        }
    }
}
