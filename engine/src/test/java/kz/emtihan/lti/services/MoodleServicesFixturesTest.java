package kz.emtihan.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Jwts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.LtiDirectory;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.model.ToolKey;
import kz.emtihan.lti.services.model.Member;
import kz.emtihan.lti.services.model.Scopes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (3-4), "How to test it against the real thing": the tool's own AGS and NRPS clients against a server that
 * answers exactly what a real Moodle 4.3 answered (status, content type, body; resources kz/emtihan/lti/moodle, see
 * its README), at Moodle's own paths and query strings. Only Moodle's address is replaced by this server's.
 */
class MoodleServicesFixturesTest {
    static final String MOODLE = "http://127.0.0.1:8765";
    static Vertx vertx;
    static HttpServer server;
    static WebClient client;
    static String base;
    static ToolKey toolKey;
    static KeyPair pair;

    record Seen(String method, String uri, String authorization, String contentType, String body) {}

    static final List<Seen> seen = new CopyOnWriteArrayList<>();

    static JsonObject fixture(String name) {
        try (InputStream in = MoodleServicesFixturesTest.class.getResourceAsStream("/kz/emtihan/lti/moodle/" + name)) {
            if (in == null) throw new IllegalStateException("no fixture " + name);
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What Moodle answered, with Moodle's address replaced by this server's. */
    static void replay(HttpServerRequest req, String fixture) {
        JsonObject res = fixture(fixture).getJsonObject("response");
        Object body = res.getValue("body");
        String text =
                body instanceof String s ? s : body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode();
        req.response()
                .setStatusCode(res.getInteger("status"))
                .putHeader("Content-Type", res.getString("content_type"))
                .end(text.replace(MOODLE.replace("/", "\\/"), base.replace("/", "\\/"))
                        .replace(MOODLE, base));
    }

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        server = vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(b -> {
                    String body = b.toString(StandardCharsets.UTF_8);
                    seen.add(new Seen(
                            req.method().name(),
                            req.uri(),
                            req.getHeader("Authorization"),
                            req.getHeader("Content-Type"),
                            body));
                    String route = req.method().name() + " " + req.path();
                    switch (route) {
                        case "POST /mod/lti/token.php" -> replay(req, "token.json");
                        case "GET /mod/lti/services.php/CourseSection/2/bindings/1/memberships" ->
                            replay(req, "nrps-memberships.json");
                        case "GET /mod/lti/services.php/2/lineitems" -> replay(req, "ags-lineitems.json");
                        case "GET /mod/lti/services.php/2/lineitems/2/lineitem" -> replay(req, "ags-lineitem.json");
                        case "POST /mod/lti/services.php/2/lineitems/2/lineitem/scores" ->
                            replay(
                                    req,
                                    new JsonObject(body).getString("userId").equals("4")
                                            ? "ags-score-post.json"
                                            : "ags-score-post-unknown-user.json");
                        default -> req.response().setStatusCode(404).end("not Moodle: " + route);
                    }
                }))
                .listen(0, "127.0.0.1")
                .await();
        base = "http://127.0.0.1:" + server.actualPort();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        pair = g.generateKeyPair();
        toolKey = new ToolKey("tool-key-1", pair.getPrivate());
    }

    @AfterAll
    static void stop() {
        if (vertx != null) vertx.close().await();
    }

    @BeforeEach
    void clear() {
        seen.clear();
    }

    Platform platform() {
        return new Platform(
                "moodle",
                "Moodle 4.3",
                base,
                "exam-engine-client",
                List.of("1"),
                base + "/mod/lti/auth.php",
                base + "/mod/lti/token.php",
                base + "/mod/lti/certs.php");
    }

    /** Moodle's student launch as the launch stores it: the AGS and NRPS claims of the recorded id_token. */
    ResourceLink link(boolean withLineItem) {
        JsonObject c = fixture("student-launch.json").getJsonObject("id_token_claims");
        JsonObject ags = c.getJsonObject("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint");
        JsonObject nrps = c.getJsonObject("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice");
        return new ResourceLink(
                "moodle",
                "1",
                "2",
                "1",
                "exam-1",
                withLineItem ? ours(ags.getString("lineitem")) : null,
                ours(ags.getString("lineitems")),
                ags.getJsonArray("scope").getList(),
                ours(nrps.getString("context_memberships_url")));
    }

    static String ours(String moodleUrl) {
        return moodleUrl.replace(MOODLE, base);
    }

    LtiDirectory directory(String sub) {
        Platform p = platform();
        return new LtiDirectory() {
            public Future<Optional<Platform>> platform(String platformId) {
                return Future.succeededFuture(Optional.of(p));
            }

            public Future<List<ResourceLink>> linksOfExam(String examId) {
                return Future.succeededFuture(List.of(current));
            }

            public Future<Optional<String>> subjectOf(String platformId, String userId) {
                return Future.succeededFuture(Optional.of(sub));
            }

            public Future<String> userFor(String platformId, String s, String name, String email, Role role) {
                return Future.succeededFuture("u-" + s);
            }

            public Future<ToolKey> signingKey() {
                return Future.succeededFuture(toolKey);
            }
        };
    }

    ResourceLink current;

