package kz.emtihan.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt (at.favre.lib:bcrypt) password hashes; passwords are never stored in clear (5.11.2, 8.6.2). */
public final class Passwords {
    private final int cost;

    public Passwords(int cost) {
        this.cost = cost;
    }

    /** CPU-heavy: call off the event loop. */
    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** CPU-heavy: call off the event loop. */
    public boolean matches(String password, String hash) {
        if (hash == null || hash.isEmpty()) return false;
        return BCrypt.verifyer()
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }
}
