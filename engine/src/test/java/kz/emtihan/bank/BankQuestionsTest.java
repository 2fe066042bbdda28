package kz.emtihan.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.exam.ExamKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (3, 7): a big bank through the API: a filtered window of its questions with the total, its topics, one
 * question edited in place, many classified at once; and every new operation refused to those the bank does not
 * let (another teacher, an expert who only reads, a student).
 */
@SharedEngine
class BankQuestionsTest {
    static TestEngine app;
    static String owner;
    static String stranger;
    static String expert;
    static String student;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        app.users("teacher", "bq-owner", "bq-stranger");
        app.users("expert", "bq-expert", "bq-other-expert");
        app.users("student", "bq-student");
        owner = app.loginAs("bq-owner");
        stranger = app.loginAs("bq-stranger");
        expert = app.loginAs("bq-expert");
        student = app.loginAs("bq-student");
    }

    /** 12 questions: topics Алгебра / Geometry / none, four unclassified, one in Kazakh, one with name, tags, idnumber. */
    static String bank() {
        String bankId =
                app.post("/api/v1/banks", owner, Fixtures.passport()).json().getString("id");
        JsonArray qs = new JsonArray();
        for (int i = 0; i < 12; i++) {
            JsonArray options = new JsonArray();
            for (int o = 0; o < 5; o++) options.add("<p>вариант " + o + "-" + i + "</p>");
            JsonObject q = new JsonObject()
                    .put("id", "q" + i)
                    .put("text", "<p>Question &amp; number " + i + "</p>")
                    .put("options", options)
                    .put("correct", new JsonArray().add(0))
                    .put("difficulty", List.of("easy", "medium", "hard").get(i % 3))
                    .put("topic", i < 6 ? "Алгебра" : i < 10 ? "Geometry" : "");
            if (i == 7) q.put("text", "<p>Үшбұрыштың <b>ҚАБЫРҒАЛАРЫ</b> нешеу?</p>");
            if (i == 8) q.put("name", "Pythagoras").put("idnumber", "GEO-42").put("tags", new JsonArray().add("proof"));
            qs.add(q);
        }
        assertEquals(
                200,
                app.post("/api/v1/banks/" + bankId + "/questions", owner, qs).status());
        // four land unclassified (5.23.3), as an import without difficulty words leaves them
        JsonObject unclassify = new JsonObject()
                .put("ids", new JsonArray().add("q0").add("q1").add("q6").add("q11"))
                .putNull("difficulty");
        assertEquals(
                4,
                app.post("/api/v1/banks/" + bankId + "/questions/classify", owner, unclassify)
                        .json()
                        .getInteger("changed"));
        return bankId;
    }

    static TestEngine.Reply search(String bankId, String token, String query) {
        return app.get("/api/v1/banks/" + bankId + "/questions/search?" + query, token);
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> ids(JsonArray items) {
        return items.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }

    @Test
    void theListFiltersByTopicDifficultyAndTextAndSaysTheTotal() {
        String bankId = bank();
        JsonObject all = search(bankId, owner, "limit=5&offset=5").json();
        assertEquals(12, all.getInteger("total"));
        assertEquals(List.of("q5", "q6", "q7", "q8", "q9"), ids(all.getJsonArray("items")));
        assertEquals(6, all.getJsonArray("items").getJsonObject(0).getInteger("number"), "its place in the bank");

        assertEquals(
                List.of("q0", "q1", "q6", "q11"),
                ids(search(bankId, owner, "difficulty=unclassified").json().getJsonArray("items")));
        assertEquals(
                List.of("q2", "q5"),
                ids(search(bankId, owner, "difficulty=hard&topic=" + q("Алгебра"))
                        .json()
                        .getJsonArray("items")));
        assertEquals(
                List.of("q10", "q11"),
                ids(search(bankId, owner, "topic=").json().getJsonArray("items")),
                "an empty topic: those without one");
        assertEquals(
                List.of("q7"),
                ids(search(bankId, owner, "q=" + q("қабырғалары   үшбұрыштың"))
                        .json()
                        .getJsonArray("items")),
                "Kazakh, any case, words in any order, across markup");
        assertEquals(List.of("q8"), ids(search(bankId, owner, "q=geo-42").json().getJsonArray("items")), "idnumber");
        assertEquals(List.of("q8"), ids(search(bankId, owner, "q=PROOF").json().getJsonArray("items")), "tags");
        assertEquals(
                List.of("q8"), ids(search(bankId, owner, "q=pythagoras").json().getJsonArray("items")), "name");
        assertEquals(
                List.of("q3"),
                ids(search(bankId, owner, "q=" + q("ВАРИАНТ 4-3")).json().getJsonArray("items")),
                "options");
        assertEquals(
                11,
                search(bankId, owner, "q=" + q("&")).json().getInteger("total"),
                "entities read as text; q7 has none");

        TestEngine.Reply array = app.get("/api/v1/banks/" + bankId + "/questions?difficulty=easy&limit=1", owner);
        assertEquals(1, array.array().size());
        assertEquals("2", array.headers().firstValue("X-Total-Count").orElse(""), "q3, q9 are easy");
        TestEngine.Reply old = app.get("/api/v1/banks/" + bankId + "/questions", owner);
        assertEquals(12, old.array().size(), "without parameters: the whole bank, as before");
        assertEquals("12", old.headers().firstValue("X-Total-Count").orElse(""));

        for (String bad : List.of("limit=0", "limit=501", "offset=-1", "offset=x", "difficulty=simple")) {
            TestEngine.Reply r = search(bankId, owner, bad);
            assertEquals(400, r.status(), bad + ": " + r.body());
            assertEquals("bad-field", r.error(), bad);
        }
    }

    @Test
    void topicsAreCountedByDifficulty() {
        String bankId = bank();
        JsonArray topics = app.get("/api/v1/banks/" + bankId + "/topics", owner).array();
        assertEquals(
                List.of("", "Geometry", "Алгебра"),
                topics.stream().map(t -> ((JsonObject) t).getString("topic")).toList());
        JsonObject algebra = topics.getJsonObject(2);
        assertEquals(6, algebra.getInteger("total"));
        assertEquals(2, algebra.getInteger("unclassified"));
        assertEquals(1, algebra.getInteger("easy")); // q3 (q0 is unclassified)
        assertEquals(2, algebra.getInteger("hard"));
    }

    @Test
    void anEditInPlaceKeepsTheOptionIdsAndLeavesAScheduledExamAlone() {
        String bankId = Fixtures.validBank(app, owner);
        JsonObject first = app.get("/api/v1/banks/" + bankId + "/questions?limit=1", owner)
                .array()
                .getJsonObject(0);
        String id = first.getString("id");
        String examId = Fixtures.exam(
                app,
                owner,
                Fixtures.attestation(
                        bankId,
                        Instant.now().minus(Duration.ofHours(1)),
                        Instant.now().plusSeconds(3600)),
                "bq-student");
        JsonObject before = stored(bankId, id);

        JsonObject patch = new JsonObject()
                .put("text", "<p>Edited <script>alert(1)</script>text</p>")
                .put("single", true)
                .put(
                        "fractions",
                        new JsonArray().add(100).add(50).add(0).add(-25).add(0))
                .put("shuffle", false)
                .put("topic", "Edited topic");
        TestEngine.Reply r = patch(bankId, id, patch);
        assertEquals(200, r.status(), r.body());
        assertFalse(r.json().getString("text").contains("script"), "sanitised as POST is");
        assertEquals(new JsonArray().add(0), r.json().getJsonArray("correct"));
        assertTrue(r.json().containsKey("scoringNote"), "all or nothing reads the 50% option otherwise: " + r.body());
        TestEngine.Reply ru = app.send(
                "GET",
                "/api/v1/banks/" + bankId + "/questions/search?q=edited",
                owner,
                null,
                null,
                "Accept-Language",
                "ru");
        String note = ru.json().getJsonArray("items").getJsonObject(0).getString("scoringNote");
        assertTrue(note.matches("(?s).*[а-я].*") && note.contains("50"), "in the caller's language: " + note);
        JsonObject after = stored(bankId, id);
        assertEquals(ids(before), ids(after), "texts and fractions changed: the option ids stay");
        assertEquals(before.getLong("order"), after.getLong("order"), "its place in the bank stays");
        assertEquals(-25.0, after.getJsonArray("options").getJsonObject(3).getDouble("fraction"));
        assertFalse(after.getBoolean("shuffle"));
        assertEquals("Edited topic", after.getString("topic"));
        assertEquals(first.getString("difficulty"), after.getString("difficulty"), "untouched fields stay");

        String frozen = app.redis(Request.cmd(Command.HGET)
                        .arg(ExamKeys.examQuestions(examId))
                        .arg(id))
                .toString();
        assertTrue(frozen.contains(first.getString("text")), "the scheduled exam keeps its copy: " + frozen);

        // options removed: those whose text is unchanged keep their ids
        JsonArray three = new JsonArray();
        for (int i = 0; i < 3; i++) three.add(first.getJsonArray("options").getString(i));
        r = patch(bankId, id, new JsonObject().put("options", three).put("correct", new JsonArray().add(1)));
        assertEquals(200, r.status(), r.body());
        assertEquals(ids(before).subList(0, 3), ids(stored(bankId, id)));

        // difficulty null: unclassified (5.23.3)
        r = patch(bankId, id, new JsonObject().putNull("difficulty"));
        assertEquals(200, r.status(), r.body());
        assertNull(stored(bankId, id).getValue("difficulty"));
    }

    @Test
    void aClassificationAndEditsAtTheSameMomentAllLand() throws Exception { // 5.23.3
        String bankId = bank();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 6; round++) {
                String topic = "Round " + round;
                String difficulty = round % 2 == 0 ? "hard" : "easy";
                var edit = pool.submit(() -> patch(bankId, "q5", new JsonObject().put("topic", topic)));
                var named = pool.submit(() -> patch(bankId, "q5", new JsonObject().put("name", topic)));
                var classified = pool.submit(() -> app.post(
                        "/api/v1/banks/" + bankId + "/questions/classify",
                        owner,
                        new JsonObject().put("ids", new JsonArray().add("q5")).put("difficulty", difficulty)));
                assertEquals(200, edit.get().status(), edit.get().body());
                assertEquals(200, named.get().status(), named.get().body());
                assertEquals(200, classified.get().status(), classified.get().body());
                JsonObject after = stored(bankId, "q5");
                assertEquals(topic, after.getString("topic"), "the classification undid no edit: " + after);
                assertEquals(topic, after.getString("name"), after.encode());
                assertEquals(difficulty, after.getString("difficulty"), "no edit undid the classification");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void editsAtTheSameMomentAllLandAndNoneBringsBackADeletedQuestion() throws Exception {
        String bankId = bank();
        List<JsonObject> patches = List.of(
                new JsonObject().put("topic", "Parallel"),
                new JsonObject().put("name", "Named at once"),
                new JsonObject().put("idnumber", "PAR-1"),
                new JsonObject().put("feedback", "<p>Said at once</p>"),
                new JsonObject().put("shuffle", false),
                new JsonObject().put("tags", new JsonArray().add("together")));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(patches.size());
        try {
            List<java.util.concurrent.Future<TestEngine.Reply>> replies = new java.util.ArrayList<>();
            for (JsonObject p : patches) replies.add(pool.submit(() -> patch(bankId, "q4", p)));
            for (var f : replies) assertEquals(200, f.get().status(), f.get().body());
        } finally {
            pool.shutdown();
        }
        JsonObject after = stored(bankId, "q4");
        assertEquals("Parallel", after.getString("topic"), "no edit undoes another: " + after);
        assertEquals("Named at once", after.getString("name"), after.encode());
        assertEquals("PAR-1", after.getString("idnumber"), after.encode());
        assertEquals("<p>Said at once</p>", after.getString("feedback"), after.encode());
        assertFalse(after.getBoolean("shuffle"), after.encode());
        assertEquals(new JsonArray().add("together"), after.getJsonArray("tags"), after.encode());

        assertEquals(
                204,
                app.send("DELETE", "/api/v1/banks/" + bankId + "/questions/q4", owner, null, null)
                        .status());
        assertEquals(
                404, patch(bankId, "q4", new JsonObject().put("topic", "back")).status());
        assertEquals(
                0L,
                app.redis(Request.cmd(Command.HEXISTS)
                                .arg(BankKeys.bankQuestions(bankId))
                                .arg("q4"))
                        .toLong(),
                "a deleted question stays deleted");
    }

    @Test
    void aBadEditIsRefusedWithItsProblemsAndChangesNothing() {
        String bankId = bank();
        JsonObject before = stored(bankId, "q3");
        for (JsonObject bad : List.of(
                new JsonObject().put("text", ""),
                new JsonObject()
                        .put(
                                "fractions",
                                new JsonArray().add(0).add(0).add(0).add(0).add(0)),
                new JsonObject().put("options", new JsonArray().add("only one")),
                new JsonObject().put("difficulty", "simple"),
                new JsonObject().put("shuffle", "no"),
                new JsonObject().put("id", "another"),
                new JsonObject().put("colour", "red"),
                // issue 12 (2): a picture the bank does not have
                new JsonObject().put("text", "<p>Which?</p><img data-media=\"" + "0".repeat(64) + "\" alt=\"x\">"))) {
            TestEngine.Reply r = patch(bankId, "q3", bad);
            assertEquals(400, r.status(), bad + " " + r.body());
            assertEquals("invalid-edit", r.error(), bad.encode());
            assertFalse(r.json().getJsonArray("problems").isEmpty(), r.body());
        }
        assertEquals(before, stored(bankId, "q3"));
        assertEquals(
                404,
                patch(bankId, "no-such", new JsonObject().put("topic", "x")).status());
    }

    @Test
    void manyAreClassifiedAtOnceByIdsByTopicOrByTheFilter() {
        String bankId = bank();
        String path = "/api/v1/banks/" + bankId + "/questions/classify";
        TestEngine.Reply r = app.post(
                path,
                owner,
                new JsonObject()
                        .put(
                                "match",
                                new JsonObject()
                                        .put("difficulty", "unclassified")
                                        .put("topic", "Алгебра"))
                        .put("difficulty", "medium"));
        assertEquals(200, r.status(), r.body());
        assertEquals(2, r.json().getInteger("changed"), "q0, q1");
        assertEquals(2, search(bankId, owner, "difficulty=unclassified").json().getInteger("total"));

        r = app.post(path, owner, new JsonObject().put("topic", "Geometry").put("difficulty", "hard"));
        assertEquals(3, r.json().getInteger("changed"), "q6, q7, q9; q8 was hard already: " + r.body());

        r = app.post(
                path,
                owner,
                new JsonObject()
                        .put("ids", new JsonArray().add("q10").add("nope"))
                        .put("difficulty", "easy"));
        assertEquals(404, r.status(), "an unknown id: nothing changes");
        assertEquals("medium", stored(bankId, "q10").getString("difficulty"), "as it was");
        assertEquals(1, search(bankId, owner, "difficulty=unclassified").json().getInteger("total"), "q11");

        for (JsonObject bad : List.of(
                new JsonObject().put("ids", new JsonArray().add("q11")),
                new JsonObject().put("ids", new JsonArray().add("q11")).put("difficulty", "simple"),
                new JsonObject().put("ids", new JsonArray()).put("difficulty", "easy"),
                new JsonObject()
                        .put("ids", new JsonArray().add("q11"))
                        .put("topic", "")
                        .put("difficulty", "easy"),
                new JsonObject().put("difficulty", "easy"))) {
            assertEquals(400, app.post(path, owner, bad).status(), bad.encode());
        }
        assertEquals(1, search(bankId, owner, "difficulty=unclassified").json().getInteger("total"));
    }

    @Test
    void strangersExpertsAndStudentsCannotEditOrClassify() {
        String bankId = bank();
        assertEquals(
                200,
                app.put(
                                "/api/v1/banks/" + bankId + "/access",
                                owner,
                                new JsonObject()
                                        .put("coAuthors", new JsonArray())
                                        .put("experts", new JsonArray().add("bq-expert")))
                        .status());
        JsonObject before = stored(bankId, "q3");
        JsonObject classify = new JsonObject().put("topic", "Алгебра").put("difficulty", "hard");
        for (String token : List.of(stranger, expert, student)) {
            assertEquals(
                    403,
                    patch(bankId, "q3", new JsonObject().put("text", "mine now"), token)
                            .status());
            assertEquals(
                    403,
                    app.post("/api/v1/banks/" + bankId + "/questions/classify", token, classify)
                            .status());
        }
        for (String token : List.of(stranger, student, app.loginAs("bq-other-expert"))) {
            assertEquals(403, search(bankId, token, "q=x").status());
            assertEquals(
                    403, app.get("/api/v1/banks/" + bankId + "/topics", token).status());
            assertEquals(
                    403,
                    app.get("/api/v1/banks/" + bankId + "/questions?limit=1", token)
                            .status());
        }
        assertEquals(200, search(bankId, expert, "").status(), "the assigned expert reads");
        assertEquals(200, app.get("/api/v1/banks/" + bankId + "/topics", expert).status());
        assertEquals(before, stored(bankId, "q3"));
        assertEquals(4, search(bankId, owner, "difficulty=unclassified").json().getInteger("total"));
        assertEquals(401, app.get("/api/v1/banks/" + bankId + "/topics", null).status());
    }

    private TestEngine.Reply patch(String bankId, String id, JsonObject body) {
        return patch(bankId, id, body, owner);
    }

    private TestEngine.Reply patch(String bankId, String id, JsonObject body, String token) {
        return app.send(
                "PATCH",
                "/api/v1/banks/" + bankId + "/questions/" + id,
                token,
                "application/json",
                body.encode().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject stored(String bankId, String id) {
        return new JsonObject(app.redis(Request.cmd(Command.HGET)
                        .arg(BankKeys.bankQuestions(bankId))
                        .arg(id))
                .toString());
    }

    private static List<String> ids(JsonObject storedQuestion) {
        return storedQuestion.getJsonArray("options").stream()
                .map(o -> ((JsonObject) o).getString("id"))
                .toList();
    }
}
