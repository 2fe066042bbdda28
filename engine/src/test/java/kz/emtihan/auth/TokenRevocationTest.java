package kz.emtihan.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import kz.emtihan.auth.model.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, 1: every token can be ended, at once, on every engine node. Two nodes on one Redis; the change is made
 * on node A and the token, already used (so cached) on node B, is refused there.
 */
class TokenRevocationTest {
    static final String SHARED_SECRET = "a-secret-both-nodes-share-0123456789";
    static final Duration AT_ONCE = Duration.ofSeconds(3);
    static TestEngine a;
    static TestEngine b;

    @BeforeAll
    static void start() {
        a = TestEngine.start(Map.of("EMTIHAN_AUTH_JWT_SECRET", SHARED_SECRET));
        b = TestEngine.start(Map.of(
                "EMTIHAN_REDIS_URL",
                a.engine().embeddedRedis().orElseThrow().url(),
                "EMTIHAN_AUTH_JWT_SECRET",
                SHARED_SECRET));
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    static int meOnB(String token) {
        return a.sendTo(b.base(), "GET", "/api/v1/me", token, null).status();
    }

    static void refusedOnB(String what, String token) {
        TestEngine.awaitUntil(what + ": the token is refused on node B", () -> meOnB(token) == 401, AT_ONCE);
    }

    static JsonObject user(String id, String role, String password) {
        return new JsonObject()
                .put("id", id)
                .put("name", id)
                .put("roles", new JsonArray().add(role))
                .put("password", password);
    }

    @Test
    void anAdminDemotedToStudentCannotCreateAnAdminWithTheOldToken() {
        a.users("admin", "rv-admin2");
        String old = a.loginAs("rv-admin2");
        assertEquals(200, meOnB(old), "valid on node B before, and cached there");
        JsonObject demoted = new JsonObject()
                .put("id", "rv-admin2")
                .put("name", "rv-admin2")
                .put("roles", new JsonArray().add("student"));
        assertEquals(
                200,
                a.post("/api/v1/users", a.admin(), new JsonArray().add(demoted)).status());
        refusedOnB("demoted", old);
        // the attacker keeps the old admin token and calls the API directly, on either node
        JsonArray evil = new JsonArray().add(user("rv-evil", "admin", "evil-password-1"));
        assertEquals(401, a.sendTo(b.base(), "POST", "/api/v1/users", old, evil).status());
        assertEquals(401, a.post("/api/v1/users", old, evil).status());
        assertFalse(a.get("/api/v1/users", a.admin()).body().contains("rv-evil"), "no admin was created");
        String fresh = a.loginAs("rv-admin2");
        assertEquals(
                new JsonArray().add("student"),
                a.get("/api/v1/me", fresh).json().getJsonArray("roles"),
                "a new token has the new roles");
        assertEquals(403, a.post("/api/v1/users", fresh, evil).status());
    }

    @Test
    void logoutEndsThisTokenOnEveryNodeAndNoOther() {
        a.users("student", "rv-s1");
        String phone = a.loginAs("rv-s1");
        String laptop = a.loginAs("rv-s1");
        assertEquals(200, meOnB(phone));
        assertEquals(200, meOnB(laptop));
        assertEquals(204, a.post("/api/v1/auth/logout", phone, null).status());
        refusedOnB("logged out", phone);
        assertEquals(401, a.get("/api/v1/me", phone).status());
        assertEquals(
                401, a.post("/api/v1/auth/logout", phone, null).status(), "an ended token cannot even log out again");
        assertEquals(200, meOnB(laptop), "the user's other token still holds");
        assertEquals(200, a.get("/api/v1/me", laptop).status());
    }

    @Test
    void logoutAllEndsEveryTokenOfTheCallerOnly() {
        a.users("student", "rv-s2", "rv-s3");
        String one = a.loginAs("rv-s2");
        String two = a.loginAs("rv-s2");
        String other = a.loginAs("rv-s3");
        assertEquals(200, meOnB(one));
        assertEquals(200, meOnB(two));
        assertEquals(
                204,
                a.sendTo(b.base(), "POST", "/api/v1/auth/logout-all", one, null).status());
        refusedOnB("logged out everywhere", one);
        refusedOnB("logged out everywhere", two);
        TestEngine.awaitUntil(
                "node A refuses too", () -> a.get("/api/v1/me", two).status() == 401, AT_ONCE);
        assertEquals(200, meOnB(other), "another user is untouched");
        assertEquals(200, meOnB(a.loginAs("rv-s2")), "signing in again works");
    }

    @Test
    void aNewPasswordEndsTheOldTokensButANameChangeDoesNot() {
        a.users("student", "rv-s4");
        String old = a.loginAs("rv-s4");
        assertEquals(200, meOnB(old));
        JsonObject renamed =
                new JsonObject().put("id", "rv-s4").put("name", "Renamed").put("roles", new JsonArray().add("student"));
        assertEquals(
                200,
                a.post("/api/v1/users", a.admin(), new JsonArray().add(renamed)).status());
        String afterRename = a.loginAs("rv-s4");
        assertEquals(200, meOnB(afterRename));
        assertEquals(200, meOnB(old), "same roles, same password: the token holds");
        assertEquals(
                200,
                a.post("/api/v1/users", a.admin(), new JsonArray().add(user("rv-s4", "student", "a-new-password")))
                        .status());
        refusedOnB("password changed", old);
        refusedOnB("password changed", afterRename);
        assertEquals(
                401,
                a.post(
                                "/api/v1/auth/login",
                                null,
                                new JsonObject().put("username", "rv-s4").put("password", "rv-s4-password"))
                        .status());
        assertEquals(
                200,
                a.post(
                                "/api/v1/auth/login",
                                null,
                                new JsonObject().put("username", "rv-s4").put("password", "a-new-password"))
                        .status());
    }

    @Test
    void aDisabledAccountLosesItsTokensAndCannotSignInUntilEnabled() {
        a.users("teacher", "rv-t1");
        a.users("proctor", "rv-p1");
        String old = a.loginAs("rv-t1");
        assertEquals(200, meOnB(old));
        assertEquals(
                403,
                a.post("/api/v1/users/rv-t1/disable", a.loginAs("rv-p1"), null).status(),
                "only an admin disables");
        assertEquals(403, a.post("/api/v1/users/rv-t1/disable", old, null).status(), "nor the user themselves");
        assertEquals(200, a.post("/api/v1/users/rv-t1/disable", a.admin(), null).status());
        refusedOnB("disabled", old);
        var login = a.post(
                "/api/v1/auth/login",
                null,
                new JsonObject().put("username", "rv-t1").put("password", "rv-t1-password"));
        assertEquals(403, login.status());
        assertEquals("account-disabled", login.error());
        var wrong = a.post(
                "/api/v1/auth/login",
                null,
                new JsonObject().put("username", "rv-t1").put("password", "not-the-password"));
        assertEquals(
                "bad-credentials", wrong.error(), "without the password nobody learns that the account is disabled");
        assertTrue(
                a.get("/api/v1/users", a.admin()).array().stream()
                        .map(JsonObject.class::cast)
                        .anyMatch(u -> "rv-t1".equals(u.getString("id")) && u.getBoolean("disabled", false)),
                "the list shows it");
        assertEquals(200, a.post("/api/v1/users/rv-t1/enable", a.admin(), null).status());
        assertEquals(200, meOnB(a.loginAs("rv-t1")), "enabled: signs in again");
        assertEquals(401, meOnB(old), "the tokens ended by disabling stay ended");
        assertEquals(
                404,
                a.post("/api/v1/users/nobody-here/disable", a.admin(), null).status());
        assertEquals(
                409,
                a.post("/api/v1/users/admin/disable", a.admin(), null).status(),
                "an admin cannot lock themselves out");
    }

    @Test
    void signedTokensMissingClaimsAre401NeverA500() {
        byte[] key = SHARED_SECRET.getBytes(StandardCharsets.UTF_8);
        long exp = System.currentTimeMillis() / 1000 + 600;
        for (String payload : new String[] {
            "{\"sub\":\"admin\",\"roles\":[\"admin\"]}",
            "{\"sub\":\"admin\",\"jti\":\"x\",\"ver\":0,\"roles\":[\"admin\"]}",
            "{\"jti\":\"x\",\"ver\":0,\"roles\":[\"admin\"],\"exp\":" + exp + "}",
            "{\"sub\":\"admin\",\"jti\":\"x\",\"ver\":0,\"roles\":\"admin\",\"exp\":" + exp + "}",
            "{\"sub\":\"admin\",\"jti\":\"x\",\"ver\":0,\"roles\":[\"admin\"],\"exp\":\"never\"}"
        }) {
            String token = Jwt.signed(key, payload);
            assertEquals(401, a.get("/api/v1/me", token).status(), payload);
            assertEquals(
                    401,
                    a.post("/api/v1/users", token, new JsonArray().add(user("rv-x", "admin", "whatever-pw")))
                            .status(),
                    payload);
            assertEquals(
                    401, a.get("/api/v1/ws?token=" + token, null).status(), "the socket's upgrade too: " + payload);
        }
        // and a well-formed token of a user that does not exist is refused as well
        Tokens forged = new Tokens(key, Duration.ofMinutes(5), Clock.systemUTC());
        assertEquals(
                401,
                a.get("/api/v1/me", forged.issue(new Caller("ghost", "Ghost", EnumSet.of(Role.ADMIN)), 0))
                        .status());
    }

    @Test
    void aSocketIsClosedWith4401WhenItsTokenIsEndedOnAnotherNode() throws Exception {
        a.users("student", "rv-s5");
        String token = a.loginAs("rv-s5");
        TestSocket ws = TestSocket.open(b, token);
        ws.next("time");
        assertEquals(204, a.post("/api/v1/auth/logout", token, null).status());
        assertEquals(4401, ws.awaitClose(AT_ONCE), "closed by the server with the session-ended code");
        assertEquals("token-ended", ws.closeReason());
    }

    @Test
    void aSocketIsClosedWith4401WhenItsTokenExpires() throws Exception {
        a.users("student", "rv-s6");
        // a token of ours that lives 2 s (the configured lifetime is at least a minute)
        Tokens shortLived =
                new Tokens(SHARED_SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2), Clock.systemUTC());
        String token = shortLived.issue(new Caller("rv-s6", "rv-s6", EnumSet.of(Role.STUDENT)), 0);
        TestSocket ws = TestSocket.open(b, token);
        ws.next("time");
        assertEquals(4401, ws.awaitClose(Duration.ofSeconds(5)));
        assertEquals("token-expired", ws.closeReason());
        assertEquals(401, meOnB(token));
    }

