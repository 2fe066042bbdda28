package kz.emtihan.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An account's optional e-mail address (where copies of acts go, 6.15.2): imported from JSON or a CSV column, checked
 * simply, kept in the user's hash, listed with the account; a bad one is reported by its record like any other.
 */
@SharedEngine
class UserEmailTest {
    static TestEngine app;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
    }

    static JsonObject user(String id, Object email) {
        return new JsonObject()
                .put("id", id)
                .put("name", "User " + id)
                .put("roles", new JsonArray().add("commission"))
                .put("password", id + "-password")
                .put("email", email);
    }

    static String stored(String id) {
        Response r = app.redis(Request.cmd(Command.HGET).arg("user:" + id).arg("email"));
        return r == null ? null : r.toString();
    }

    static JsonObject listed(String id) {
        return app.get("/api/v1/users", app.admin()).array().stream()
                .map(u -> (JsonObject) u)
                .filter(u -> u.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAddressIsStoredListedKeptAndCleared() {
        String admin = app.admin();
        assertEquals(
                200,
                app.post("/api/v1/users", admin, new JsonArray().add(user("e.chair", " chair@university.test ")))
                        .status());
        assertEquals("chair@university.test", stored("e.chair"), "kept in the user's hash, trimmed");
        assertEquals("chair@university.test", listed("e.chair").getString("email"));

        JsonObject noEmail = user("e.chair", null);
        noEmail.remove("email");
        noEmail.remove("password");
        assertEquals(
                200,
                app.post("/api/v1/users", admin, new JsonArray().add(noEmail.put("name", "Chair Renamed")))
                        .status());
        assertEquals("chair@university.test", stored("e.chair"), "an update without 'email' keeps the address");
        assertEquals("Chair Renamed", listed("e.chair").getString("name"));

        assertEquals(
                200,
                app.post("/api/v1/users", admin, new JsonArray().add(user("e.chair", "")))
                        .status());
        assertNull(stored("e.chair"), "an empty 'email' removes it");
        assertTrue(!listed("e.chair").containsKey("email"), "no address, no field");
    }

    @Test
    void badAddressesAreReportedByIndexAndNothingIsStored() {
        JsonArray body = new JsonArray()
                .add(user("e.good", "good@university.test"))
                .add(user("e.two", "a@b@c"))
                .add(user("e.line", "x@y\nBcc: z@w"))
                .add(user("e.long", "a".repeat(250) + "@b.kz"))
                .add(user("e.none", "nobody"))
                .add(user("e.num", 42));
        TestEngine.Reply r = app.post("/api/v1/users", app.admin(), body);
        assertEquals(400, r.status(), r.body());
        assertEquals(
                List.of(1, 2, 3, 4, 5),
                r.json().getJsonArray("problems").stream()
                        .map(p -> ((JsonObject) p).getInteger("index"))
                        .toList(),
                r.body());
        assertTrue(r.json()
                .getJsonArray("problems")
                .getJsonObject(0)
                .getString("message")
                .contains("email"));
        assertNull(stored("e.good"), "a rejected upload stores nothing");
    }

    @Test
    void aSpreadsheetMayCarryAnEmailColumn() {
        String admin = app.admin();
        TestEngine.Reply ok = app.send(
                "POST",
                "/api/v1/users/import",
                admin,
                "text/csv; charset=utf-8",
                "id,name,roles,password,email\ne.csv1,Айгүл,commission,pass-word-1,aigul@university.test\ne.csv2,Болат,secretary,pass-word-2,\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, ok.status(), ok.body());
        assertEquals("aigul@university.test", stored("e.csv1"));
        assertNull(stored("e.csv2"), "an empty cell sets no address");

        TestEngine.Reply bad = app.send(
                "POST",
                "/api/v1/users/import",
                admin,
                "text/csv; charset=utf-8",
                "id,name,roles,password,email\ne.csv3,Ok,student,pass-word-3,ok@university.test\ne.csv4,Bad,student,pass-word-4,not an address\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, bad.status(), bad.body());
        JsonObject problem = bad.json().getJsonArray("problems").getJsonObject(0);
        assertEquals(3, problem.getInteger("line"), "the bad address by its line in the file: " + bad.body());
        assertNull(stored("e.csv3"));
    }
}
