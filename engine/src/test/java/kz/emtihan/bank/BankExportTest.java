package kz.emtihan.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (5): {@code GET /banks/{bankId}/export} through the API, and the file imported into another bank through
 * the API ({@code format=qti} takes the zip as it comes, {@code format=moodle-xml} the XML). Who may export: who may
 * read the bank (5.21), an assigned expert too; everyone else is refused before the format is looked at.
 */
@SharedEngine
class BankExportTest {
    static TestEngine app;
    static String owner;
    static String stranger;
    static String student;
    static String bankId;
    static String pictureHash;
    static final byte[] PICTURE = picture();

    static byte[] picture() {
        try (java.io.InputStream in = BankExportTest.class.getResourceAsStream("/kz/emtihan/bank/media/dot.png")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The picture as the copied bank serves it: the same bytes under the same hash. */
    static void assertPictureServedBy(String bank) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(
                        URI.create(app.base() + "/api/v1/banks/" + bank + "/media/" + pictureHash))
                .header("Authorization", "Bearer " + owner)
                .GET()
                .build();
        HttpResponse<byte[]> got = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        org.junit.jupiter.api.Assertions.assertArrayEquals(PICTURE, got.body());
    }

    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        app.users("teacher", "export-t1", "export-t2");
        app.users("student", "export-s1");
        owner = app.loginAs("export-t1");
        stranger = app.loginAs("export-t2");
        student = app.loginAs("export-s1");
        bankId = app.post("/api/v1/banks", owner, Fixtures.passport()).json().getString("id");
        TestEngine.Reply stored = app.send("POST", "/api/v1/banks/" + bankId + "/media", owner, "image/png", PICTURE);
        assertEquals(201, stored.status(), stored.body());
        pictureHash = stored.json().getString("hash");
        JsonArray questions = new JsonArray()
                .add(new JsonObject()
                        .put(
                                "text",
                                "<p>Solve \\(x^2 = 4\\)</p><p><img data-media=\"" + pictureHash
                                        + "\" alt=\"graph\"></p>")
                        .put(
                                "options",
                                new JsonArray()
                                        .add("2")
                                        .add("-2 only")
                                        .add("0")
                                        .add("4")
                                        .add("none"))
                        .put(
                                "fractions",
                                new JsonArray().add(100).add(50).add(0).add(-50).add(0))
                        .put("single", true)
                        .put("shuffle", false)
                        .put("fixed", new JsonArray().add(4))
                        .put(
                                "optionFeedback",
                                new JsonArray()
                                        .add("right")
                                        .add("half")
                                        .add("")
                                        .add("no")
                                        .add(""))
                        .put("feedback", "<p>x = ±2</p>")
                        .put("name", "Quadratic")
                        .put("idnumber", "ALG-7")
                        .put("tags", new JsonArray().add("algebra"))
                        .put("difficulty", "easy")
                        .put("topic", "Алгебра"))
                .add(new JsonObject()
                        .put("text", "Which hold? $$U = IR$$")
                        .put(
                                "options",
                                new JsonArray()
                                        .add("a")
                                        .add("b")
                                        .add("c")
                                        .add("d")
                                        .add("e"))
                        .put(
                                "fractions",
                                new JsonArray().add(50).add(50).add(-100).add(0).add(0))
                        .put("single", false)
                        .put("difficulty", "hard")
                        .put("topic", "Физика"));
        TestEngine.Reply added = app.post("/api/v1/banks/" + bankId + "/questions", owner, questions);
        assertEquals(200, added.status(), added.body());
    }

