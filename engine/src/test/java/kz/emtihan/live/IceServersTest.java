package kz.emtihan.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.emtihan.TestEngine;
import kz.emtihan.config.IceSettings;
import org.junit.jupiter.api.Test;

/** The STUN/TURN servers a user's pages get, with TURN credentials that expire as coturn's use-auth-secret checks them. */
class IceServersTest {
    @Test
    void turnCredentialsAreTheExpiryAndUserSignedWithTheSharedSecret() {
        IceServers ice = new IceServers(new IceSettings(
                List.of("stun:s.example:3478"), List.of("turn:t.example:3478"), "coturn-secret", Duration.ofHours(24)));
        JsonObject out = ice.forUser("student1", Instant.ofEpochSecond(1_800_000_000L - 86_400));
        JsonArray servers = out.getJsonArray("iceServers");
        assertEquals(
                new JsonObject().put("urls", new JsonArray().add("stun:s.example:3478")), servers.getJsonObject(0));
        JsonObject turn = servers.getJsonObject(1);
        assertEquals("1800000000:student1", turn.getString("username"), "the expiry in Unix seconds, then the user");
        // the same HMAC-SHA1 computed by Python's hmac module: base64(hmac.new(b'coturn-secret',
        // b'1800000000:student1', sha1))
        assertEquals("xe12W8NXCuOCy/vMECz08Jh73+Y=", turn.getString("credential"));
        assertEquals(Instant.ofEpochSecond(1_800_000_000L).toString(), out.getString("expiresAt"));
    }

    @Test
    void withNothingConfiguredThePagesGetNoServers() {
        assertEquals(
                new JsonArray(),
                new IceServers(IceSettings.none()).forUser("u", Instant.EPOCH).getJsonArray("iceServers"));
    }

    @Test
    void eachSignedInUserGetsTheirOwnCredentialsOverHttp() {
        try (TestEngine app = TestEngine.start(Map.of(
                "EMTIHAN_MEDIA_STUN",
                "stun:s.example:3478",
                "EMTIHAN_MEDIA_TURN_URLS",
                "turns:t.example:5349",
                "EMTIHAN_MEDIA_TURN_SECRET",
                "s3cret"))) {
            app.users("student", "ice1");
            JsonObject mine =
                    app.get("/api/v1/live/ice-servers", app.loginAs("ice1")).json();
            JsonObject turn = mine.getJsonArray("iceServers").getJsonObject(1);
            assertEquals("ice1", turn.getString("username").split(":")[1]);
            assertEquals(IceServers.credential("s3cret", turn.getString("username")), turn.getString("credential"));
            assertEquals(401, app.get("/api/v1/live/ice-servers", null).status());
        }
    }
}
