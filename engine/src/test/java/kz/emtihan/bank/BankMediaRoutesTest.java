package kz.emtihan.bank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.bank.imports.EmbeddedFile;
import kz.emtihan.bank.media.ImportMedia;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (2): a bank's pictures are its staff's, and a student sees only the pictures of their own paper. Every
 * case is a valid token of the wrong person, role or moment calling the API directly.
 */
@SharedEngine
class BankMediaRoutesTest {
    static final Pattern MEDIA = Pattern.compile("data-media=\"([0-9a-f]{64})\"");
    static final byte[] PNG = MediaBank.resource("dot.png");
    static TestEngine app;
    static String owner;
    static String stranger;
    static String pictureBank;
    /** hash of the picture of question i of {@link #pictureBank}. */
    static final List<String> HASHES = new ArrayList<>();

    @BeforeAll
    static void start(TestEngine shared) throws Exception {
        app = shared;
        app.users("teacher", "bm-t1", "bm-t2");
        app.users("student", "bm-s1", "bm-s2", "bm-s3");
        app.users("proctor", "bm-p1");
        owner = app.loginAs("bm-t1");
        stranger = app.loginAs("bm-t2");
        pictureBank = pictureBank();
        for (int i = 0; i < 100; i++) HASHES.add(ImportMedia.sha256(MediaBank.fakePng(i)));
    }

    /** A bank whose every question has a picture. */
    static String pictureBank() throws Exception {
        return MediaBank.create(
                app,
                owner,
                i -> new MediaBank.Imported(
                        "<p>Question " + i + " <img src=\"@@PLUGINFILE@@/p" + i + ".png\" alt=\"p" + i + "\"></p>",
                        "<p>Why: <img src=\"@@PLUGINFILE@@/why.png\" alt=\"\"></p>",
                        List.of(
                                new EmbeddedFile("p" + i + ".png", MediaBank.fakePng(i)),
                                new EmbeddedFile("why.png", MediaBank.fakePng(1000 + i)))));
    }

    static TestEngine.Reply upload(String bankId, String token, String type, byte[] bytes) {
        return app.send("POST", "/api/v1/banks/" + bankId + "/media", token, type, bytes);
    }

    static String bank() {
        return app.post("/api/v1/banks", owner, Fixtures.passport()).json().getString("id");
    }

