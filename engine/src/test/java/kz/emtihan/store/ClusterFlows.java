package kz.emtihan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.bank.BankKeys;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.sitting.SittingKeys;
import kz.emtihan.sitting.SittingSteps;

/**
 * Issue 14 (2): the flows {@link ClusterStoresTest} drives through the engine on a Cluster, apart so that more can join
 * them (the attempt lifecycle: start, save, submit on the exam this makes). Each asserts as it goes.
 */
public final class ClusterFlows {
    private ClusterFlows() {}

    /**
     * An exam open now, scheduled on a bank of its own discipline taken through its life, with its roster
     * ({@code students}, at least two: the second gets extra time, the first a statement issued); its id.
     */
    public static String examWithAStatement(ClusterEngine cluster, String... students) {
        TestEngine app = cluster.app();
        app.users("teacher", "cl-t");
        app.users("dean", "cl-dean");
        app.users("director", "cl-dir");
        app.users("vice-rector", "cl-vr");
        app.users("student", students);
        String teacher = app.loginAs("cl-t");

        // banks and their life: update-life.lua over the bank and its trail, one slot
        String bank = Fixtures.validBank(app, teacher, Fixtures.passport("Cluster " + students[0]));
        JsonObject life = app.get("/api/v1/banks/" + bank + "/life", teacher).json();
        assertEquals("approved", life.getString("status"), life.encode());
        assertTrue(life.getJsonArray("trail").size() >= 3, "approval, panel and conclusion on the trail: " + life);
        assertEquals(cluster.slot(BankKeys.bank(bank)), cluster.slot(BankKeys.bankTrail(bank)));

        // the exam: schedule-exam.lua over its index, the roster with each student's list of exams
        Instant now = Instant.now();
        String exam = Fixtures.exam(
                app,
                teacher,
                Fixtures.attestation(bank, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))),
                students);
        TestEngine.Reply second = app.post(
                "/api/v1/exams",
                teacher,
                Fixtures.attestation(bank, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
        assertEquals("schedule-rule", second.error(), "5.20.3 holds on a Cluster: " + second.body());
        Set<Integer> primaries = new HashSet<>();
        for (String s : students) {
            primaries.add(cluster.primary(ExamKeys.studentExams(s)));
            assertTrue(app.get("/api/v1/me/exams", app.loginAs(s)).body().contains(exam), "on " + s + "'s list");
        }
        assertEquals(3, primaries.size(), "the students' lists on every primary");
        JsonObject progress =
                app.get("/api/v1/exams/" + exam + "/progress", teacher).json();
        assertEquals(students.length, progress.getJsonArray("students").size(), "the roster, read whole");

        // extra time and its audit, one MULTI
        TestEngine.Reply extra =
                app.put("/api/v1/exams/" + exam + "/accommodations", teacher, new JsonObject().put(students[1], 15));
        assertEquals(200, extra.status(), extra.body());
        JsonObject accommodations =
                app.get("/api/v1/exams/" + exam + "/accommodations", teacher).json();
        assertEquals(15, accommodations.getJsonObject("extraMinutes").getInteger(students[1]));
        assertEquals(1, accommodations.getJsonArray("audit").size());

        // a statement from application to its personal window
        String s0 = app.loginAs(students[0]);
        JsonObject application = new JsonObject()
                .put("examId", exam)
                .put("reason", "illness")
                .put("text", "in hospital")
                .put(
                        "document",
                        new JsonObject()
                                .put("base64", Base64.getEncoder().encodeToString("%PDF-1.4 certificate".getBytes())));
        TestEngine.Reply applied = app.post("/api/v1/statements", s0, application);
        assertEquals(201, applied.status(), applied.body());
        String id = applied.json().getString("id");
        assertTrue(id.endsWith("-" + exam), "the statement's id carries its exam: " + id);
        assertEquals(
                "statement-open",
                app.post("/api/v1/statements", s0, application).error());
        for (String signer : List.of("cl-dean", "cl-dir", "cl-vr")) {
            TestEngine.Reply signed = app.post(
                    "/api/v1/statements/" + id + "/signatures",
                    app.loginAs(signer),
                    new JsonObject().put("approved", true).put("reason", ""));
            assertEquals(200, signed.status(), signed.body());
        }
        TestEngine.Reply issued = app.post("/api/v1/statements/" + id + "/issue", app.loginAs("cl-dean"), null);
        assertEquals(200, issued.status(), issued.body());
        Response window = app.redis(
                Request.cmd(Command.HGET).arg(ExamKeys.personalWindows(exam)).arg(students[0]));
        assertTrue(window != null && window.toString().contains(":"), "the personal window opened with the issue");
        assertEquals("issued", app.get("/api/v1/statements/" + id, s0).json().getString("status"));
        return exam;
    }

    /** A sitting of one student, taken through the secretary's checks to the chair's draw; its id. */
    public static String sittingDrawn(ClusterEngine cluster) {
        TestEngine app = cluster.app();
        app.users("commission", "c1", "m1", "m2", "ac1", "ad1");
        app.users("secretary", "sec1");
        app.users("student", "cl-st1");
        String admin = app.admin();
        JsonObject body = kz.emtihan.sitting.SittingBodies.body(
                "comprehensive-exam",
                "Cluster sitting",
                java.time.LocalDate.now(Fixtures.regulation().calendar().zone()).toString(),
                "kk",
                "cl-st1");
        TestEngine.Reply created = app.post("/api/v1/sittings", admin, body);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        assertEquals(cluster.slot("sitting:" + id), cluster.slot(SittingKeys.seed(id)), "the seed beside its sitting");
        assertNotEquals(null, app.redis(Request.cmd(Command.GET).arg(SittingKeys.seed(id))), "stored with it");
        JsonArray tickets = new JsonArray();
        for (int n = 1; n <= 3; n++)
            tickets.add(new JsonObject().put("number", n).put("questions", new JsonArray().add("Question " + n)));
        assertEquals(
                200,
                app.put("/api/v1/sittings/" + id + "/tickets", admin, tickets).status());
        String path = "/api/v1/sittings/" + id + "/students/cl-st1";
        String sec = app.loginAs("sec1");
        assertEquals(200, app.post(path + "/admit", sec, null).status());
        byte[] face = face();
        for (String kind : List.of("id-card", "identity", "room"))
            assertEquals(
                    200,
                    app.send("PUT", path + "/photos/" + kind, sec, "image/jpeg", face)
                            .status());
        assertEquals(
                200,
                app.post(path + "/identity", sec, new JsonObject().put("confirmed", true))
                        .status());
        JsonObject checklist = new JsonObject();
        for (String item : SittingSteps.ROOM_CHECKLIST) checklist.put(item, true);
        assertEquals(
                200,
                app.post(path + "/room", sec, new JsonObject().put("checklist", checklist))
                        .status());
        TestEngine.Reply drawn = app.post(path + "/draw", app.loginAs("c1"), new JsonObject().put("word", "astana"));
        assertEquals(200, drawn.status(), drawn.body());
        int ticket = drawn.json().getInteger("ticket");
        assertTrue(ticket >= 1 && ticket <= 3);
        assertTrue(app.get("/api/v1/sittings", admin).body().contains(id), "listed");
        return id;
    }

    /** A real JPEG of a face from the shared fixtures. */
    public static byte[] face() {
        try (var in = ClusterFlows.class.getResourceAsStream("/fixtures/faces/face_grace_hopper.jpg")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
