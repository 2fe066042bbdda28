package kz.emtihan.bank.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A GIFT file uploaded through the API: its encoding found and reported, true/false in the passport's language. */
@SharedEngine
class GiftUploadTest {
    private static final String GIFT = "$CATEGORY: $course$/top/Физика\n$CATEGORY: $course$/top/Механика/сложный\n\n"
            + "::Сила::Единица силы в СИ?{=ньютон#Верно. ~джоуль#Это работа. ~%-50%ватт####F = ma}\n\n"
            + "::Земля::Земля вращается вокруг Солнца.{T}\n";

    static TestEngine app;
    static String teacher;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        app.users("teacher", "gift-t1");
        teacher = app.loginAs("gift-t1");
    }

    private static String bankId;

    private static TestEngine.Reply upload(byte[] file) {
        bankId = app.post("/api/v1/banks", teacher, Fixtures.passport()).json().getString("id"); // language kk
        return app.send(
                "POST",
                "/api/v1/banks/" + bankId + "/import?format=gift",
                teacher,
                "text/plain",
                file,
                "Accept-Language",
                "en");
    }

    @Test
    void aWindows1251FileIsReadAsSuchAndTheReportSaysSo() {
        TestEngine.Reply r = upload(GIFT.getBytes(Charset.forName("windows-1251")));
        assertEquals(200, r.status(), r.body());
        assertEquals(2, r.json().getInteger("imported"), r.body());
        JsonObject note = r.json().getJsonArray("skipped").getJsonObject(0);
        assertEquals("the whole file", note.getString("position"));
        assertEquals(0, note.getInteger("question"));
        assertTrue(note.getBoolean("kept"));
        assertEquals("kept.encoding", note.getString("note"));
        assertTrue(note.getString("reason").contains("read as Windows-1251"), r.body());

        JsonArray stored =
                app.get("/api/v1/banks/" + bankId + "/questions", teacher).array();
        JsonObject force = stored.getJsonObject(0);
        assertEquals("Единица силы в СИ?", force.getString("text"));
        assertEquals("Механика", force.getString("topic")); // the second category line, never question text
        assertEquals(List.of(100.0, 0.0, -50.0), fractions(force));
        assertEquals("Это работа.", force.getJsonArray("optionFeedback").getString(1));
        JsonObject earth = stored.getJsonObject(1);
        assertEquals(List.of("Дұрыс", "Бұрыс"), earth.getJsonArray("options").getList()); // passport: kk
        assertEquals(List.of(0), earth.getJsonArray("correct").getList());
        assertFalse(stored.encode().contains("\uFFFD"));
    }

    @Test
    void aFileInNoKnownEncodingIsRefusedAtItsLineAndAddsNothing() {
        byte[] utf8 = GIFT.getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\n::Ещё::Один?{=да ~нет}\n".getBytes(Charset.forName("KOI8-R"));
        byte[] file = java.util.Arrays.copyOf(utf8, utf8.length + tail.length);
        System.arraycopy(tail, 0, file, utf8.length, tail.length);
        TestEngine.Reply r = upload(file);
        assertEquals(400, r.status(), r.body());
        assertEquals("unparseable-file", r.error());
        assertEquals(8, r.json().getJsonArray("problems").getJsonObject(0).getInteger("line"), r.body());
        assertTrue(r.json().getString("message").contains("mixes encodings"), r.body());
        assertEquals(
                0,
                app.get("/api/v1/banks/" + bankId + "/questions", teacher)
                        .array()
                        .size());
    }

    private static List<Double> fractions(JsonObject q) {
        return q.getJsonArray("fractions").stream()
                .map(f -> ((Number) f).doubleValue())
                .toList();
    }
}
