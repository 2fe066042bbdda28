package kz.emtihan.lti.model;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.refusal.Refusal;

/**
 * Issue 16 (2, 6): a platform's id_token checked as LTI 1.3 Core 5.1.3 and 5.3 ask, a function of its inputs only: the
 * platform's registration, its JWKS (JSON), the token, what the login initiation expects, and a clock (so a recorded
 * real Moodle message verifies at its recorded time). JJWT does the JOSE work (JWKS parsing, RS256 signature, exp with
 * leeway); the rest is checked here, each failure a {@link LtiRefusal} saying why.
 */
public final class LaunchCheck {
    public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    public static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

    /**
     * What the launch must match: the nonce the login initiation sent (null: checked by the caller, after it has
     * recorded the nonce as used), the tool's own address (target_link_uri must lie under it), the clock skew allowed.
     */
    public record Expected(String nonce, String toolUrl, Duration skew) {}

    private LaunchCheck() {}

    public static Launch verify(Platform platform, String jwksJson, String idToken, Expected expected, Clock clock) {
        JwkSet keys;
        try {
            keys = Jwks.setParser().ignoreUnsupported(true).build().parse(jwksJson);
        } catch (RuntimeException e) {
            throw Refusal.of(LtiRefusal.PLATFORM_KEYS_UNAVAILABLE, platform.jwksUrl());
        }
        Claims c = signed(keys, idToken, expected.skew(), clock);
        Instant now = clock.instant();
        if (!platform.issuer().equals(c.getIssuer()))
            throw Refusal.of(LtiRefusal.WRONG_ISSUER, String.valueOf(c.getIssuer()));
        Collection<String> aud = c.getAudience() == null ? List.of() : c.getAudience();
        if (!aud.contains(platform.clientId())) throw Refusal.of(LtiRefusal.WRONG_AUDIENCE, platform.clientId());
        Object azp = c.get("azp");
        if ((aud.size() > 1 || azp != null) && !platform.clientId().equals(azp))
            throw Refusal.of(LtiRefusal.WRONG_AUDIENCE, platform.clientId()); // 5.1.3, steps 4-5
        Date iat = c.getIssuedAt();
        if (iat == null || iat.toInstant().isAfter(now.plus(expected.skew())))
            throw Refusal.of(LtiRefusal.ISSUED_IN_FUTURE);
        if (c.getExpiration() == null) throw Refusal.of(LtiRefusal.MISSING_CLAIM, "exp");
        String nonce = text(c, "nonce").orElseThrow(() -> Refusal.of(LtiRefusal.MISSING_CLAIM, "nonce"));
        if (expected.nonce() != null && !expected.nonce().equals(nonce)) throw Refusal.of(LtiRefusal.NONCE_MISMATCH);
        String version = text(c, LTI + "version").orElse("");
        if (!version.equals("1.3.0")) throw Refusal.of(LtiRefusal.WRONG_VERSION, version);
        String type = text(c, LTI + "message_type").orElse("");
        if (!type.equals(Launch.RESOURCE_LINK) && !type.equals(Launch.DEEP_LINKING))
            throw Refusal.of(LtiRefusal.WRONG_MESSAGE_TYPE, type);
        String deployment = text(c, LTI + "deployment_id")
                .orElseThrow(() -> Refusal.of(LtiRefusal.MISSING_CLAIM, LTI + "deployment_id"));
        if (!platform.deploymentIds().contains(deployment)) throw Refusal.of(LtiRefusal.UNKNOWN_DEPLOYMENT, deployment);
        String sub = text(c, "sub").orElseThrow(() -> Refusal.of(LtiRefusal.MISSING_CLAIM, "sub"));
        if (!(c.get(LTI + "roles") instanceof List<?> rolesClaim))
            throw Refusal.of(LtiRefusal.MISSING_CLAIM, LTI + "roles");
        String target = text(c, LTI + "target_link_uri").orElse("");
        boolean deepLinking = type.equals(Launch.DEEP_LINKING);
        if (target.isEmpty() && !deepLinking) throw Refusal.of(LtiRefusal.MISSING_CLAIM, LTI + "target_link_uri");
        if (!target.isEmpty() && !under(target, expected.toolUrl())) throw Refusal.of(LtiRefusal.WRONG_TARGET, target);
        Map<String, Object> link = object(c.get(LTI + "resource_link"));
        Optional<String> linkId = text(link, "id");
        if (!deepLinking && linkId.isEmpty()) throw Refusal.of(LtiRefusal.MISSING_CLAIM, LTI + "resource_link");
        Optional<Launch.DeepLinking> dl = Optional.empty();
        if (deepLinking) {
            Map<String, Object> s = object(c.get(DL));
            String back = text(s, "deep_link_return_url").orElseThrow(() -> Refusal.of(LtiRefusal.MISSING_CLAIM, DL));
            dl = Optional.of(
                    new Launch.DeepLinking(back, text(s, "data").orElse(null), strings(s.get("accept_types"))));
        }
        Map<String, Object> context = object(c.get(LTI + "context"));
        Map<String, Object> ags = object(c.get(AGS));
        Optional<Launch.Ags> services = ags.isEmpty()
                ? Optional.empty()
                : Optional.of(new Launch.Ags(
                        text(ags, "lineitem").orElse(null),
                        text(ags, "lineitems").orElse(null),
                        strings(ags.get("scope"))));
        Map<String, String> custom = new LinkedHashMap<>();
        object(c.get(LTI + "custom")).forEach((k, v) -> custom.put(k, String.valueOf(v)));
        return new Launch(
                platform.id(),
                type,
                deployment,
                sub,
                name(c),
                text(c, "email").orElse(null),
                strings(rolesClaim),
                nonce,
                target,
                linkId,
                text(link, "title").orElse(""),
                text(context, "id"),
                text(context, "title").orElse(""),
                custom,
                services,
                text(object(c.get(NRPS)), "context_memberships_url"),
                dl,
                c.getExpiration().toInstant());
    }

