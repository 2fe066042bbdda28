package kz.emtihan.upgrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.auth.AuthKeys;
import kz.emtihan.bank.BankKeys;
import kz.emtihan.sitting.SittingKeys;
import kz.emtihan.statement.StatementKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (2): a store written before the hash tags keeps working. Data is made through the API, its moved keys put
 * back under their old names (as the version before wrote them) and the marker removed; the start's migration then
 * renames them once, and the engine reads every one of them through the API: an account's photo, a bank's trail (with
 * a step written under the new name meanwhile: old entries first), a sitting's seed, an exam's accommodations audit,
 * the open guard of a statement, and a statement with an id of the old form.
 */
class SlottedKeysTest {
    private static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    private static void rename(String from, String to) {
        assertEquals(
                "OK", app.redis(Request.cmd(Command.RENAME).arg(from).arg(to)).toString(), from);
    }

    private static String get(String key) {
        var r = app.redis(Request.cmd(Command.GET).arg(key));
        return r == null ? null : r.toString();
    }

    @Test
    void oldNamesAreRenamedOnceAndReadThroughTheEngine() throws Exception {
        assertEquals(
                1,
                app.redis(Request.cmd(Command.EXISTS).arg(SlottedKeys.MARKER)).toInteger(),
                "the start ran the migration");
        String admin = app.admin();
        app.users("teacher", "up-t");
        app.users("dean", "up-dean");
        app.users("student", "up-s1", "up-s2");
        String teacher = app.loginAs("up-t");

        // an account's photo
        byte[] face;
        try (var in = getClass().getResourceAsStream("/fixtures/faces/face_grace_hopper.jpg")) {
            face = in.readAllBytes();
        }
        assertEquals(
                200,
                app.send("PUT", "/api/v1/users/up-s1/photo", admin, "image/jpeg", face)
                        .status());
        rename(AuthKeys.userPhoto("up-s1"), AuthKeys.userPhotoBefore14("up-s1"));

        // a bank's trail, one step of it under the new name as a node of the new version would have written it
        String bank = Fixtures.validBank(app, teacher, Fixtures.passport("Upgrade algebra"));
        int steps = app.get("/api/v1/banks/" + bank + "/life", teacher)
                .json()
                .getJsonArray("trail")
                .size();
        rename(BankKeys.bankTrail(bank), BankKeys.bankTrailBefore14(bank));
        String last = app.redis(Request.cmd(Command.RPOP).arg(BankKeys.bankTrailBefore14(bank)))
                .toString();
        app.redis(Request.cmd(Command.RPUSH).arg(BankKeys.bankTrail(bank)).arg(last));

        // an exam's accommodations audit and a statement's open guard
        Instant now = Instant.now();
        String exam = Fixtures.exam(
                app,
                teacher,
                Fixtures.attestation(bank, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))),
                "up-s1",
                "up-s2");
        assertEquals(
                200,
                app.put("/api/v1/exams/" + exam + "/accommodations", teacher, new JsonObject().put("up-s2", 20))
                        .status());
        rename(StatementKeys.accommodationsAudit(exam), StatementKeys.accommodationsAuditBefore14(exam));
        JsonObject application = new JsonObject()
                .put("examId", exam)
                .put("reason", "illness")
                .put("text", "in hospital")
                .put(
                        "document",
                        new JsonObject().put("base64", Base64.getEncoder().encodeToString("%PDF-1.4 x".getBytes())));
        String s1 = app.loginAs("up-s1");
        TestEngine.Reply applied = app.post("/api/v1/statements", s1, application);
        assertEquals(201, applied.status(), applied.body());
        rename(StatementKeys.openGuard(exam, "up-s1"), StatementKeys.openGuardBefore14(exam, "up-s1"));
        // up-s2's statement as the version before stored it: an id without the exam, its keys without a tag
        String newer = applied.json().getString("id");
        JsonObject doc = new JsonObject(app.redis(Request.cmd(Command.HGET)
                        .arg(StatementKeys.statement(newer))
                        .arg("doc"))
                .toString());
        String old = "stoldform2345";
        doc.put("id", old).put("studentId", "up-s2");
        app.redis(Request.cmd(Command.HSET)
                .arg("statement:" + old)
                .arg("version")
                .arg("1")
                .arg("doc")
                .arg(doc.encode()));
        app.redis(Request.cmd(Command.RPUSH).arg("statement:" + old + ":audit").arg("{\"type\":\"applied\"}"));
        app.redis(Request.cmd(Command.SADD).arg(StatementKeys.all()).arg(old));
        app.redis(
                Request.cmd(Command.SADD).arg(StatementKeys.ofStudent("up-s2")).arg(old));
        app.redis(Request.cmd(Command.SET)
                .arg(StatementKeys.openGuardBefore14(exam, "up-s2"))
                .arg(old));

        // a sitting's seed
        app.users("commission", "c1", "m1", "m2", "ac1", "ad1");
        app.users("secretary", "sec1");
        String sitting = app.post("/api/v1/sittings", admin, sitting()).json().getString("id");
        String seed = get(SittingKeys.seed(sitting));
        rename(SittingKeys.seed(sitting), SittingKeys.seedBefore14(sitting));

        // the start of the new version
        app.redis(Request.cmd(Command.DEL).arg(SlottedKeys.MARKER));
        var store = app.engine().services().store();
        assertEquals(6, SlottedKeys.migrate(store).await(30, TimeUnit.SECONDS), "six keys moved");
        assertEquals(0, SlottedKeys.migrate(store).await(30, TimeUnit.SECONDS), "once");
        app.redis(Request.cmd(Command.DEL).arg(SlottedKeys.MARKER));
        assertEquals(0, SlottedKeys.migrate(store).await(30, TimeUnit.SECONDS), "and nothing left without the marker");

        assertArrayEquals(face, app.getBytes("/api/v1/users/up-s1/photo", admin));
        JsonArray trail =
                app.get("/api/v1/banks/" + bank + "/life", teacher).json().getJsonArray("trail");
        assertEquals(steps, trail.size(), "the whole trail");
        assertEquals(
                last,
                app.redis(Request.cmd(Command.LINDEX)
                                .arg(BankKeys.bankTrail(bank))
                                .arg(-1))
                        .toString(),
                "the step written under the new name stays last");
        assertEquals(seed, get(SittingKeys.seed(sitting)));
        JsonObject accommodations =
                app.get("/api/v1/exams/" + exam + "/accommodations", teacher).json();
        assertEquals(1, accommodations.getJsonArray("audit").size(), accommodations.encode());
        assertEquals(
                "statement-open",
                app.post("/api/v1/statements", s1, application).error(),
                "the guard holds");
        String s2 = app.loginAs("up-s2");
        assertEquals(
                "statement-open",
                app.post("/api/v1/statements", s2, application).error());
        TestEngine.Reply oldOne = app.get("/api/v1/statements/" + old, s2);
        assertEquals(200, oldOne.status(), oldOne.body());
        assertTrue(app.get("/api/v1/statements", s2).body().contains(old), "listed");
        for (String gone : List.of(
                AuthKeys.userPhotoBefore14("up-s1"),
                BankKeys.bankTrailBefore14(bank),
                SittingKeys.seedBefore14(sitting),
                StatementKeys.accommodationsAuditBefore14(exam),
                StatementKeys.openGuardBefore14(exam, "up-s1")))
            assertEquals(0, app.redis(Request.cmd(Command.EXISTS).arg(gone)).toInteger(), gone);
    }

    private static JsonObject sitting() {
        return kz.emtihan.sitting.SittingBodies.body(
                "comprehensive-exam",
                "Upgrade sitting",
                java.time.LocalDate.now(Fixtures.regulation().calendar().zone()).toString(),
                "kk",
                "up-s2");
    }
}
