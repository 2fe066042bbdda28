package kz.emtihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import kz.emtihan.exam.model.Paper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, as reproduced on the demo: the engine started as the README's first command starts it (demo data), and
 * every request of the list sent again, as the attacker sent it, with a valid token of the wrong person, role
 * or moment. Each must be refused and change nothing.
 */
class DemoAttacksTest {
    static TestEngine demo;

    @BeforeAll
    static void start() {
        demo = TestEngine.startDemo();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void anAdminDemotedToStudentCreatesNoAdminWithTheOldToken() {
        String admin = demo.admin();
        assertEquals(
                200,
                demo.post("/api/v1/users", admin, new JsonArray().add(account("deputy", "admin", "deputy-password-1")))
                        .status());
        String deputy = demo.login("deputy", "deputy-password-1");
        assertEquals(200, demo.get("/api/v1/users", deputy).status(), "an admin's token, while they are one");
        assertEquals(
                200,
                demo.post(
                                "/api/v1/users",
                                admin,
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put("id", "deputy")
                                                .put("name", "Deputy")
                                                .put("roles", new JsonArray().add("student"))))
                        .status());
        TestEngine.Reply forged = demo.post(
                "/api/v1/users", deputy, new JsonArray().add(account("mallory", "admin", "mallory-password")));
        assertEquals(401, forged.status(), "the demotion ended the token at once: " + forged.body());
        assertFalse(demo.get("/api/v1/users", admin).body().contains("mallory"), "no admin was created");
    }

    @Test
    void signingOutEndsTheTokenAndSigningOutEverywhereEndsThemAll() {
        String first = demo.login("student4", "demo-student");
        String second = demo.login("student4", "demo-student");
        assertEquals(204, demo.post("/api/v1/auth/logout", first, null).status());
        assertEquals(401, demo.get("/api/v1/me/exams", first).status(), "this token is ended");
        assertEquals(200, demo.get("/api/v1/me/exams", second).status(), "another sign-in of the same student is not");
        String third = demo.login("student4", "demo-student");
        assertEquals(204, demo.post("/api/v1/auth/logout-all", third, null).status());
        assertEquals(401, demo.get("/api/v1/me/exams", second).status());
        assertEquals(401, demo.get("/api/v1/me/exams", third).status());
    }

    @Test
    void aSignedTokenWithoutExpiryIsRefusedNot500() throws IOException {
        byte[] secret = Base64.getDecoder()
                .decode(Files.readString(
                                demo.engine().services().config().dataDir().resolve("jwt-hs256.key"))
                        .trim());
        String noExpiry = Jwts.builder()
                .subject("admin")
                .claim("name", "Administrator")
                .claim("roles", List.of("admin"))
                .claim("jti", UUID.randomUUID().toString())
                .claim("ver", 0)
                .issuedAt(new Date())
                .signWith(Keys.hmacShaKeyFor(secret), Jwts.SIG.HS256)
                .compact();
        TestEngine.Reply r = demo.get("/api/v1/users", noExpiry);
        assertEquals(401, r.status(), r.body());
    }

    @Test
    void aProctoredExamIsNotTakenThroughTheApiAlone() {
        String student = demo.login("student3", "demo-student");
        String exam = proctoredExam(student);
        TestEngine.Reply start = demo.post("/api/v1/exams/" + exam + "/attempts", student, null);
        assertEquals(201, start.status(), start.body());
        String attempt = start.json().getString("id");
        assertFalse(start.body().contains("What is"), "no question text before the identity photos: " + start.body());
        assertFalse(demo.get("/api/v1/attempts/" + attempt, student).body().contains("What is"));
        // the attacker is even granted the paper's real ids (read from the store here), as if they had learnt them
        Paper.Item item = Paper.decode(demo.redis(Request.cmd(Command.HGET)
                                .arg(kz.emtihan.exam.ExamKeys.attempt(attempt))
                                .arg("paper"))
                        .toString())
                .items()
                .get(0);
        TestEngine.Reply save = demo.put(
                "/api/v1/attempts/" + attempt + "/answers/" + item.questionId(),
                student,
                new JsonObject()
                        .put("choices", new JsonArray().add(item.optionOrder().get(0)))
                        .put("seq", 1));
        assertEquals(409, save.status(), save.body());
        assertEquals("identity-required", save.error());
        assertEquals(
                "identity-required",
                demo.post("/api/v1/attempts/" + attempt + "/submit", student, null)
                        .error());
        assertEquals(
                0L,
                demo.redis(Request.cmd(Command.HLEN).arg(kz.emtihan.exam.ExamKeys.answers(attempt)))
                        .toLong(),
                "nothing stored");
        JsonObject top = demo.get("/api/v1/exams/" + exam + "/proctoring", demo.login("proctor", "demo-proctor"))
                .json()
                .getJsonArray("students")
                .getJsonObject(0);
        assertEquals("student3", top.getString("studentId"), "the student stuck before their questions is at the top");
        assertEquals(true, top.getBoolean("stuck"));
        // with no recording an attempt rates at most 50, the floor of a fully recorded one (its evidence falling due
        // after
        // proctoring.evidenceGraceSeconds lowers it further: ProctoredByServerTest, with short intervals)
        assertTrue(top.getInteger("credibility") <= 50, "no photos, no camera, no screen, no socket: " + top.encode());
    }

