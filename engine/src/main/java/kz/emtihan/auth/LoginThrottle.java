package kz.emtihan.auth;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.emtihan.auth.model.LoginDelay;
import kz.emtihan.auth.model.LoginDelay.Failures;
import kz.emtihan.config.LoginSettings;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.store.RedisStore;

/**
 * Failed sign-ins counted in Redis, so every node agrees (issue 10, 2): per account from one address, per address,
 * per account. A sign-in first reads the three counters (one round trip) and is refused with 429 and Retry-After,
 * before any bcrypt work, while {@link LoginDelay.Rules} say it must wait. In the same round trip it is counted as in
 * flight for its account and address until its answer is known ({@link #done}): an attempt that starts while another
 * of the same account and address is still being hashed is a suspect, so a burst sent all at once, before its first
 * failure is stored, is hashed aside a few at a time and refused beyond that, not hashed in full.
 */
public final class LoginThrottle {
    /** How long an attempt counts as in flight should its node never say it is done (a crash mid-sign-in). */
    private static final Duration IN_FLIGHT_AT_MOST = Duration.ofSeconds(30);

    private final Redis redis;
    private final RedisStore store;
    private final LoginSettings settings;
    private final Clock clock;

    public LoginThrottle(RedisStore store, LoginSettings settings, Clock clock) {
        this.store = store;
        this.redis = store.redis();
        this.settings = settings;
        this.clock = clock;
    }

    /** What the counters say of one attempt: go ahead (maybe as a suspect), or 429. */
    public record Check(boolean suspect) {}

    /** The 429 for a wait; its {@code retryAfter} (seconds) also goes into the Retry-After header. */
    public static Refusal tooMany(Duration wait) {
        long seconds = LoginDelay.retryAfterSeconds(wait);
        return Refusal.of(AuthRefusal.TOO_MANY_ATTEMPTS, seconds).withDetails(Map.of("retryAfter", seconds));
    }

    /** Reads the counters and counts the attempt in flight; every attempt checked must be {@link #done} whatever its end. */
    public Future<Check> check(String account, String address) {
        String inFlight = AuthKeys.loginsInFlight(account, address);
        // no atomicity needed: on a Cluster one batch per slot, sent together (issue 14, 2)
        return store.pipeline(List.of(
                        read(AuthKeys.loginFailures(account, address)),
                        read(AuthKeys.loginFailuresFrom(address)),
                        read(AuthKeys.loginFailuresOf(account)),
                        Request.cmd(Command.INCR).arg(inFlight),
                        Request.cmd(Command.PEXPIRE).arg(inFlight).arg(IN_FLIGHT_AT_MOST.toMillis())))
                .compose(r -> {
                    Failures pair = failures(r.get(0));
                    Failures from = failures(r.get(1));
                    boolean alongside = r.get(3).toLong() > 1;
                    Duration wait =
                            settings.rules().wait(pair, from, failures(r.get(2)), Instant.ofEpochMilli(clock.millis()));
                    if (!wait.isZero())
                        return done(account, address).<Check>transform(x -> Future.failedFuture(tooMany(wait)));
                    return Future.succeededFuture(
                            new Check(alongside || settings.rules().suspect(pair, from)));
                });
    }

    /** The attempt's answer is known: it is no longer in flight. */
    public Future<Void> done(String account, String address) {
        return redis.send(Request.cmd(Command.DECR).arg(AuthKeys.loginsInFlight(account, address)))
                .mapEmpty();
    }

    /** One more failure on each counter, each kept for the window after its last failure. */
    public Future<Void> failed(String account, String address) {
        long now = clock.millis();
        List<Request> tx = new ArrayList<>();
        for (String key : List.of(
                AuthKeys.loginFailures(account, address),
                AuthKeys.loginFailuresFrom(address),
                AuthKeys.loginFailuresOf(account))) {
            tx.add(Request.cmd(Command.HINCRBY).arg(key).arg("n").arg(1));
            tx.add(Request.cmd(Command.HSET).arg(key).arg("last").arg(now));
            tx.add(Request.cmd(Command.PEXPIRE).arg(key).arg(settings.window().toMillis()));
        }
        return store.atomically(tx).mapEmpty(); // each counter whole (on a Cluster: per slot, issue 14, 2)
    }

    /** A right password clears this account's counter for this address (the others keep counting strangers). */
    public Future<Void> succeeded(String account, String address) {
        return redis.send(Request.cmd(Command.DEL).arg(AuthKeys.loginFailures(account, address)))
                .mapEmpty();
    }

    /** The client's address: the connection's peer, or the configured header of a trusted reverse proxy. */
    public String address(RoutingContext ctx) {
        if (settings.clientAddressHeader().isPresent()) {
            String value =
                    ctx.request().getHeader(settings.clientAddressHeader().get());
            if (value != null && !value.isBlank()) {
                String[] hops = value.split(",");
                String last = hops[hops.length - 1].trim(); // the hop our own proxy added
                if (!last.isEmpty() && last.length() <= 64) return last;
            }
        }
        var remote = ctx.request().remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }

    private static Request read(String key) {
        return Request.cmd(Command.HMGET).arg(key).arg("n").arg("last");
    }

    private static Failures failures(Response r) {
        if (r == null || r.get(0) == null || r.get(1) == null) return Failures.NONE;
        try {
            return new Failures(
                    Integer.parseInt(r.get(0).toString()),
                    Instant.ofEpochMilli(Long.parseLong(r.get(1).toString())));
        } catch (NumberFormatException e) {
            return Failures.NONE;
        }
    }
}
