package kz.emtihan.lti.services;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 16 (3-4): an LTI Advantage platform written from the specifications, for the tests: an OAuth2 token endpoint
 * that checks the tool's client assertion against the tool's JWKS (1EdTech Security Framework 4.1), AGS line items and
 * scores that record what they receive and can be told to fail, and an NRPS membership container in pages.
 */
final class SpecPlatform implements AutoCloseable {
    static final String ISSUER = "https://moodle.spec.test";
    static final String CLIENT_ID = "spec-client-1";
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final String toolJwks;
    private final Set<String> jtis = ConcurrentHashMap.newKeySet();
    /** token -> the scopes it was granted for. */
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();

    /** Every token request: its scope and whether the assertion passed. */
    final List<JsonObject> tokenRequests = new CopyOnWriteArrayList<>();
    /** line item id -> the scores it received (with the Content-Type they came with). */
    final Map<String, List<JsonObject>> scores = new ConcurrentHashMap<>();
    /** line item id -> how many score posts are still to fail, and with what. */
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    final Map<String, Integer> failStatus = new ConcurrentHashMap<>();
    final Map<String, String> failBody = new ConcurrentHashMap<>();
    /** The line items there are, id -> line item JSON (with resourceLinkId). */
    final Map<String, JsonObject> lineItems = new ConcurrentHashMap<>();
    /** The course's members, the first page and the second. */
    volatile JsonArray page1 = new JsonArray();

    volatile JsonArray page2 = new JsonArray();
    final AtomicInteger membershipPages = new AtomicInteger();

    SpecPlatform(String toolBase) throws Exception {
        this.toolJwks = toolBase + "/.well-known/jwks.json";
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        r.post("/token").handler(this::token);
        r.post("/lineitems/:id/scores").handler(this::score);
        r.get("/lineitems").handler(this::lineItems);
        r.post("/lineitems").handler(this::createLineItem);
        r.get("/memberships").handler(this::memberships);
        server = vertx.createHttpServer().requestHandler(r).listen(0).await(10, TimeUnit.SECONDS);
    }

    String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    JsonObject registration() {
        return new JsonObject()
                .put("name", "Spec Moodle")
                .put("issuer", ISSUER)
                .put("clientId", CLIENT_ID)
                .put("deploymentIds", new JsonArray().add("1"))
                .put("authUrl", base() + "/auth")
                .put("tokenUrl", base() + "/token")
                .put("jwksUrl", base() + "/jwks");
    }

