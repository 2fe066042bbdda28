package kz.emtihan.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 (1): the sign-in says which zone exams are held in (regulation.yaml calendar.timeZone), so that every page
 * shows its times on that clock whatever the browser's zone is, and names it.
 */
@SharedEngine
class LoginZoneTest {
    @Test
    void theSignInNamesTheExamsZone(TestEngine app) {
        TestEngine.Reply r = app.post(
                "/api/v1/auth/login",
                null,
                new JsonObject().put("username", "admin").put("password", TestEngine.ADMIN_PASSWORD));
        assertEquals(200, r.status(), r.body());
        assertEquals("Asia/Almaty", r.json().getString("timeZone"), "the configured calendar.timeZone");
    }
}
