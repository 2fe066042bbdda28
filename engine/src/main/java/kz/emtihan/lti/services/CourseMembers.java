package kz.emtihan.lti.services;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.services.model.Member;
import kz.emtihan.lti.services.model.Scopes;
import kz.emtihan.lti.services.model.ServiceLinks;

/**
 * Issue 16 (4): a course's members from the platform's Names and Role Provisioning Service (NRPS 2.0): the membership
 * container at the link's {@code context_memberships_url}, page after page while the {@code Link} header names a
 * {@code next} one.
 */
final class CourseMembers {
    static final String MEMBERSHIP_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    /** More pages than a course has: a platform whose next link goes round in circles is stopped. */
    static final int MAX_PAGES = 200;

    private final WebClient http;
    private final PlatformTokens tokens;
    private final long timeoutMillis;

    CourseMembers(WebClient http, PlatformTokens tokens, Duration timeout) {
        this.http = http;
        this.tokens = tokens;
        this.timeoutMillis = timeout.toMillis();
    }

    Future<List<Member>> of(Platform platform, String membershipsUrl) {
        Set<String> scopes = Set.of(Scopes.MEMBERSHIPS);
        return tokens.token(platform, scopes)
                .compose(token -> page(platform, scopes, token, membershipsUrl, new ArrayList<>(), 0));
    }

    private Future<List<Member>> page(
            Platform platform, Set<String> scopes, String token, String url, List<Member> sofar, int n) {
        if (n >= MAX_PAGES) return Future.succeededFuture(sofar);
        return http.getAbs(url)
                .timeout(timeoutMillis)
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Accept", MEMBERSHIP_TYPE)
                .send()
                .recover(err -> Future.failedFuture(PlatformAnswer.unreachable("memberships", err)))
                .compose(res -> {
                    if (res.statusCode() / 100 != 2) {
                        if (res.statusCode() == 401) tokens.forget(platform, scopes);
                        return Future.failedFuture(
                                new PlatformAnswer("memberships", res.statusCode(), res.bodyAsString()));
                    }
                    JsonObject body;
                    try {
                        body = new JsonObject(res.bodyAsString());
                    } catch (RuntimeException e) {
                        return Future.failedFuture(
                                new PlatformAnswer("memberships", res.statusCode(), res.bodyAsString()));
                    }
                    for (Object o : body.getJsonArray("members", new JsonArray()))
                        if (o instanceof JsonObject m && m.getString("user_id") != null) sofar.add(member(m));
                    return ServiceLinks.next(res.getHeader("Link"))
                            .map(next -> page(platform, scopes, token, next, sofar, n + 1))
                            .orElseGet(() -> Future.succeededFuture(sofar));
                });
    }

    static Member member(JsonObject m) {
        List<String> roles = new ArrayList<>();
        for (Object r : m.getJsonArray("roles", new JsonArray())) roles.add(String.valueOf(r));
        String name = m.getString("name");
        if (name == null || name.isBlank()) {
            name = (m.getString("given_name", "") + " " + m.getString("family_name", "")).trim();
        }
        return new Member(m.getString("user_id"), name, m.getString("email"), roles, m.getString("status"));
    }
}
