package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People by name in GET /sittings/{id}: {@code people} maps each user id the caller's view may name to the account's
 * name (an id with no account to itself). With no SMTP host configured, an act records "not-configured" (6.15.2).
 */
@SharedEngine
class SittingPeopleTest {
    static TestEngine app;
    static String id;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        JsonArray users = new JsonArray()
                .add(ActMailTest.user("pc1", "Айгүл Сейітова", "commission", "chair@university.test"))
                .add(ActMailTest.user("pm1", "Болат Нұрланов", "commission", null))
                .add(ActMailTest.user("pm2", "Дана Мұқанова", "commission", null))
                .add(ActMailTest.user("psec", "Ержан Омаров", "secretary", "secretary@university.test"))
                .add(ActMailTest.user("pac", "Гүлнар Әлиева", "commission", null))
                .add(ActMailTest.user("pad", "Марат Жақсылықов", "commission", null))
                .add(ActMailTest.user("pst1", "Асель Қанатова", "student", null))
                .add(ActMailTest.user("pst2", "Нұрлан Беков", "student", null));
        assertEquals(200, app.post("/api/v1/users", app.admin(), users).status());
        JsonObject body = new JsonObject()
                .put("kind", "thesis-defence")
                .put("title", "Thesis defence")
                .put("date", kz.emtihan.sitting.SittingDays.today())
                .put("language", "en")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "pc1")
                                .put("members", new JsonArray().add("pm1").add("pm2"))
                                .put("secretary", "psec"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "pac")
                                .put("deputy", "pad")
                                .put("members", new JsonArray()))
                .put("students", new JsonArray().add("pst1").add("pst2"));
        id = app.post("/api/v1/sittings", app.admin(), body).json().getString("id");
        // a student whose account is gone since the sitting was set up (6.15.6 refuses one with no account at creation)
        String key = SittingKeys.sitting(id);
        JsonObject doc = new JsonObject(app.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.HGET)
                        .arg(key)
                        .arg("doc"))
                .toString());
        doc.getJsonArray("students").add("ghost9");
        app.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.HSET)
                .arg(key)
                .arg("doc")
                .arg(doc.encode()));
    }

    @Test
    void theCommissionSeesEveryoneByName() {
        JsonObject people =
                app.get("/api/v1/sittings/" + id, app.loginAs("psec")).json().getJsonObject("people");
        assertEquals(
                new JsonObject()
                        .put("pc1", "Айгүл Сейітова")
                        .put("pm1", "Болат Нұрланов")
                        .put("pm2", "Дана Мұқанова")
                        .put("psec", "Ержан Омаров")
                        .put("pst1", "Асель Қанатова")
                        .put("pst2", "Нұрлан Беков")
                        .put("ghost9", "ghost9")
                        .put("pac", "Гүлнар Әлиева")
                        .put("pad", "Марат Жақсылықов")
                        .put("admin", "Administrator"),
                people,
                "every id the view mentions; an id with no account stands for itself");
    }

    @Test
    void aStudentSeesOnlyTheCommissionsNamesAndTheirOwn() {
        JsonObject people =
                app.get("/api/v1/sittings/" + id, app.loginAs("pst1")).json().getJsonObject("people");
        assertEquals(Set.of("pc1", "pm1", "pm2", "psec", "pst1"), people.fieldNames(), people.encode());
        assertEquals("Асель Қанатова", people.getString("pst1"));
    }

    @Test
    void withoutAnSmtpHostTheActSaysSoForEachMember() {
        // 6.15.2: the act stops an exam under way: the student has been admitted (issue 10)
        assertEquals(
                200,
                app.post("/api/v1/sittings/" + id + "/students/pst2/admit", app.loginAs("psec"), null)
                        .status());
        TestEngine.Reply act = app.post(
                "/api/v1/sittings/" + id + "/acts",
                app.loginAs("psec"),
                new JsonObject().put("studentId", "pst2").put("description", "the camera stopped"));
        assertEquals(201, act.status(), act.body());
        String vote = "/api/v1/sittings/" + id + "/acts/" + act.json().getString("id") + "/vote";
        byte[] pending = app.getBytes(
                "/api/v1/sittings/" + id + "/acts/" + act.json().getString("id") + "/pdf", app.loginAs("pc1"));
        assertEquals(
                "%PDF",
                new String(pending, 0, 4, java.nio.charset.StandardCharsets.US_ASCII),
                "the act is a paper before the vote too");
        assertEquals(
                200,
                app.put(vote, app.loginAs("pm1"), new JsonObject().put("choice", "another-sitting"))
                        .status());
        assertEquals(
                200,
                app.put(vote, app.loginAs("pm2"), new JsonObject().put("choice", "another-sitting"))
                        .status());
        TestEngine.Reply decided = app.put(vote, app.loginAs("pc1"), new JsonObject().put("choice", "another-sitting"));
        assertEquals(200, decided.status(), decided.body());
        JsonObject mail = decided.json().getJsonObject("mail");
        assertEquals("not-configured", mail.getJsonObject("pc1").getString("status"), mail.encode());
        assertEquals("not-configured", mail.getJsonObject("psec").getString("status"));
        assertEquals("no-address", mail.getJsonObject("pm1").getString("status"));
        JsonObject stored = app.get("/api/v1/sittings/" + id, app.loginAs("pc1"))
                .json()
                .getJsonArray("acts")
                .getJsonObject(0);
        assertEquals(mail, stored.getJsonObject("mail"), "nothing is sent later: the record stays as drawn up");
    }
}