    @Test
    void anotherTeacherReadsNoBankAndAnUnassignedProctorNeitherReadsNorTerminates() {
        String admin = demo.admin();
        demo.post(
                "/api/v1/users",
                admin,
                new JsonArray()
                        .add(account("teacher2", "teacher", "teacher2-password"))
                        .add(account("proctor2", "proctor", "proctor2-password")));
        String teacher2 = demo.login("teacher2", "teacher2-password");
        String bank = demo.get("/api/v1/banks", demo.login("teacher", "demo-teacher"))
                .array()
                .getJsonObject(0)
                .getString("id");
        assertEquals(
                403,
                demo.get("/api/v1/banks/" + bank + "/questions", teacher2).status(),
                "the answer key is the owner's");
        assertEquals(403, demo.get("/api/v1/banks/" + bank, teacher2).status());
        assertEquals(new JsonArray(), demo.get("/api/v1/banks", teacher2).array(), "and the list says nothing of it");

        String student = demo.login("student5", "demo-student");
        String exam = plainExam(student);
        String attempt = demo.post("/api/v1/exams/" + exam + "/attempts", student, null)
                .json()
                .getString("id");
        String proctor2 = demo.login("proctor2", "proctor2-password");
        assertEquals(403, demo.get("/api/v1/attempts/" + attempt, proctor2).status());
        assertEquals(403, demo.get("/api/v1/attempts/" + attempt, teacher2).status());
        assertEquals(
                403,
                demo.post(
                                "/api/v1/attempts/" + attempt + "/terminate",
                                proctor2,
                                new JsonObject().put("reason", "because"))
                        .status());
        assertEquals(
                "in-progress",
                demo.get("/api/v1/attempts/" + attempt, student).json().getString("status"),
                "nothing ended");
    }

    @Test
    void wrongPasswordsForOneAccountMeetALimitWithRetryAfter() {
        // an account of its own: the demo students' sign-ins in the other tests come from the same address
        demo.post(
                "/api/v1/users", demo.admin(), new JsonArray().add(account("guessed", "student", "guessed-password")));
        TestEngine.Reply last = null;
        int tries = 0;
        while (tries < 20) {
            tries++;
            last = demo.post(
                    "/api/v1/auth/login",
                    null,
                    new JsonObject().put("username", "guessed").put("password", "guess-" + tries));
            if (last.status() == 429) break;
            assertEquals(401, last.status(), last.body());
        }
        assertEquals(429, last.status(), "200 wrong passwords in 18 s met no limit before; now a few do: " + tries);
        assertTrue(tries <= 5, "the limit comes after a few failures: " + tries);
        assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    }