    /** A node's cached standings are only as good as its subscription: one that missed an announcement must not trust them. */
    @Test
    void aNodeWhosePubSubConnectionDroppedDoesNotKeepAStaleStanding() {
        a.users("student", "rv-s8");
        String token = a.loginAs("rv-s8");
        assertEquals(200, meOnB(token), "cached on node B");
        // every subscriber connection is cut (both nodes'), then the token is ended while they reconnect
        a.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.CLIENT)
                .arg("KILL")
                .arg("TYPE")
                .arg("pubsub"));
        assertEquals(204, a.post("/api/v1/auth/logout", token, null).status());
        refusedOnB("ended while node B's subscription was down", token);
        String next = a.loginAs("rv-s8");
        assertEquals(200, meOnB(next));
        assertEquals(204, a.post("/api/v1/auth/logout-all", next, null).status());
        refusedOnB("ended after node B subscribed again", next);
    }

    @Test
    void failedSignInsOnOneNodeThrottleTheOtherToo() {
        a.users("student", "rv-s7");
        JsonObject wrong = new JsonObject().put("username", "rv-s7").put("password", "wrong-password");
        for (int i = 0; i < 4; i++)
            assertEquals(401, a.post("/api/v1/auth/login", null, wrong).status());
        var onB = a.sendTo(b.base(), "POST", "/api/v1/auth/login", null, wrong);
        assertEquals(429, onB.status(), "node B knows of node A's failures");
        assertTrue(onB.headers().firstValue("Retry-After").isPresent());
    }
}
