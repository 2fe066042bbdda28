package kz.emtihan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.Test;

/** The sign-in throttle's keys (auth.login, issue 10): shipped values, overrides, and a bad value naming its key. */
class LoginSettingsTest {
    static EmtihanConfig load(Map<String, String> env) {
        return ConfigLoader.load(Optional.of(TestEngine.configDir()), env);
    }

    @Test
    void theShippedLimitsAreTheDocumentedOnes() {
        LoginSettings s = load(Map.of()).auth().login();
        assertEquals(Duration.ofMinutes(15), s.window());
        assertEquals(3, s.rules().pair().free());
        assertEquals(Duration.ofSeconds(300), s.rules().pair().max());
        assertEquals(50, s.rules().address().free());
        assertEquals(10, s.rules().account().free());
        assertEquals(Duration.ofSeconds(30), s.rules().account().max());
        assertEquals(Optional.empty(), s.clientAddressHeader());
    }

    @Test
    void eachLimitCanBeOverriddenFromTheEnvironment() {
        LoginSettings s = load(Map.of(
                        "EMTIHAN_AUTH_LOGIN_PER_ACCOUNT_FREE",
                        "20",
                        "EMTIHAN_AUTH_LOGIN_CLIENT_ADDRESS_HEADER",
                        "X-Forwarded-For"))
                .auth()
                .login();
        assertEquals(20, s.rules().account().free());
        assertEquals(Optional.of("X-Forwarded-For"), s.clientAddressHeader());
    }

    @Test
    void aLongestWaitShorterThanTheFirstStopsStartUpNamingTheKey() {
        var e = assertThrows(
                ConfigException.class, () -> load(Map.of("EMTIHAN_AUTH_LOGIN_PER_ADDRESS_MAX_DELAY_SECONDS", "0")));
        assertEquals("auth.login.perAddress.maxDelaySeconds", e.key());
        e = assertThrows(ConfigException.class, () -> load(Map.of("EMTIHAN_AUTH_LOGIN_WINDOW_MINUTES", "0")));
        assertEquals("auth.login.windowMinutes", e.key());
    }
}