    @Test
    void theBankEditorAddsAPictureAndItsStaffReadItBackAsStoredWithInertHeaders() {
        String bankId = bank();
        TestEngine.Reply r = upload(bankId, owner, "image/png", PNG);
        assertEquals(201, r.status(), r.body());
        assertEquals(ImportMedia.sha256(PNG), r.json().getString("hash"));
        assertEquals("image/png", r.json().getString("type"));
        String path = "/api/v1/banks/" + bankId + "/media/" + r.json().getString("hash");
        assertArrayEquals(PNG, app.getBytes(path, owner));
        TestEngine.Reply got = app.get(path, owner);
        assertEquals("image/png", got.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "nosniff", got.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("inline", got.headers().firstValue("Content-Disposition").orElse(""));
        String cache = got.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cache.contains("private") && cache.contains("immutable"), cache);
        assertTrue(
                got.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
        assertEquals(201, upload(bankId, owner, "image/png", PNG).status(), "the same bytes again: the same file");
    }

    @Test
    void anotherTeacherAStudentOrAnotherBankSeeNothing() {
        String bankId = bank();
        String hash = upload(bankId, owner, "image/png", PNG).json().getString("hash");
        String path = "/api/v1/banks/" + bankId + "/media/" + hash;
        assertEquals(403, app.get(path, stranger).status(), "a teacher who is not on the bank");
        assertEquals(403, app.get(path, app.loginAs("bm-s1")).status(), "a student");
        assertEquals(403, app.get(path, app.loginAs("bm-p1")).status(), "a proctor");
        assertEquals(401, app.get(path, null).status());
        assertEquals(200, app.get(path, app.admin()).status());
        String other = bank();
        assertEquals(
                404, app.get("/api/v1/banks/" + other + "/media/" + hash, owner).status(), "another bank");
        assertEquals(
                404,
                app.get("/api/v1/banks/" + bankId + "/media/" + "0".repeat(64), owner)
                        .status());
        assertEquals(
                404,
                app.get("/api/v1/banks/" + bankId + "/media/..%2F..%2Fetc", owner)
                        .status());
        TestEngine.Reply refused = upload(bankId, stranger, "image/png", MediaBank.fakePng(7));
        assertEquals(403, refused.status(), "a teacher who may not edit the bank adds nothing");
        assertEquals(
                404,
                app.get("/api/v1/banks/" + bankId + "/media/" + ImportMedia.sha256(MediaBank.fakePng(7)), owner)
                        .status());
    }

    @Test
    void svgHtmlAnEmptyOrATooLargeFileIsRefusedWithItsReason() {
        String bankId = bank();
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        TestEngine.Reply r = upload(bankId, owner, "image/png", svg);
        assertEquals(415, r.status(), r.body());
        assertEquals("file-refused", r.error());
        assertTrue(r.json().getString("message").contains("SVG"), r.body());
        TestEngine.Reply html = upload(bankId, owner, "image/gif", "<html><body>hi".getBytes(StandardCharsets.UTF_8));
        assertEquals("file-refused", html.error());
        assertEquals(
                "empty-file", upload(bankId, owner, "image/png", new byte[0]).error());
        byte[] big = new byte[(4 << 20) + 1];
        System.arraycopy(PNG, 0, big, 0, 8);
        assertEquals(413, upload(bankId, owner, "image/png", big).status());
        TestEngine.Reply ru = app.send(
                "POST", "/api/v1/banks/" + bankId + "/media", owner, "image/png", svg, "Accept-Language", "kk");
        assertTrue(ru.json().getString("message").contains("SVG"), ru.body());
    }

    @Test
    void aQuestionSentAsJsonMayShowOnlyAFileTheBankHas() {
        String bankId = bank();
        String known = upload(bankId, owner, "image/png", PNG).json().getString("hash");
        String unknown = "e".repeat(64);
        io.vertx.core.json.JsonArray questions = Fixtures.questions(2, 0, 0);
        questions.getJsonObject(0).put("text", "<p>Which? <img data-media=\"" + known + "\" alt=\"dot\"></p>");
        questions.getJsonObject(1).put("text", "<p>Which? <img data-media=\"" + unknown + "\" alt=\"dot\"></p>");
        TestEngine.Reply r = app.post("/api/v1/banks/" + bankId + "/questions", owner, questions);
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid-questions", r.error());
        JsonObject problem = r.json().getJsonArray("problems").getJsonObject(0);
        assertEquals(1, problem.getInteger("index"), r.body());
        assertTrue(problem.getString("message").contains(unknown), r.body());
        assertEquals(0, app.get("/api/v1/banks/" + bankId, owner).json().getInteger("questionCount"), "nothing added");
        questions.remove(1);
        assertEquals(
                200,
                app.post("/api/v1/banks/" + bankId + "/questions", owner, questions)
                        .status());
    }

    static Set<String> hashesOf(JsonObject attempt) {
        Set<String> out = new LinkedHashSet<>();
        for (Object q : attempt.getJsonArray("questions")) {
            Matcher m = MEDIA.matcher(((JsonObject) q).getString("text"));
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    static String media(String attemptId, String hash) {
        return "/api/v1/attempts/" + attemptId + "/media/" + hash;
    }

    @Test
    void aStudentGetsThePicturesOfTheirOwnPaperAndNothingElse() {
        Instant now = Instant.now();
        JsonObject exam =
                Fixtures.attestation(pictureBank, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        exam.put(
                "proctoring",
                new JsonObject().put("camera", false).put("screen", false).put("identity", false));
        String examId = Fixtures.exam(app, owner, exam, "bm-s1", "bm-s2");
        Fixtures.assignProctors(app, examId, "bm-p1");
        String s1 = app.loginAs("bm-s1");
        String s2 = app.loginAs("bm-s2");
        JsonObject a1 =
                app.post("/api/v1/exams/" + examId + "/attempts", s1, null).json();
        JsonObject a2 =
                app.post("/api/v1/exams/" + examId + "/attempts", s2, null).json();
        Set<String> mine = hashesOf(a1);
        Set<String> theirs = hashesOf(a2);
        assertEquals(a1.getJsonArray("questions").size(), mine.size(), "each question of the paper shows its picture");
        String one = mine.iterator().next();
        int index = HASHES.indexOf(one);
        assertArrayEquals(MediaBank.fakePng(index), app.getBytes(media(a1.getString("id"), one), s1));
        TestEngine.Reply ok = app.get(media(a1.getString("id"), one), s1);
        assertEquals("image/png", ok.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "nosniff", ok.headers().firstValue("X-Content-Type-Options").orElse(""));
        for (String hash : mine)
            assertEquals(200, app.get(media(a1.getString("id"), hash), s1).status());

        String notOnPaper =
                HASHES.stream().filter(h -> !mine.contains(h)).findFirst().orElseThrow();
        assertEquals(404, app.get(media(a1.getString("id"), notOnPaper), s1).status(), "a bank picture not drawn");
        String feedback = ImportMedia.sha256(MediaBank.fakePng(1000 + index));
        assertEquals(
                200,
                app.get("/api/v1/banks/" + pictureBank + "/media/" + feedback, owner)
                        .status());
        assertEquals(
                404,
                app.get(media(a1.getString("id"), feedback), s1).status(),
                "the feedback's picture of a question on the paper: feedback is never shown during an attempt");
        String onlyTheirs =
                theirs.stream().filter(h -> !mine.contains(h)).findFirst().orElseThrow();
        assertEquals(404, app.get(media(a1.getString("id"), onlyTheirs), s1).status(), "another student's paper");
        assertEquals(403, app.get(media(a2.getString("id"), onlyTheirs), s1).status(), "another student's attempt");
        assertEquals(403, app.get(media(a1.getString("id"), one), s2).status(), "another student's token");
        assertEquals(
                403, app.get(media(a1.getString("id"), one), owner).status(), "the exam's teacher: the bank's route");
        assertEquals(
                403,
                app.get(media(a1.getString("id"), one), app.loginAs("bm-p1")).status(),
                "its proctor");
        assertEquals(403, app.get(media(a1.getString("id"), one), app.admin()).status());
        assertEquals(401, app.get(media(a1.getString("id"), one), null).status());
        assertEquals(404, app.get(media("no-such-attempt", one), s1).status());
        assertEquals(
                200,
                app.get("/api/v1/banks/" + pictureBank + "/media/" + one, owner).status());
        assertFalse(mine.isEmpty());
    }

    @Test
    void anAttemptHeldForItsIdentityStepShowsNoPicture() throws Exception {
        Instant now = Instant.now();
        // 5.20.3: one attestation per discipline and period, so this exam has a picture bank of its own
        JsonObject exam =
                Fixtures.attestation(pictureBank(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        exam.getJsonObject("proctoring").put("identity", true);
        String examId = Fixtures.exam(app, owner, exam, "bm-s3");
        String s3 = app.loginAs("bm-s3");
        JsonObject held =
                app.post("/api/v1/exams/" + examId + "/attempts", s3, null).json();
        assertEquals(0, held.getJsonArray("questions").size(), "5.17.2: no question before the identity step");
        for (String hash : HASHES.subList(0, 100))
            assertEquals(404, app.get(media(held.getString("id"), hash), s3).status(), "held: " + hash);
    }
}
