package kz.emtihan.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * Everything an exam day needs, created over HTTP as the admin (not measured): a valid bank of 120
 * generated questions (48 easy, 48 medium, 24 hard, 5 options each), an intermediate attestation open
 * from an hour ago for a day (30 questions, 50 minutes, one attempt), N student accounts posted in
 * batches of 500, and the roster.
 */
final class Fixture {
    static final int BATCH = 500;

    /** The exam and the students' credentials. */
    record Created(String adminToken, String examId, String[] studentIds) {
        static String password(String studentId) {
            return "pw-" + studentId + "-bench";
        }
    }

    private Fixture() {}

    /**
     * The exam day's fixture: accounts {@code <prefix>00001...} and an attestation of its own discipline, so that the
     * warm-up (prefix w) and the measured day (prefix s) can share one engine.
     */
    static Created create(Client client, int students, long seed, String prefix, String discipline) {
        String admin = client.expect(
                        200,
                        client.post(
                                "/api/v1/auth/login",
                                null,
                                new JsonObject().put("username", "admin").put("password", BenchEngine.ADMIN_PASSWORD)),
                        "admin login")
                .json()
                .getString("token");
        createExpert(client, admin);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String examId = exam(
                client,
                admin,
                discipline,
                "Bench attestation (" + students + " students)",
                now.plus(Duration.ofDays(1)),
                seed);
        String[] ids = new String[students];
        JsonArray roster = new JsonArray();
        for (int i = 0; i < students; i++) {
            ids[i] = String.format("%s%05d", prefix, i + 1);
            roster.add(ids[i]);
        }
        for (int from = 0; from < students; from += BATCH) {
            JsonArray batch = new JsonArray();
            for (int i = from; i < Math.min(students, from + BATCH); i++) {
                batch.add(new JsonObject()
                        .put("id", ids[i])
                        .put("name", "Student " + ids[i])
                        .put("roles", new JsonArray().add("student"))
                        .put("password", Created.password(ids[i])));
            }
            client.expect(200, client.post("/api/v1/users", admin, batch), "create students " + from);
        }
        client.expect(200, client.put("/api/v1/exams/" + examId + "/roster", admin, roster), "roster");
        return new Created(admin, examId, ids);
    }

    /**
     * A usable bank of its own discipline (5.20.3 allows one attestation per discipline and period) and an
     * intermediate attestation on it, open from an hour ago until {@code closes}, with no roster yet; its id.
     */
    static String exam(Client client, String admin, String discipline, String title, Instant closes, long seed) {
        JsonObject passport = new JsonObject()
                .put("discipline", discipline)
                .put("programme", "6B06101 Bench")
                .put("language", "English")
                .put("compilers", new JsonArray().add("Load Generator"))
                .put("references", new JsonArray().add("none"));
        String bankId = client.expect(
                        201,
                        client.post("/api/v1/banks", admin, new JsonObject().put("passport", passport)),
                        "create bank")
                .json()
                .getString("id");
        client.expect(
                200, client.post("/api/v1/banks/" + bankId + "/questions", admin, questions(seed)), "add questions");
        usable(client, admin, bankId);
        JsonObject exam = new JsonObject()
                .put("bankId", bankId)
                .put("title", title)
                .put("kind", "intermediate-attestation")
                .put(
                        "opensAt",
                        Instant.now()
                                .truncatedTo(ChronoUnit.MINUTES)
                                .minus(Duration.ofHours(1))
                                .toString())
                .put("closesAt", closes.toString())
                .put(
                        "proctoring",
                        new JsonObject()
                                .put("camera", false)
                                .put("screen", false)
                                .put("identity", false));
        return client.expect(201, client.post("/api/v1/exams", admin, exam), "create exam")
                .json()
                .getString("id");
    }

    /** The expert who concludes on the bench's banks (5.24-5.26); once per engine. */
    static void createExpert(Client client, String admin) {
        Client.Reply r = Client.await(
                client.post(
                        "/api/v1/users",
                        admin,
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("id", "bench-expert")
                                        .put("name", "Bench Expert")
                                        .put("roles", new JsonArray().add("expert"))
                                        .put("password", "pw-bench-expert"))),
                120);
        boolean exists = client
                .expect(200, client.send(io.vertx.core.http.HttpMethod.GET, "/api/v1/users", admin, null), "users")
                .array()
                .stream()
                .anyMatch(u -> "bench-expert".equals(((JsonObject) u).getString("id")));
        if (!exists) throw new IllegalStateException("create expert: " + r.status() + " " + r.body());
    }

    /**
     * 5.19, 5.24-5.26: the admin records the department's approval and names the bench expert (not a compiler) for
     * this academic year and the next; the expert concludes "may be used" for both, so the attestation may be scheduled.
     */
    static void usable(Client client, String admin, String bankId) {
        String base = "/api/v1/banks/" + bankId;
        String expert = client.expect(
                        200,
                        client.post(
                                "/api/v1/auth/login",
                                null,
                                new JsonObject().put("username", "bench-expert").put("password", "pw-bench-expert")),
                        "expert login")
                .json()
                .getString("token");
        JsonObject life = client.expect(
                        200,
                        client.post(
                                base + "/approval",
                                admin,
                                new JsonObject()
                                        .put(
                                                "meetingDate",
                                                java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                                        .minusDays(1)
                                                        .toString())
                                        .put("minutes", "1")),
                        "approve bank")
                .json();
        for (Object year : life.getJsonArray("years")) {
            client.expect(
                    200,
                    client.put(
                            base + "/panel",
                            admin,
                            new JsonObject()
                                    .put("academicYear", year)
                                    .put("experts", new JsonArray().add("bench-expert"))),
                    "assign expert");
            JsonObject conclusion = new JsonObject().put("academicYear", year).put("decision", "may-be-used");
            for (String aspect : new String[] {"standards", "difficulty", "wording"})
                conclusion.put(
                        aspect,
                        new JsonObject().put("assessment", "satisfactory").put("comment", "bench"));
            client.expect(201, client.post(base + "/conclusions", expert, conclusion), "conclude");
        }
    }

    /** 120 distinct questions, 40/40/20 by difficulty as regulation.yaml asks, one correct option each. */
    static JsonArray questions(long seed) {
        Random r = new Random(seed);
        JsonArray out = new JsonArray();
        for (int i = 0; i < 120; i++) {
            String difficulty = i < 48 ? "easy" : i < 96 ? "medium" : "hard";
            int a = 7 + i, b = 3 + (i * 13) % 41, answer = i < 48 ? a + b : i < 96 ? a * b : a * b - b;
            String text = i < 48
                    ? "Bench: what is " + a + " + " + b + "?"
                    : i < 96
                            ? "Bench: what is " + a + " × " + b + "?"
                            : "Bench: what is " + a + " × " + b + " − " + b + "?";
            int correct = r.nextInt(5);
            JsonArray options = new JsonArray();
            for (int k = 0, d = 1; k < 5; k++)
                options.add(Integer.toString(k == correct ? answer : answer + (d++) * 3));
            out.add(new JsonObject()
                    .put("text", text)
                    .put("options", options)
                    .put("correct", new JsonArray().add(correct))
                    .put("difficulty", difficulty)
                    .put("topic", "Bench " + difficulty));
        }
        return out;
    }
}
