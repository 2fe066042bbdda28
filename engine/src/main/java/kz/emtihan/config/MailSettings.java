package kz.emtihan.config;

import java.util.List;
import java.util.Locale;

/**
 * Outgoing e-mail, from the {@code mail} section of {@code emtihan.yaml}. 6.15.2: the secretary sends a copy of the
 * act of technical failure to every commission member the same day; the engine does it by e-mail when an SMTP
 * server is configured. An empty {@code mail.smtp.host} means no e-mail: acts then record "not-configured".
 *
 * @param username empty: the server is not asked to authenticate
 */
public record MailSettings(String host, int port, StartTls startTls, String username, String password, String from) {

    /** Whether the connection is upgraded to TLS with STARTTLS before the login and the message. */
    public enum StartTls {
        REQUIRED,
        OPTIONAL,
        DISABLED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** No SMTP server: nothing is sent. */
    public static MailSettings none() {
        return new MailSettings("", 587, StartTls.REQUIRED, "", "", "emtihan@university.invalid");
    }

    public boolean configured() {
        return !host.isEmpty();
    }

    static MailSettings read(ConfigTree t) {
        String p = "mail.smtp.";
        String host = t.string(p + "host").trim();
        int port = t.integer(p + "port", 1, 65535);
        StartTls startTls = StartTls.valueOf(t.oneOf(p + "startTls", List.of("required", "optional", "disabled"))
                .toUpperCase(Locale.ROOT));
        String username = t.string(p + "username").trim();
        String password = t.string(p + "password");
        String from = t.string(p + "from").trim();
        if (!host.isEmpty()
                && (from.indexOf('@') < 1
                        || from.indexOf('@') != from.lastIndexOf('@')
                        || from.chars().anyMatch(Character::isWhitespace))) {
            throw new ConfigException(
                    p + "from", "must be one e-mail address such as emtihan@university.edu.kz, was '" + from + "'");
        }
        if (username.isEmpty() != password.isEmpty()) {
            throw new ConfigException(p + "password", "username and password are both set or both empty");
        }
        return new MailSettings(host, port, startTls, username, password, from);
    }
}