    @Test
    void theOralSittingKeepsItsOrderAndItsTickets() throws IOException {
        String secretary = demo.login("secretary", "demo-secretary");
        String chair = demo.login("commission", "demo-commission");
        String sitting =
                demo.get("/api/v1/sittings", secretary).array().getJsonObject(0).getString("id");
        String st = "/api/v1/sittings/" + sitting + "/students/student1";
        demo.post(
                "/api/v1/users",
                demo.admin(),
                new JsonArray().add(account("outsider", "commission", "outsider-password")));
        String outsider = demo.login("outsider", "outsider-password");
        assertEquals(
                403,
                demo.post(st + "/admit", outsider, null).status(),
                "a commission member not on the sitting: 403, not 500");

        assertEquals(200, demo.post(st + "/admit", secretary, null).status());
        byte[] face = face();
        for (String kind : List.of("id-card", "identity"))
            assertEquals(
                    200,
                    demo.send("PUT", st + "/photos/" + kind, secretary, "image/jpeg", face)
                            .status());
        assertEquals(
                200,
                demo.post(st + "/identity", secretary, new JsonObject().put("confirmed", true))
                        .status());
        assertEquals(
                200,
                demo.send("PUT", st + "/photos/room", secretary, "image/jpeg", face)
                        .status());
        JsonObject checklist = new JsonObject();
        kz.emtihan.sitting.SittingSteps.ROOM_CHECKLIST.forEach(item -> checklist.put(item, true));
        assertEquals(
                200,
                demo.post(st + "/room", secretary, new JsonObject().put("checklist", checklist))
                        .status());
        TestEngine.Reply draw = demo.post(st + "/draw", chair, new JsonObject().put("word", "tulip"));
        assertEquals(200, draw.status(), draw.body());

        TestEngine.Reply score = demo.put(st + "/score", chair, new JsonObject().put("points", 95));
        assertEquals(409, score.status(), "no score before the preparation and the answer: " + score.body());
        assertEquals("wrong-order", score.error());
        assertEquals("wrong-order", demo.post(st + "/confirm", chair, null).error());
        assertEquals(200, demo.get("/api/v1/sittings/" + sitting, secretary).status(), "the sitting still reads");

        TestEngine.Reply others =
                demo.get("/api/v1/sittings/" + sitting + "/draws", demo.login("student2", "demo-student"));
        assertEquals(200, others.status(), others.body());
        assertEquals(
                0, others.json().getJsonArray("draws").size(), "a student sees only their own draw: " + others.body());
        assertFalse(others.body().contains("tulip") || others.body().contains("student1"), others.body());
        JsonArray own = demo.get("/api/v1/sittings/" + sitting + "/draws", demo.login("student1", "demo-student"))
                .json()
                .getJsonArray("draws");
        assertEquals(1, own.size(), "and their own: " + own.encode());
    }

    /** The README's walkthrough under the same rules: the demo proctor watches both demo exams, the demo expert reviews the banks. */
    @Test
    void theDemoPeopleSeeWhatTheWalkthroughShows() {
        String proctor = demo.login("proctor", "demo-proctor");
        JsonArray exams = demo.get("/api/v1/exams", proctor).array();
        assertEquals(2, exams.size(), "the demo proctor is assigned to both demo exams: " + exams);
        for (Object o : exams) {
            String examId = ((JsonObject) o).getString("id");
            assertEquals(
                    200,
                    demo.get("/api/v1/exams/" + examId + "/proctoring", proctor).status());
            assertEquals(
                    List.of("proctor"),
                    demo.get("/api/v1/exams/" + examId + "/proctors", proctor)
                            .json()
                            .getJsonArray("proctors")
                            .getList());
        }
        String expert = demo.login("expert", "demo-expert");
        JsonArray banks = demo.get("/api/v1/banks", expert).array();
        // both demo banks: the expert is on each one's panel (5.24), the way they became usable for the attestations
        assertEquals(2, banks.size(), banks.encode());
        String bankId = banks.getJsonObject(0).getString("id");
        assertTrue(demo.get("/api/v1/banks/" + bankId + "/questions", expert)
                .array()
                .getJsonObject(0)
                .containsKey("correct"));
        assertEquals(
                403,
                demo.post("/api/v1/banks/" + bankId + "/questions", expert, new JsonArray())
                        .status(),
                "an expert reviews, never edits");
        String registrar = demo.login("registrar", "demo-registrar");
        assertEquals(403, demo.get("/api/v1/banks/" + bankId, registrar).status());
        String student = demo.login("student1", "demo-student");
        String attempt = demo.post(
                        "/api/v1/exams/" + exams.getJsonObject(0).getString("id") + "/attempts", student, null)
                .json()
                .getString("id");
        assertEquals(
                200,
                demo.get("/api/v1/attempts/" + attempt, proctor).status(),
                "the proctor reads an attempt of an exam they proctor");
    }

    private static String proctoredExam(String token) {
        return examWhere(token, true);
    }

    private static String plainExam(String token) {
        return examWhere(token, false);
    }

    private static String examWhere(String token, boolean proctored) {
        for (Object o : demo.get("/api/v1/me/exams", token).array()) {
            JsonObject exam = (JsonObject) o;
            if (exam.getString("title").contains("proctored") == proctored) return exam.getString("id");
        }
        throw new AssertionError("the demo has no " + (proctored ? "proctored" : "unproctored") + " exam");
    }

    private static JsonObject account(String id, String role, String password) {
        return new JsonObject()
                .put("id", id)
                .put("name", id)
                .put("roles", new JsonArray().add(role))
                .put("password", password);
    }

    private static byte[] face() throws IOException {
        try (InputStream in = DemoAttacksTest.class.getResourceAsStream("/fixtures/faces/face_grace_hopper.jpg")) {
            return in.readAllBytes();
        }
    }
}
