package kz.emtihan.config;

/** A configuration value is missing or wrong. The message starts with the key, so start-up can say which. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
