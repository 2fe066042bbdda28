package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import kz.emtihan.TestEngine;
import kz.emtihan.sitting.model.PostponementDeadline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 item 6 through the API against a real engine and Redis: one application at a time and none after the sitting
 * (6.15.3), the scan served as the type it was sent, and the chair's choice of the deadline of "I" (6.15.2-6.15.3).
 */
class SittingPostponementTest {
    /** config/regulation.yaml: finalAttestation.timeZone and mastersDeadline. */
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    static final MonthDay MASTERS_DEADLINE = MonthDay.of(7, 10);
    static final byte[] PDF = "%PDF-1.4 medical certificate".getBytes(StandardCharsets.US_ASCII);
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("commission", "c1", "m1", "m2", "ac1", "ad1");
        app.users("secretary", "sec1");
        app.users("student", "st1", "st2", "st3", "st4");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String sitting() {
        return sitting(SittingDays.today());
    }

    static String sitting(String date) {
        JsonObject body = SittingBodies.body(
                "comprehensive-exam",
                "Information systems — comprehensive exam",
                date,
                "en",
                "st1",
                "st2",
                "st3",
                "st4");
        TestEngine.Reply created = app.post("/api/v1/sittings", app.admin(), body);
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    static TestEngine.Reply apply(String id, String student, String contentType, byte[] bytes) {
        return app.post(
                "/api/v1/sittings/" + id + "/postponements",
                app.loginAs(student),
                new JsonObject()
                        .put("reason", "in hospital")
                        .put(
                                "document",
                                new JsonObject()
                                        .put("contentType", contentType)
                                        .put("base64", Base64.getEncoder().encodeToString(bytes))));
    }

    static TestEngine.Reply decide(String id, String pid, JsonObject body) {
        return app.post("/api/v1/sittings/" + id + "/postponements/" + pid + "/decision", app.loginAs("c1"), body);
    }

    /** The sitting's document exactly as stored. */
    static String stored(String id) {
        return app.redis(Request.cmd(Command.HGET).arg("sitting:" + id).arg("doc"))
                .toString();
    }

    static List<String> scanKeys(String id) {
        Response keys = app.redis(Request.cmd(Command.KEYS).arg("sitting:" + id + ":postponement:*"));
        List<String> out = new ArrayList<>();
        keys.forEach(k -> out.add(k.toString()));
        out.sort(null);
        return out;
    }

    static void refusedUnchanged(
            TestEngine.Reply r, int status, String code, String id, String docBefore, List<String> scansBefore) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.error(), r.body());
        assertEquals(docBefore, stored(id), "a refusal changes nothing");
        assertEquals(scansBefore, scanKeys(id), "and writes no scan");
    }

    @Test
    void oneApplicationAwaitsOrIsAllowedAtATime() { // 6.15.3
        String id = sitting();
        assertEquals(201, apply(id, "st1", "application/pdf", PDF).status());
        String doc = stored(id);
        List<String> scans = scanKeys(id);
        assertEquals(List.of("sitting:" + id + ":postponement:pp-1"), scans);
        TestEngine.Reply twice = apply(id, "st1", "application/pdf", PDF);
        refusedUnchanged(twice, 409, "already", id, doc, scans);
        assertTrue(twice.json().getString("message").contains("awaiting the chair"), twice.body());
        assertEquals(
                201, apply(id, "st2", "application/pdf", PDF).status(), "another student's application is their own");

        assertEquals(
                200,
                decide(id, "pp-1", new JsonObject().put("allowed", false).put("reason", "no date on the certificate"))
                        .status());
        TestEngine.Reply again = apply(id, "st1", "image/png", PDF);
        assertEquals(201, again.status(), "after a refusal the student applies again: " + again.body());
        assertEquals("pp-3", again.json().getString("id"));
        assertEquals(
                200, decide(id, "pp-3", new JsonObject().put("allowed", true)).status());
        doc = stored(id);
        scans = scanKeys(id);
        TestEngine.Reply afterAllowed = apply(id, "st1", "application/pdf", PDF);
        refusedUnchanged(afterAllowed, 409, "already", id, doc, scans);
        assertTrue(afterAllowed.json().getString("message").contains("allowed"), afterAllowed.body());
    }

    @Test
    void afterTheSittingOnlyAnAbsentStudentAppliesWithinTheLimits() { // 6.15.3
        String id = sitting();
        assertEquals(201, apply(id, "st1", "application/pdf", PDF).status());
        assertEquals(
                200,
                decide(id, "pp-1", new JsonObject().put("allowed", false).put("reason", "not a valid reason"))
                        .status());
        assertEquals(
                200,
                app.post("/api/v1/sittings/" + id + "/students/st2/admit", app.loginAs("sec1"), null)
                        .status());
        assertEquals(
                200,
                app.post("/api/v1/sittings/" + id + "/close", app.loginAs("sec1"), null)
                        .status());
        String doc = stored(id);
        List<String> scans = scanKeys(id);
        refusedUnchanged(
                apply(id, "st2", "image/jpeg", SittingRoomTest.FACE),
                409,
                "application-late",
                id,
                doc,
                scans); // st2 took part: nothing to postpone
        TestEngine.Reply absent = apply(id, "st1", "application/pdf", PDF);
        assertEquals(201, absent.status(), "st1 was absent: they apply after the sitting too " + absent.body());
        assertEquals(
                200,
                decide(id, absent.json().getString("id"), new JsonObject().put("allowed", true))
                        .status(),
                "and the chair decides after the sitting");
        JsonObject st1 = app.get("/api/v1/sittings/" + id, app.loginAs("st1"))
                .json()
                .getJsonObject("progress")
                .getJsonObject("st1");
        assertEquals("postponed", st1.getString("status"));
        assertEquals("I", st1.getJsonObject("standing").getString("letter"), "I, not F, though the sitting closed");

        // a sitting held long ago: the last day a postponement could run to has passed
        String old = sitting("2025-01-15");
        assertEquals(
                200,
                app.post("/api/v1/sittings/" + old + "/close", app.loginAs("sec1"), null)
                        .status());
        refusedUnchanged(
                apply(old, "st3", "application/pdf", PDF), 409, "application-late", old, stored(old), scanKeys(old));
    }

    @Test
    void theScanIsServedAsTheTypeItWasSentAsAndAsAnAttachment() throws Exception { // 6.15.3: the chair reads the proof
        String id = sitting();
        byte[] png;
        try (var out = new java.io.ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(
                    new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
            png = out.toByteArray();
        }
        Object[][] cases = {
            {"st1", "application/pdf", PDF, "pdf"},
            {"st2", "image/jpeg", SittingRoomTest.FACE, "jpg"},
            {"st3", "image/png", png, "png"}
        };
        for (Object[] c : cases) {
            TestEngine.Reply applied = apply(id, (String) c[0], (String) c[1], (byte[]) c[2]);
            assertEquals(201, applied.status(), applied.body());
            String path = "/api/v1/sittings/" + id + "/postponements/"
                    + applied.json().getString("id") + "/document";
            TestEngine.Reply got = app.get(path, app.loginAs("c1"));
            assertEquals(200, got.status());
            assertEquals(c[1], got.headers().firstValue("Content-Type").orElse(""));
            assertEquals(
                    "attachment; filename=\"" + id + "-" + applied.json().getString("id") + "." + c[3] + "\"",
                    got.headers().firstValue("Content-Disposition").orElse(""));
            assertArrayEquals(
                    (byte[]) c[2], app.getBytes(path, app.loginAs((String) c[0])), "the applicant gets the very bytes");
        }
        assertEquals(
                403,
                app.get("/api/v1/sittings/" + id + "/postponements/pp-1/document", app.loginAs("st2"))
                        .status(),
                "another student does not");
    }

    @Test
    void theChairSetsTheDeadlineWithinTheCurrentPeriod() { // 6.15.2-6.15.3
        String id = sitting();
        for (String s : List.of("st1", "st2", "st3"))
            assertEquals(201, apply(id, s, "application/pdf", PDF).status());
        Instant serverNow = Instant.parse(
                app.get("/health", null).headers().firstValue("X-Server-Time").orElseThrow());
        LocalDate today = serverNow.atZone(ALMATY).toLocalDate();
        PostponementDeadline range = PostponementDeadline.on(today, MASTERS_DEADLINE);

        String doc = stored(id);
        List<String> scans = scanKeys(id);
        List<Object> bad = List.of(
                today.minusDays(1).toString(),
                range.latest().plusDays(1).toString(),
                "10.07.2027",
                "2027-02-30",
                20270710);
        for (Object deadline : bad) {
            TestEngine.Reply r =
                    decide(id, "pp-1", new JsonObject().put("allowed", true).put("deadline", deadline));
            refusedUnchanged(r, 400, "bad-field", id, doc, scans);
            assertTrue(
                    r.json().getString("message").contains("from " + today + " to " + range.latest()),
                    "names the range: " + r.body());
        }
        refusedUnchanged(
                decide(
                        id,
                        "pp-1",
                        new JsonObject()
                                .put("allowed", false)
                                .put("reason", "no")
                                .put("deadline", today.toString())),
                400,
                "bad-field",
                id,
                doc,
                scans);
        assertNull(
                new JsonObject(stored(id))
                        .getJsonArray("postponements")
                        .getJsonObject(0)
                        .getValue("allowed"),
                "still undecided");

        TestEngine.Reply onToday =
                decide(id, "pp-1", new JsonObject().put("allowed", true).put("deadline", today.toString()));
        assertEquals(200, onToday.status(), onToday.body());
        assertEquals(endOf(today), standing(id, "st1").getString("deadline"), "today, to its end in Almaty");
        assertEquals("I", standing(id, "st1").getString("letter"));
        assertEquals(
                200,
                decide(
                                id,
                                "pp-2",
                                new JsonObject()
                                        .put("allowed", true)
                                        .put("deadline", range.latest().toString()))
                        .status());
        assertEquals(endOf(range.latest()), standing(id, "st2").getString("deadline"), "the configured day itself");
        assertEquals(
                200, decide(id, "pp-3", new JsonObject().put("allowed", true)).status());
        assertEquals(
                endOf(range.latest()), standing(id, "st3").getString("deadline"), "none named: the configured day");
    }

    static String endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ALMATY).toInstant().toString();
    }

    static JsonObject standing(String id, String student) {
        return app.get("/api/v1/sittings/" + id, app.loginAs(student))
                .json()
                .getJsonObject("progress")
                .getJsonObject(student)
                .getJsonObject("standing");
    }
}
