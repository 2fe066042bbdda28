package kz.emtihan.lti;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import kz.emtihan.lti.model.Launch;
import kz.emtihan.lti.model.LaunchCheck;
import kz.emtihan.lti.model.LtiRefusal;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.store.RedisStore;

/**
 * Issue 16 (2): OIDC third-party login initiation and the launch it leads to. The login initiation names the platform;
 * the tool answers where the browser goes (the platform's authorisation endpoint, with a fresh state and nonce kept in
 * Redis for {@code lti.stateMinutes}); the page keeps the state in the browser (sessionStorage) and hands it back
 * with the id_token, so a launch is let in only in the browser that began it, without a cookie. The id_token is then
 * checked ({@link LaunchCheck}), its nonce recorded as used, and the person signed in ({@link LaunchSignIn}).
 */
public final class Launches {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final RedisStore store;
    private final RedisLtiDirectory directory;
    private final PlatformKeys platformKeys;
    private final Clock clock;
    private final Duration stateLifetime;
    private final Duration skew;

    public Launches(
            RedisStore store,
            RedisLtiDirectory directory,
            PlatformKeys platformKeys,
            Clock clock,
            Duration stateLifetime,
            Duration skew) {
        this.store = store;
        this.directory = directory;
        this.platformKeys = platformKeys;
        this.clock = clock;
        this.stateLifetime = stateLifetime;
        this.skew = skew;
    }

    /** Where the login initiation sends the browser, and the state it keeps. */
    public record Redirect(String url, String state) {}

    /** The login initiation's parameters (LTI 1.3 Core 5.1.1 / OIDC third-party initiated login). */
    public Future<Redirect> login(JsonObject params, ToolUrls urls) {
        String iss = param(params, "iss");
        String loginHint = param(params, "login_hint");
        String target = param(params, "target_link_uri");
        for (String[] required : new String[][] {{"iss", iss}, {"login_hint", loginHint}, {"target_link_uri", target}})
            if (required[1].isEmpty())
                return Future.failedFuture(Refusal.of(
                        kz.emtihan.refusal.CommonRefusal.BAD_FIELD,
                        required[0],
                        kz.emtihan.refusal.FieldProblem.required()));
        if (!target.equals(urls.base()) && !target.startsWith(urls.base() + "/"))
            return Future.failedFuture(Refusal.of(LtiRefusal.WRONG_TARGET, target));
        String clientId = param(params, "client_id");
        String deployment = param(params, "lti_deployment_id");
        return directory
                .platformOf(iss, clientId.isEmpty() ? Optional.empty() : Optional.of(clientId))
                .compose(found -> {
                    Platform p = found.orElseThrow(() -> Refusal.of(LtiRefusal.UNKNOWN_PLATFORM, iss));
                    if (!deployment.isEmpty() && !p.deploymentIds().contains(deployment))
                        throw Refusal.of(LtiRefusal.UNKNOWN_DEPLOYMENT, deployment);
                    String state = random();
                    String nonce = random();
                    JsonObject kept = new JsonObject()
                            .put("platformId", p.id())
                            .put("nonce", nonce)
                            .put("target", target);
                    StringBuilder url = new StringBuilder(p.authUrl())
                            .append(p.authUrl().contains("?") ? '&' : '?')
                            .append("scope=openid&response_type=id_token&response_mode=form_post&prompt=none");
                    add(url, "client_id", p.clientId());
                    add(url, "redirect_uri", urls.launch());
                    add(url, "login_hint", loginHint);
                    add(url, "state", state);
                    add(url, "nonce", nonce);
                    String hint = param(params, "lti_message_hint");
                    if (!hint.isEmpty()) add(url, "lti_message_hint", hint);
                    return store.redis()
                            .send(Request.cmd(Command.SET)
                                    .arg(LtiKeys.state(state))
                                    .arg(kept.encode())
                                    .arg("PX")
                                    .arg(stateLifetime.toMillis()))
                            .map(ok -> new Redirect(url.toString(), state));
                });
    }

    /**
     * The launch: {@code state} as the platform posted it, {@code browserState} as this browser kept it at the login
     * initiation. Answers the verified launch; nothing is kept when it is refused (the state is used up, though).
     */
    public Future<Launch> verify(String idToken, String state, String browserState, ToolUrls urls) {
        if (state.isEmpty() || !state.equals(browserState))
            return Future.failedFuture(Refusal.of(LtiRefusal.STATE_MISMATCH));
        return store.redis()
                .send(Request.cmd(Command.GETDEL).arg(LtiKeys.state(state)))
                .compose(kept -> {
                    if (kept == null) throw Refusal.of(LtiRefusal.STATE_MISMATCH);
                    JsonObject k = new JsonObject(kept.toString());
                    return directory.platform(k.getString("platformId")).compose(found -> {
                        Platform p = found.orElseThrow(() -> Refusal.of(LtiRefusal.UNKNOWN_PLATFORM, "?"));
                        return checked(p, idToken, urls)
                                .compose(launch -> used(launch).map(v -> {
                                    if (!launch.nonce().equals(k.getString("nonce")))
                                        throw Refusal.of(LtiRefusal.NONCE_MISMATCH);
                                    return launch;
                                }));
                    });
                });
    }

    /** Checked against the kept JWKS; an unknown kid fetches the platform's JWKS afresh and checks once more. */
    private Future<Launch> checked(Platform p, String idToken, ToolUrls urls) {
        var expected = new LaunchCheck.Expected(null, urls.base(), skew);
        return platformKeys
                .of(p)
                .map(jwks -> LaunchCheck.verify(p, jwks, idToken, expected, clock))
                .recover(err -> err instanceof Refusal r && r.code() == LtiRefusal.UNKNOWN_KEY
                        ? platformKeys.fresh(p).map(jwks -> LaunchCheck.verify(p, jwks, idToken, expected, clock))
                        : Future.failedFuture(err));
    }

    /** Records the nonce as used (SET NX, kept while a token with it could still verify); a second use is refused. */
    private Future<Void> used(Launch launch) {
        long ttl = Math.max(60_000, launch.expiresAt().toEpochMilli() - clock.millis() + 2 * skew.toMillis());
        return store.redis()
                .send(Request.cmd(Command.SET)
                        .arg(LtiKeys.nonce(launch.platformId(), launch.nonce()))
                        .arg("1")
                        .arg("NX")
                        .arg("PX")
                        .arg(ttl))
                .map(r -> {
                    if (r == null) throw Refusal.of(LtiRefusal.REPLAYED_NONCE);
                    return null;
                });
    }

    private static String param(JsonObject params, String name) {
        return params.getValue(name) instanceof String s ? s.strip() : "";
    }

    private static void add(StringBuilder url, String name, String value) {
        url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
