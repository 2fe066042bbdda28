package kz.emtihan.lti;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.RsaPublicJwk;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Issue 16: an LTI 1.3 platform written from the specifications (LTI Core 1.3, Security Framework 1.0, Deep Linking
 * 2.0, Dynamic Registration 1.0) for the tests: its own RSA key and JWKS served over HTTP, an OIDC authorisation
 * endpoint that answers a login initiation's request with a signed id_token (what its form_post would carry), an
 * OpenID configuration and a registration endpoint. Its id_tokens are made as the spec describes them; a test
 * bends one claim at a time to play an attacker.
 */
final class SpecPlatform implements AutoCloseable {
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

    final HttpServer server;
    final String issuer;
    final String clientId;
    final String deploymentId = "1";
    final KeyPair key = Jwts.SIG.RS256.keyPair().build();
    final String kid = "spec-" + System.nanoTime();
    /** What the authorisation endpoint does to each id_token before signing it (a test's bend). */
    volatile Consumer<Map<String, Object>> bend = claims -> {};
    /** Signs with this key instead (an attacker's), under {@link #signingKid}. */
    volatile KeyPair signingKey = key;

    volatile String signingKid = kid;
    /** The last registration a tool posted (dynamic registration). */
    volatile JsonObject registered;

    volatile int jwksFetches;
    /**
     * Issue 16 (5): answer the authorisation request as a platform answers a browser, with a page that form-posts the
     * id_token to the tool (else the form's fields as JSON, for the tests that play the browser themselves).
     */
    volatile boolean forBrowser;
    /** The users (sub) whose authorisation request reached this platform. */
    final java.util.Set<String> authorised = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SpecPlatform(String clientId) throws IOException {
        this.clientId = clientId;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/jwks", ex -> {
            jwksFetches++;
            answer(ex, 200, "application/json", jwks().encode());
        });
        server.createContext("/auth", this::authorize);
        server.createContext("/course", ex -> answer(ex, 200, "text/html; charset=utf-8", course(ex.getRequestURI())));
        server.createContext(
                "/openid-configuration",
                ex -> answer(ex, 200, "application/json", configuration().encode()));
        server.createContext("/register", ex -> {
            registered = new JsonObject(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (!"Bearer reg-token".equals(auth)) {
                answer(ex, 401, "application/json", "{\"error\":\"invalid_token\"}");
                return;
            }
            answer(
                    ex,
                    200,
                    "application/json",
                    registered
                            .copy()
                            .put("client_id", "dyn-" + clientId)
                            .put(
                                    "https://purl.imsglobal.org/spec/lti-tool-configuration",
                                    registered
                                            .getJsonObject("https://purl.imsglobal.org/spec/lti-tool-configuration")
                                            .copy()
                                            .put("deployment_id", "dyn-deployment"))
                            .encode());
        });
        server.start();
    }

    /** What an administrator types into Emtihan for this platform. */
    JsonObject registration(String name) {
        return new JsonObject()
                .put("name", name)
                .put("issuer", issuer)
                .put("clientId", clientId)
                .put("deploymentIds", new JsonArray().add(deploymentId))
                .put("authUrl", issuer + "/auth")
                .put("tokenUrl", issuer + "/token")
                .put("jwksUrl", issuer + "/jwks");
    }

    JsonObject jwks() {
        RsaPublicJwk jwk = Jwks.builder()
                .key((RSAPublicKey) key.getPublic())
                .id(kid)
                .algorithm("RS256")
                .build();
        return new JsonObject().put("keys", new JsonArray().add(new JsonObject(new LinkedHashMap<>(jwk))));
    }

    JsonObject configuration() {
        return new JsonObject()
                .put("issuer", issuer)
                .put("authorization_endpoint", issuer + "/auth")
                .put("token_endpoint", issuer + "/token")
                .put("jwks_uri", issuer + "/jwks")
                .put("registration_endpoint", issuer + "/register")
                .put(
                        "https://purl.imsglobal.org/spec/lti-platform-configuration",
                        new JsonObject()
                                .put("product_family_code", "spec-platform")
                                .put("version", "1.0"));
    }

    /**
     * The claims of a launch as LTI Core 5.3 lists them: a resource link (or a deep-linking request) from course
     * "c1", with the AGS and NRPS claims.
     */
    Map<String, Object> claims(
            String sub, String role, String nonce, String target, String messageType, String linkId) {
        Map<String, Object> c = new LinkedHashMap<>();
        long now = System.currentTimeMillis() / 1000;
        c.put("iss", issuer);
        c.put("aud", clientId);
        c.put("sub", sub);
        c.put("iat", now);
        c.put("exp", now + 300);
        c.put("nonce", nonce);
        c.put("name", "Person " + sub);
        c.put("email", sub + "@spec.example");
        c.put(LTI + "message_type", messageType);
        c.put(LTI + "version", "1.3.0");
        c.put(LTI + "deployment_id", deploymentId);
        c.put(LTI + "target_link_uri", target);
        c.put(LTI + "roles", List.of(role));
        c.put(LTI + "context", Map.of("id", "c1", "title", "Course one"));
        if (messageType.equals("LtiResourceLinkRequest")) {
            c.put(LTI + "resource_link", Map.of("id", linkId, "title", "Final test"));
            c.put(
                    "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
                    Map.of(
                            "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                            "lineitems", issuer + "/ags/c1/lineitems",
                            "lineitem", issuer + "/ags/c1/lineitems/" + linkId));
            c.put(
                    "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                    Map.of("context_memberships_url", issuer + "/nrps/c1", "service_versions", List.of("2.0")));
        } else {
            c.put(
                    "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
                    Map.of(
                            "deep_link_return_url", issuer + "/deep-link-return",
                            "accept_types", List.of("ltiResourceLink"),
                            "data", "opaque-" + linkId));
        }
        return c;
    }

    String sign(Map<String, Object> claims) {
        Map<String, Object> c = new LinkedHashMap<>(claims);
        var b = Jwts.builder().header().keyId(signingKid).and();
        Object aud = c.remove("aud");
        if (aud instanceof String s) b.audience().add(s).and();
        else if (aud instanceof List<?> l)
            for (Object a : l) b.audience().add(String.valueOf(a)).and();
        b.issuedAt(new Date(((Number) c.remove("iat")).longValue() * 1000));
        b.expiration(new Date(((Number) c.remove("exp")).longValue() * 1000));
        return b.claims(c).signWith(signingKey.getPrivate(), Jwts.SIG.RS256).compact();
    }

    /** The login_hint carries "sub|role|linkId|messageType" in these tests, as a platform's opaque hint would. */
    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI());
        boolean ok = "openid".equals(q.get("scope"))
                && "id_token".equals(q.get("response_type"))
                && "form_post".equals(q.get("response_mode"))
                && "none".equals(q.get("prompt"))
                && clientId.equals(q.get("client_id"));
        if (!ok) {
            answer(ex, 400, "text/plain", "invalid_request " + q);
            return;
        }
        String[] hint = q.get("login_hint").split("\\|");
        authorised.add(hint[0]);
        Map<String, Object> claims = claims(
                hint[0],
                hint[1],
                q.get("nonce"),
                q.get("redirect_uri"),
                hint.length > 3 ? hint[3] : "LtiResourceLinkRequest",
                hint[2]);
        bend.accept(claims);
        if (forBrowser) {
            answer(ex, 200, "text/html; charset=utf-8", formPost(q.get("redirect_uri"), sign(claims), q.get("state")));
            return;
        }
        JsonObject form = new JsonObject()
                .put("action", q.get("redirect_uri"))
                .put("id_token", sign(claims))
                .put("state", q.get("state"));
        answer(ex, 200, "application/json", form.encode()); // the form_post's fields (no browser here)
    }

    /** Issue 16 (5): the page a platform posts the id_token with (LTI Core 5.1.1.3, form_post), submitted at once. */
    static String formPost(String action, String idToken, String state) {
        return "<!doctype html><html><body><form id=f method=post action=\"" + html(action) + "\">"
                + "<input type=hidden name=id_token value=\"" + html(idToken) + "\">"
                + "<input type=hidden name=state value=\"" + html(state) + "\"></form>"
                + "<script>document.getElementById('f').submit()</script></body></html>";
    }

    /**
     * Issue 16 (5): a course page of this platform showing a tool's activity in an iframe, as Moodle's "embed" launch
     * container does: {@code /course?tool=<login initiation URL>}.
     */
    static String course(URI uri) {
        String tool = query(uri).getOrDefault("tool", "about:blank");
        return "<!doctype html><html><head><title>Course one</title></head><body><h1>Course one</h1>"
                + "<iframe id=tool title=Emtihan width=1000 height=700 src=\"" + html(tool) + "\"></iframe>"
                + "</body></html>";
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    /** The login initiation address a platform puts in its iframe for this user and link (GET, LTI Core 4.1). */
    String loginInitiation(String toolBase, String sub, String role, String linkId) {
        return toolBase + "/lti/login?iss=" + LtiBrowser.enc(issuer) + "&login_hint="
                + LtiBrowser.enc(sub + "|" + role + "|" + linkId + "|LtiResourceLinkRequest") + "&target_link_uri="
                + LtiBrowser.enc(toolBase + "/lti/launch") + "&client_id=" + LtiBrowser.enc(clientId)
                + "&lti_deployment_id=" + deploymentId;
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    static List<String> list(Object... items) {
        List<String> out = new ArrayList<>();
        for (Object o : items) out.add(String.valueOf(o));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }
}