    /** The claims, once the signature checks with the platform's key named by kid (RS256 only) and exp holds. */
    private static Claims signed(JwkSet keys, String idToken, Duration skew, Clock clock) {
        Locator<Key> locator = header -> {
            if (!(header instanceof ProtectedHeader ph) || !"RS256".equals(ph.getAlgorithm()))
                throw Refusal.of(LtiRefusal.BAD_SIGNATURE);
            String kid = ph.getKeyId();
            List<Jwk<?>> candidates = new ArrayList<>();
            for (Jwk<?> k : keys.getKeys())
                if (kid == null ? keys.size() == 1 : kid.equals(k.getId())) candidates.add(k);
            if (candidates.isEmpty()) throw Refusal.of(LtiRefusal.UNKNOWN_KEY, String.valueOf(kid));
            return candidates.get(0).toKey();
        };
        try {
            return Jwts.parser()
                    .keyLocator(locator)
                    .clock(() -> new Date(clock.millis()))
                    .clockSkewSeconds(skew.toSeconds())
                    .build()
                    .parseSignedClaims(idToken)
                    .getPayload();
        } catch (Refusal r) {
            throw r;
        } catch (ExpiredJwtException e) {
            throw Refusal.of(LtiRefusal.EXPIRED);
        } catch (PrematureJwtException e) {
            throw Refusal.of(LtiRefusal.ISSUED_IN_FUTURE);
        } catch (io.jsonwebtoken.security.SecurityException e) {
            throw Refusal.of(LtiRefusal.BAD_SIGNATURE);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof Refusal r) throw r;
            throw Refusal.of(LtiRefusal.MALFORMED_TOKEN);
        }
    }

    /** Whether target lies under the tool's address (same origin, path below it). */
    static boolean under(String target, String toolUrl) {
        return target.equals(toolUrl) || target.startsWith(toolUrl + "/") || target.startsWith(toolUrl + "?");
    }

    private static String name(Claims c) {
        Optional<String> full = text(c, "name");
        if (full.isPresent()) return full.get();
        String given = text(c, "given_name").orElse("");
        String family = text(c, "family_name").orElse("");
        return (given + " " + family).strip();
    }

    private static Optional<String> text(Map<String, ?> m, String key) {
        return m.get(key) instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof Collection<?> list) for (Object v : list) if (v instanceof String s) out.add(s);
        return out;
    }
}