    /** Security Framework 4.1: the client credentials grant with a JWT assertion signed by the tool's key. */
    private void token(RoutingContext ctx) {
        var form = ctx.request().formAttributes();
        String scope = form.get("scope");
        JsonObject seen = new JsonObject().put("scope", scope);
        tokenRequests.add(seen);
        if (!"client_credentials".equals(form.get("grant_type"))
                || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                        .equals(form.get("client_assertion_type"))) {
            error(ctx, 400, "unsupported_grant_type");
            return;
        }
        String assertion = form.get("client_assertion");
        vertx.executeBlocking(() -> verify(assertion)).onComplete(v -> {
            if (v.failed()) {
                seen.put("refused", String.valueOf(v.cause().getMessage()));
                error(ctx, 401, "invalid_client");
                return;
            }
            seen.put("kid", v.result().getHeader().getKeyId());
            String token = UUID.randomUUID().toString();
            tokens.put(token, Set.of(scope.split(" ")));
            ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject()
                            .put("access_token", token)
                            .put("token_type", "Bearer")
                            .put("expires_in", 3600)
                            .put("scope", scope)
                            .encode());
        });
    }

    private Jws<Claims> verify(String assertion) throws Exception {
        String jwks = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(toolJwks)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        JwkSet set = Jwks.setParser().build().parse(jwks);
        Jws<Claims> jws = Jwts.parser()
                .keyLocator(header -> {
                    String kid = ((io.jsonwebtoken.ProtectedHeader) header).getKeyId();
                    for (Jwk<?> k : set.getKeys()) if (k.getId().equals(kid)) return (PublicKey) k.toKey();
                    throw new IllegalArgumentException("unknown kid " + kid);
                })
                .requireIssuer(CLIENT_ID)
                .requireSubject(CLIENT_ID)
                .requireAudience(base() + "/token")
                .build()
                .parseSignedClaims(assertion);
        if (!"RS256".equals(jws.getHeader().getAlgorithm())) throw new IllegalArgumentException("not RS256");
        Claims c = jws.getPayload();
        if (c.getId() == null || !jtis.add(c.getId())) throw new IllegalArgumentException("jti missing or replayed");
        if (c.getIssuedAt() == null || c.getExpiration() == null) throw new IllegalArgumentException("no iat or exp");
        if (c.getExpiration().toInstant().isAfter(Instant.now().plusSeconds(3600)))
            throw new IllegalArgumentException("exp too far");
        return jws;
    }

    private boolean authorised(RoutingContext ctx, String... scopes) {
        String auth = String.valueOf(ctx.request().getHeader("Authorization"));
        Set<String> granted = auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
        if (granted == null || java.util.Arrays.stream(scopes).noneMatch(granted::contains)) {
            error(ctx, 401, "invalid_token");
            return false;
        }
        return true;
    }

    /** AGS 2.0 3.4: a score posted to the line item's scores endpoint. */
    private void score(RoutingContext ctx) {
        if (!authorised(ctx, "https://purl.imsglobal.org/spec/lti-ags/scope/score")) return;
        String id = ctx.pathParam("id");
        JsonObject got = ctx.body().asJsonObject().copy();
        got.put("_contentType", ctx.request().getHeader("Content-Type"));
        got.put("_at", System.currentTimeMillis());
        AtomicInteger left = failures.get(id);
        if (left != null && left.getAndDecrement() > 0) {
            got.put("_answered", failStatus.getOrDefault(id, 500));
            scores.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(got);
            ctx.response()
                    .setStatusCode(failStatus.getOrDefault(id, 500))
                    .end(failBody.getOrDefault(id, "Internal error"));
            return;
        }
        got.put("_answered", 200);
        scores.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(got);
        ctx.response().setStatusCode(200).end();
    }

    private void lineItems(RoutingContext ctx) {
        if (!authorised(
                ctx,
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly")) return;
        String link = ctx.request().getParam("resource_link_id");
        JsonArray out = new JsonArray();
        lineItems.values().stream()
                .filter(i -> link == null || link.equals(i.getString("resourceLinkId")))
                .forEach(out::add);
        ctx.response()
                .putHeader("Content-Type", "application/vnd.ims.lis.v2.lineitemcontainer+json")
                .end(out.encode());
    }

    private void createLineItem(RoutingContext ctx) {
        if (!authorised(ctx, "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem")) return;
        String id = "made-" + (lineItems.size() + 1);
        JsonObject item = ctx.body().asJsonObject().copy().put("id", base() + "/lineitems/" + id);
        lineItems.put(id, item);
        ctx.response()
                .setStatusCode(201)
                .putHeader("Content-Type", "application/vnd.ims.lis.v2.lineitem+json")
                .end(item.encode());
    }

    /** NRPS 2.0: the membership container, two pages joined by a Link rel="next". */
    private void memberships(RoutingContext ctx) {
        if (!authorised(ctx, "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly")) return;
        membershipPages.incrementAndGet();
        boolean second = "2".equals(ctx.request().getParam("page"));
        JsonObject body = new JsonObject()
                .put("id", base() + "/memberships")
                .put("context", new JsonObject().put("id", "ctx-1").put("title", "Algebra"))
                .put("members", second ? page2 : page1);
        if (!second) ctx.response().putHeader("Link", "<" + base() + "/memberships?page=2>; rel=\"next\"");
        ctx.response()
                .putHeader("Content-Type", "application/vnd.ims.lti-nrps.v2.membershipcontainer+json")
                .end(body.encode());
    }

    static JsonObject member(String sub, String name, String role, String status) {
        return new JsonObject()
                .put("user_id", sub)
                .put("name", name)
                .put("email", sub + "@uni.test")
                .put("status", status)
                .put("roles", new JsonArray().add("http://purl.imsglobal.org/vocab/lis/v2/membership#" + role));
    }

    private static void error(RoutingContext ctx, int status, String code) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", code).encode());
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
