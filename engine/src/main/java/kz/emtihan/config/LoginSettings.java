package kz.emtihan.config;

import java.time.Duration;
import java.util.Optional;
import kz.emtihan.auth.model.LoginDelay;

/**
 * Sign-in throttling, from {@code auth.login} of {@code emtihan.yaml} (issue 10, 2; docs/security.md).
 *
 * @param window failures are forgotten this long after the last one
 * @param clientAddressHeader empty: the client address is the connection's peer; else the header a trusted reverse
 *     proxy sets (X-Forwarded-For: its last entry), never to be set when clients reach the engine directly
 */
public record LoginSettings(Duration window, LoginDelay.Rules rules, Optional<String> clientAddressHeader) {

    static LoginSettings read(ConfigTree t) {
        String p = "auth.login.";
        Duration window = Duration.ofMinutes(t.integer(p + "windowMinutes", 1, 24 * 60));
        var rules = new LoginDelay.Rules(
                policy(t, p + "perAccountAddress"), policy(t, p + "perAddress"), policy(t, p + "perAccount"));
        String header = t.string(p + "clientAddressHeader").trim();
        return new LoginSettings(window, rules, header.isEmpty() ? Optional.empty() : Optional.of(header));
    }

    private static LoginDelay.Policy policy(ConfigTree t, String p) {
        int free = t.integer(p + ".free", 0, 10_000);
        int first = t.integer(p + ".firstDelaySeconds", 1, 3600);
        int max = t.integer(p + ".maxDelaySeconds", first, 24 * 3600);
        return new LoginDelay.Policy(free, Duration.ofSeconds(first), Duration.ofSeconds(max));
    }
}
