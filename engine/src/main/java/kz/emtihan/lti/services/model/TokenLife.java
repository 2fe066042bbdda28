package kz.emtihan.lti.services.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Issue 16 (3): how long an access token from the platform's token endpoint is used: until shortly before it
 * expires ({@code expires_in} seconds after it was issued), a tenth of its life or a minute earlier, whichever is
 * less, so a call never goes out with a token about to lapse.
 */
public final class TokenLife {
    private TokenLife() {}

    public static Instant usableUntil(Instant issuedAt, long expiresInSeconds) {
        Duration life = Duration.ofSeconds(Math.max(0, expiresInSeconds));
        Duration margin =
                life.dividedBy(10).compareTo(Duration.ofMinutes(1)) < 0 ? life.dividedBy(10) : Duration.ofMinutes(1);
        return issuedAt.plus(life).minus(margin);
    }
}