    static HttpResponse<byte[]> export(String token, String query) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/banks/" + bankId + "/export" + query))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonArray questionsOf(String id) {
        return app.get("/api/v1/banks/" + id + "/questions", owner).array();
    }

    /** What a question is, without the ids and order a new bank gives it. */
    static JsonObject content(JsonObject q) {
        JsonObject out = q.copy();
        out.remove("id");
        out.remove("order");
        out.remove("name");
        return out;
    }

    @Test
    void theQti3PackageImportsIntoAnotherBankAsTheSameQuestions() throws Exception {
        HttpResponse<byte[]> r = export(owner, "?format=qti3");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "attachment; filename=\"bank-" + bankId + "-qti3.zip\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        String copy =
                app.post("/api/v1/banks", owner, Fixtures.passport()).json().getString("id");
        TestEngine.Reply imported =
                app.send("POST", "/api/v1/banks/" + copy + "/import?format=qti", owner, "application/zip", r.body());
        assertEquals(200, imported.status(), imported.body());
        assertEquals(2, imported.json().getInteger("imported"), imported.body());
        JsonArray before = questionsOf(bankId);
        JsonArray after = questionsOf(copy);
        assertEquals(before.size(), after.size());
        assertEquals("Quadratic", after.getJsonObject(0).getString("name"));
        for (int i = 0; i < before.size(); i++)
            assertEquals(content(before.getJsonObject(i)), content(after.getJsonObject(i)), "question " + i);
        assertTrue(after.getJsonObject(0).getString("text").contains("data-media=\"" + pictureHash + "\""));
        assertPictureServedBy(copy);
        // a question added without a name gets the one every import gives: the start of its text
        assertEquals("Which hold? $$U = IR$$", after.getJsonObject(1).getString("name"));
    }

    @Test
    void theMoodleXmlFileImportsIntoAnotherBank() throws Exception {
        HttpResponse<byte[]> r = export(owner, "?format=moodle-xml");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        assertEquals(
                "attachment; filename=\"bank-" + bankId + "-moodle.xml\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("<quiz>"));
        String copy =
                app.post("/api/v1/banks", owner, Fixtures.passport()).json().getString("id");
        TestEngine.Reply imported = app.send(
                "POST", "/api/v1/banks/" + copy + "/import?format=moodle-xml", owner, "application/xml", r.body());
        assertEquals(200, imported.status(), imported.body());
        assertEquals(2, imported.json().getInteger("imported"), imported.body());
        JsonArray before = questionsOf(bankId);
        JsonArray after = questionsOf(copy);
        assertEquals(List.of(100.0, 50.0, 0.0, -50.0, 0.0), fractions(after.getJsonObject(0)));
        for (int i = 0; i < before.size(); i++) {
            JsonObject was = content(before.getJsonObject(i));
            JsonObject is = content(after.getJsonObject(i));
            // Moodle XML has no per-option "keeps its place", and carries the difficulty as one more tag
            was.remove("fixed");
            is.remove("fixed");
            is.put(
                    "tags",
                    new JsonArray(is.getJsonArray("tags").stream()
                            .filter(t -> !t.equals(was.getString("difficulty")))
                            .toList()));
            if (!was.containsKey("tags")) is.remove("tags");
            assertEquals(was, is, "question " + i);
        }
        assertTrue(after.getJsonObject(0).getString("text").contains("data-media=\"" + pictureHash + "\""));
        assertPictureServedBy(copy);
    }

    static List<Double> fractions(JsonObject q) {
        return q.getJsonArray("fractions").stream()
                .map(f -> ((Number) f).doubleValue())
                .toList();
    }

    @Test
    void aRealQti21PackageImportsThroughTheApiWithEverySkipPlaced() throws Exception {
        byte[] pack;
        try (java.io.InputStream in =
                BankExportTest.class.getResourceAsStream("/kz/emtihan/bank/real/qti/qtiworks-WebDeveloperTest1.zip")) {
            pack = in.readAllBytes();
        }
        String bank =
                app.post("/api/v1/banks", owner, Fixtures.passport()).json().getString("id");
        TestEngine.Reply r = app.send(
                "POST", "/api/v1/banks/" + bank + "/import?format=qti", owner, "application/octet-stream", pack);
        assertEquals(200, r.status(), r.body());
        assertEquals(8, r.json().getInteger("imported"), r.body());
        assertEquals(8, r.json().getInteger("unclassified"), "no difficulty in the package: unclassified (5.23.3)");
        JsonObject skip = r.json().getJsonArray("skipped").stream()
                .map(JsonObject.class::cast)
                .filter(n -> !n.getBoolean("kept"))
                .findFirst()
                .orElseThrow();
        assertEquals(8, skip.getInteger("question"), r.body());
        assertEquals("skip.qti-interactions", skip.getString("note"));
        assertTrue(skip.getString("reason").startsWith("item has 2 interactions"), r.body());
        JsonArray landed = questionsOf(bank);
        assertEquals(List.of(-100.0, 50.0, -100.0, -100.0, 50.0), fractions(landed.getJsonObject(4)));
        assertEquals("Electronics and Computer Science", landed.getJsonObject(0).getString("topic"));
    }

    @Test
    void anUnknownFormatIsRefusedAndNobodyElseLearnsEvenThat() throws Exception {
        HttpResponse<byte[]> bad = export(owner, "?format=pdf");
        assertEquals(400, bad.statusCode());
        assertEquals(
                "bad-export-format", new JsonObject(new String(bad.body(), StandardCharsets.UTF_8)).getString("error"));
        assertEquals(400, export(owner, "").statusCode(), "no format");
        assertEquals(403, export(stranger, "?format=pdf").statusCode(), "a teacher not on the bank");
        assertEquals(403, export(stranger, "?format=qti3").statusCode());
        assertEquals(403, export(student, "?format=qti3").statusCode());
    }
}