    static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String kv : body.split("&")) {
            String[] p = kv.split("=", 2);
            m.put(
                    URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                    p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return m;
    }

    Map<String, String> job() {
        return new HashMap<>(Map.of(
                "examId", "exam-1",
                "studentId", "student-1",
                "scoreGiven", "17",
                "scoreMaximum", "20",
                "letter", "B+",
                "timestamp", "2026-12-06T19:02:05Z"));
    }

    GradeSender sender(String sub) {
        PlatformTokens tokens = new PlatformTokens(client, directory(sub), Clock.systemUTC(), Duration.ofSeconds(5));
        return new GradeSender(
                client, directory(sub), tokens, exam -> Future.succeededFuture("Exam 1"), Duration.ofSeconds(5));
    }

    @Test
    void moodlesMembershipContainerBecomesTheCourseMembers() {
        // issue 16 (4): the roster from Moodle's NRPS answer, roles as Moodle writes them (short: "Learner")
        current = link(true);
        PlatformTokens tokens = new PlatformTokens(client, directory("4"), Clock.systemUTC(), Duration.ofSeconds(5));
        List<Member> members = new CourseMembers(client, tokens, Duration.ofSeconds(5))
                .of(platform(), current.membershipsUrl())
                .await();
        assertEquals(3, members.size());
        Member s1 = members.get(0);
        assertEquals("4", s1.sub());
        assertEquals("Student1 Test", s1.name());
        assertEquals("student1@example.invalid", s1.email());
        assertTrue(s1.active() && s1.learner() && !s1.instructor(), "Moodle's short 'Learner' is a learner");
        Member teacher =
                members.stream().filter(m -> m.sub().equals("3")).findFirst().orElseThrow();
        assertTrue(teacher.instructor() && !teacher.learner(), "Moodle's short 'Instructor' is no student");
        assertEquals(
                List.of("4", "5"),
                members.stream().filter(Member::learner).map(Member::sub).toList());

        Seen token = seen.get(0);
        assertEquals("/mod/lti/token.php", token.uri());
        Map<String, String> f = form(token.body());
        assertEquals("client_credentials", f.get("grant_type"));
        assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", f.get("client_assertion_type"));
        assertEquals(Scopes.MEMBERSHIPS, f.get("scope"));
        var assertion = Jwts.parser()
                .verifyWith(pair.getPublic())
                .build()
                .parseSignedClaims(f.get("client_assertion"))
                .getPayload();
        assertEquals("exam-engine-client", assertion.getIssuer());
        assertEquals(
                base + "/mod/lti/token.php", assertion.getAudience().iterator().next());
        String moodlesToken = fixture("token.json")
                .getJsonObject("response")
                .getJsonObject("body")
                .getString("access_token");
        assertEquals(
                "Bearer " + moodlesToken,
                seen.get(1).authorization(),
                "the token Moodle served as text/html is read and used");
    }

    @Test
    void aScoreGoesToMoodlesLineItemScoresUnderItsQueryString() {
        // issue 16 (3): the grade to the launch's line item, ?type_id=1 kept after /scores
        current = link(true);
        GradeSender.Outcome out = sender("4").send(job()).await();
        assertNull(out.failure(), () -> "Moodle's 200 with an empty body is success: " + out.failure());
        assertFalse(out.nobody());
        assertEquals(List.of("moodle|1"), out.done());
        Seen post = seen.stream()
                .filter(s -> s.method().equals("POST") && s.uri().contains("/scores"))
                .findFirst()
                .orElseThrow();
        assertEquals("/mod/lti/services.php/2/lineitems/2/lineitem/scores?type_id=1", post.uri());
        assertEquals(
                fixture("ags-score-post.json").getJsonObject("request").getString("url"),
                MOODLE + post.uri(),
                "the same URL the recording posted to");
        assertEquals("application/vnd.ims.lis.v1.score+json", post.contentType());
        JsonObject score = new JsonObject(post.body());
        assertEquals("4", score.getString("userId"));
        assertEquals(17.0, score.getDouble("scoreGiven"));
        assertEquals(20.0, score.getDouble("scoreMaximum"));
        assertEquals("B+", score.getString("comment"));
        assertEquals("Completed", score.getString("activityProgress"));
        assertEquals("FullyGraded", score.getString("gradingProgress"));
    }

    @Test
    void withoutALineItemTheOneInMoodlesBareArrayContainerIsUsed() {
        // issue 16 (3): a link that brought only the line items URL (Moodle's deep-linking claim has no lineitem)
        current = link(false);
        GradeSender.Outcome out = sender("4").send(job()).await();
        assertNull(out.failure(), () -> String.valueOf(out.failure()));
        assertEquals(
                "/mod/lti/services.php/2/lineitems?type_id=1&resource_link_id=1",
                seen.stream()
                        .filter(s -> s.uri().startsWith("/mod/lti/services.php/2/lineitems?"))
                        .findFirst()
                        .orElseThrow()
                        .uri());
        assertTrue(seen.stream()
                .anyMatch(s -> s.uri().equals("/mod/lti/services.php/2/lineitems/2/lineitem/scores?type_id=1")));
    }

    @Test
    void moodlesRefusalOfAStrangerIsKeptWithItsStatusAndBody() {
        // issue 16 (3): "failed with the platform's answer": Moodle's 400 with body []
        current = link(true);
        GradeSender.Outcome out = sender("999999").send(job()).await();
        assertNotNull(out.failure());
        assertEquals(400, out.failure().status());
        assertEquals("[]", out.failure().body());
        assertTrue(out.done().isEmpty());
    }
}
