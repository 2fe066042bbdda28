package kz.emtihan.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.services.model.Scopes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (3-4) against what the real Moodle 4.3 answered (moodle-real's recordings under
 * resources/kz/emtihan/lti/moodle): its token endpoint's JSON served as text/html, its membership container with
 * short roles, its line item URLs with {@code ?type_id=1}, a score's empty 200 and an unknown user's 400 {@code []}.
 * A stand-in serves those recorded answers at Moodle's own paths; the engine's real grade and roster services talk to
 * it.
 */
@SharedEngine(
        env = {
            "EMTIHAN_LTI_SERVICES_RETRY_MILLIS=100,200",
            "EMTIHAN_LTI_SERVICES_GIVE_UP_AFTER_SECONDS=2",
            "EMTIHAN_LTI_SERVICES_POLL_MILLIS=50"
        })
class MoodleRecordedTest {
    static TestEngine app;
    static Vertx vertx;
    static HttpServer moodle;
    static String platformId;
    static String teacher;
    static final List<JsonObject> posted = new CopyOnWriteArrayList<>();

    static JsonObject recorded(String file) throws Exception {
        try (InputStream in = MoodleRecordedTest.class.getResourceAsStream("/kz/emtihan/lti/moodle/" + file)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void start(TestEngine shared) throws Exception {
        app = shared;
        JsonObject token = recorded("token.json").getJsonObject("response");
        JsonObject members = recorded("nrps-memberships.json").getJsonObject("response");
        JsonObject score = recorded("ags-score-post.json").getJsonObject("response");
        JsonObject unknown = recorded("ags-score-post-unknown-user.json").getJsonObject("response");
        vertx = Vertx.vertx();
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        r.post("/mod/lti/token.php")
                .handler(ctx -> ctx.response()
                        .setStatusCode(token.getInteger("status"))
                        .putHeader("Content-Type", token.getString("content_type"))
                        .end(token.getJsonObject("body").encode()));
        r.get("/mod/lti/services.php/CourseSection/2/bindings/1/memberships")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", members.getString("content_type"))
                        .end(members.getJsonObject("body").encode()));
        r.post("/mod/lti/services.php/2/lineitems/2/lineitem/scores").handler(ctx -> {
            JsonObject got =
                    ctx.body().asJsonObject().put("_query", ctx.request().query());
            posted.add(got);
            JsonObject answer =
                    "4".equals(got.getString("userId")) || "5".equals(got.getString("userId")) ? score : unknown;
            ctx.response()
                    .setStatusCode(answer.getInteger("status"))
                    .putHeader("Content-Type", answer.getString("content_type"))
                    .end(answer.getString("body"));
        });
        moodle = vertx.createHttpServer().requestHandler(r).listen(0).await(10, TimeUnit.SECONDS);
        String base = "http://127.0.0.1:" + moodle.actualPort();
        TestEngine.Reply registered = app.post(
                "/api/v1/lti/platforms",
                app.admin(),
                new JsonObject()
                        .put("name", "Moodle 4.3 (recorded)")
                        .put("issuer", base)
                        .put("clientId", "exam-engine-client")
                        .put("deploymentIds", new JsonArray().add("1"))
                        .put("authUrl", base + "/mod/lti/auth.php")
                        .put("tokenUrl", base + "/mod/lti/token.php")
                        .put("jwksUrl", base + "/mod/lti/certs.php"));
        assertEquals(201, registered.status(), registered.body());
        platformId = registered.json().getString("id");
        app.users("teacher", "lti-moodle-t1");
        teacher = app.loginAs("lti-moodle-t1");
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void moodlesCourseFillsTheRosterAndItsGradebookTakesTheScore() throws Exception {
        String base = "http://127.0.0.1:" + moodle.actualPort();
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher));
        app.engine()
                .services()
                .lti()
                .store()
                .saveLink(new ResourceLink(
                        platformId,
                        "1",
                        "2",
                        "1",
                        examId,
                        base + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1",
                        base + "/mod/lti/services.php/2/lineitems?type_id=1",
                        List.of(Scopes.LINEITEM, Scopes.SCORE),
                        base + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships"))
                .await(10, TimeUnit.SECONDS);

        // issue 16 (4): Moodle's roles are short ("Learner", "Instructor")
        TestEngine.Reply synced = app.post("/api/v1/exams/" + examId + "/lti/roster-sync", teacher, null);
        assertEquals(200, synced.status(), synced.body());
        assertEquals(2, synced.json().getInteger("added"));
        assertEquals(1, synced.json().getInteger("skipped")); // teacher1
        JsonObject exam = app.get("/api/v1/exams/" + examId, teacher).json();
        Set<String> names = new HashSet<>();
        exam.getJsonArray("roster")
                .forEach(id -> names.add(exam.getJsonObject("people").getString((String) id)));
        assertEquals(Set.of("Student1 Test", "Student2 Test"), names);

        // issue 16 (3): student1 (Moodle user 4) submits; the score reaches Moodle's scores URL, type_id kept
        String student1 = app.engine()
                .services()
                .lti()
                .store()
                .userFor(platformId, "4", "Student1 Test", null, Role.STUDENT)
                .await(10, TimeUnit.SECONDS);
        app.users("student", student1);
        JsonObject result = GradesBackTest.takesOn(app, examId, student1);
        TestEngine.awaitUntil(
                "Moodle accepted the score",
                () -> "sent"
                        .equals(app.get("/api/v1/exams/" + examId + "/lti/grades/" + student1, teacher)
                                .json()
                                .getString("state")),
                Duration.ofSeconds(15));
        JsonObject got = posted.stream()
                .filter(p -> "4".equals(p.getString("userId")))
                .findFirst()
                .orElseThrow();
        assertEquals("type_id=1", got.getString("_query"));
        assertEquals(result.getDouble("points"), got.getDouble("scoreGiven"));
        // the same fields Moodle accepted in the recording
        Set<String> accepted = recorded("ags-score-post.json")
                .getJsonObject("request")
                .getJsonObject("body")
                .fieldNames();
        Set<String> sent = new HashSet<>(got.fieldNames());
        sent.remove("_query");
        assertEquals(accepted, sent);
    }

    @Test
    void aStudentMoodleDoesNotKnowIsNotAcceptedWithMoodlesAnswer() throws Exception {
        String base = "http://127.0.0.1:" + moodle.actualPort();
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher));
        app.engine()
                .services()
                .lti()
                .store()
                .saveLink(new ResourceLink(
                        platformId,
                        "1",
                        "2",
                        "1-" + examId,
                        examId,
                        base + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1",
                        null,
                        List.of(Scopes.SCORE),
                        null))
                .await(10, TimeUnit.SECONDS);
        String stranger = app.engine()
                .services()
                .lti()
                .store()
                .userFor(platformId, "999999", "Not In Course", null, Role.STUDENT)
                .await(10, TimeUnit.SECONDS);
        app.users("student", stranger);
        app.put("/api/v1/exams/" + examId + "/roster", teacher, new JsonArray().add(stranger));
        GradesBackTest.takesOn(app, examId, stranger);
        TestEngine.awaitUntil(
                "given up",
                () -> "failed"
                        .equals(app.get("/api/v1/exams/" + examId + "/lti/grades/" + stranger, teacher)
                                .json()
                                .getString("state")),
                Duration.ofSeconds(15));
        JsonObject answer = app.get("/api/v1/exams/" + examId + "/lti/grades/" + stranger, teacher)
                .json()
                .getJsonObject("platformAnswer");
        assertEquals(400, answer.getInteger("status"));
        assertEquals("[]", answer.getString("body"));
        assertTrue(posted.stream().anyMatch(p -> "999999".equals(p.getString("userId"))));
    }
}
