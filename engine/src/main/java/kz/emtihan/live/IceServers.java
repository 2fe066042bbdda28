package kz.emtihan.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.emtihan.config.IceSettings;

/**
 * The {@code iceServers} a signed-in user's pages give RTCPeerConnection (IceSettings): the STUN servers as they are,
 * and the TURN servers with credentials that expire, as coturn checks them with {@code use-auth-secret}: the username is
 * {@code <expiry in Unix seconds>:<user id>} and the password base64(HMAC-SHA1(secret, username)). No TURN password is
 * ever stored or shown in the config; a leaked credential stops working at its expiry.
 */
public final class IceServers {
    private final IceSettings settings;

    public IceServers(IceSettings settings) {
        this.settings = settings;
    }

    /** {@code {"iceServers": [{urls}, {urls, username, credential}], "expiresAt"}} for this user at {@code now}. */
    public JsonObject forUser(String userId, Instant now) {
        JsonArray servers = new JsonArray();
        if (!settings.stun().isEmpty()) servers.add(new JsonObject().put("urls", new JsonArray(settings.stun())));
        Instant expires = now.plus(settings.ttl());
        if (!settings.turn().isEmpty()) {
            String username = expires.getEpochSecond() + ":" + userId;
            servers.add(new JsonObject()
                    .put("urls", new JsonArray(settings.turn()))
                    .put("username", username)
                    .put("credential", credential(settings.turnSecret(), username)));
        }
        return new JsonObject().put("iceServers", servers).put("expiresAt", expires.toString());
    }

    static String credential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
        }
    }
}
