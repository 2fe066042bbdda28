package kz.emtihan.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Moodle 4 export uploaded through the API: what lands, what is reported, and that no script survives. */
@SharedEngine
class BankImportTest {
    static TestEngine app;
    static String teacher;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        app.users("teacher", "import-t1");
        teacher = app.loginAs("import-t1");
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = BankImportTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    TestEngine.Reply upload(String bankId, String query, byte[] file) {
        return app.send("POST", "/api/v1/banks/" + bankId + "/import?" + query, teacher, "application/xml", file);
    }

    @Test
    void aMoodleExportImportsItsMultichoiceQuestionsAndReportsTheRest() throws IOException {
        String bankId =
                app.post("/api/v1/banks", teacher, Fixtures.passport()).json().getString("id");
        TestEngine.Reply r = upload(bankId, "format=moodle-xml", fixture("moodle-export.xml"));
        assertEquals(200, r.status(), r.body());
        int imported = r.json().getInteger("imported");
        JsonArray skipped = r.json().getJsonArray("skipped");
        assertTrue(imported >= 10, r.body());
        for (String type : new String[] {"truefalse", "essay", "shortanswer", "matching"}) {
            assertTrue(
                    skipped.stream()
                            .anyMatch(s -> ((JsonObject) s).getString("reason").contains(type)),
                    type + " reported: " + r.body());
        }
        assertTrue(
                skipped.stream()
                        .allMatch(s -> ((JsonObject) s).getString("position").startsWith("question ")
                                && ((JsonObject) s).getInteger("question") > 0
                                && ((JsonObject) s).getInteger("line") > 0),
                "every skip has its position");
        java.util.Map<Integer, java.util.Set<Boolean>> keptByQuestion = new java.util.HashMap<>();
        skipped.forEach(s -> keptByQuestion
                .computeIfAbsent(((JsonObject) s).getInteger("question"), q -> new java.util.HashSet<>())
                .add(((JsonObject) s).getBoolean("kept")));
        assertTrue(
                keptByQuestion.values().stream().noneMatch(v -> v.size() > 1),
                "no question is both kept and skipped: " + r.body());
        assertTrue(
                keptByQuestion.values().stream().anyMatch(v -> v.contains(true)), "notes on kept questions are marked");
        JsonArray stored =
                app.get("/api/v1/banks/" + bankId + "/questions", teacher).array();
        assertEquals(imported, stored.size());
        long unclassified = stored.stream()
                .filter(q -> ((JsonObject) q).getString("difficulty") == null)
                .count();
        assertTrue(unclassified > 0, "a question without difficulty lands unclassified, not guessed (5.23.3)");
        assertEquals(unclassified, (long) r.json().getInteger("unclassified"), r.body());
        String all = stored.encode();
        assertFalse(all.contains("<script"), "scripts never reach the bank");
        assertFalse(all.contains("onclick"), "event attributes never reach the bank");
        assertFalse(all.contains("javascript:"));
        JsonObject summary = app.get("/api/v1/banks/" + bankId, teacher).json();
        assertEquals(imported, summary.getInteger("questionCount"));

        // issue 12 (2): the embedded picture is stored with the bank and shown by its hash, with its own bytes
        JsonObject triangle = stored.stream()
                .map(q -> (JsonObject) q)
                .filter(q -> "Right triangle hypotenuse".equals(q.getString("name")))
                .findFirst()
                .orElseThrow();
        java.util.regex.Matcher media =
                java.util.regex.Pattern.compile("data-media=\"([0-9a-f]{64})\"").matcher(triangle.getString("text"));
        assertTrue(media.find(), triangle.getString("text"));
        assertTrue(triangle.getString("text").contains("alt=\"a right triangle\""), triangle.getString("text"));
        byte[] png = java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                png, app.getBytes("/api/v1/banks/" + bankId + "/media/" + media.group(1), teacher));

        // the same file with a fallback difficulty classifies the untagged questions instead
        String second =
                app.post("/api/v1/banks", teacher, Fixtures.passport()).json().getString("id");
        TestEngine.Reply withFallback =
                upload(second, "format=moodle-xml&difficulty=medium", fixture("moodle-export.xml"));
        assertEquals(imported, withFallback.json().getInteger("imported"), withFallback.body());
        assertEquals(0, withFallback.json().getInteger("unclassified"), withFallback.body());
    }

    @Test
    void validationCitesTheClausesOfWhatIsWrong() { // 7.6, 5.23.3
        String bankId =
                app.post("/api/v1/banks", teacher, Fixtures.passport()).json().getString("id");
        app.post("/api/v1/banks/" + bankId + "/questions", teacher, Fixtures.questions(30, 10, 5));
        JsonObject v =
                app.get("/api/v1/banks/" + bankId + "/validation", teacher).json();
        assertEquals(false, v.getBoolean("ok"));
        JsonArray rules = new JsonArray(v.getJsonArray("problems").stream()
                .map(p -> ((JsonObject) p).getString("rule"))
                .toList());
        assertEquals(new JsonArray().add("7.6").add("5.23.3"), rules);
    }
}
