package kz.emtihan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kz.emtihan.config.ConfigException;
import kz.emtihan.config.ConfigLoader;
import kz.emtihan.config.EmtihanConfig;

/**
 * {@code java -jar engine/target/emtihan.jar [--demo] [--config DIR] [--rotate-receipt-key]}. The config directory
 * is --config, else $EMTIHAN_CONFIG_DIR, else ./config when it holds emtihan.yaml, else the packaged defaults.
 * {@code --rotate-receipt-key} retires the receipt key before starting (docs/verification.md "Key rotation").
 * Exit codes: 2 a configuration error, 3 the store could not be started (docs/operations.md), 4 the embedded
 * Redis kept dying.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        List<String> a = List.of(args);
        boolean demo = a.contains("--demo");
        Optional<Path> dir = configDir(a);
        EmtihanConfig cfg;
        try {
            cfg = ConfigLoader.load(dir, System.getenv());
        } catch (ConfigException e) {
            System.err.println("Emtihan cannot start: configuration error at " + e.getMessage());
            System.exit(2);
            return;
        }
        if (a.contains("--rotate-receipt-key")) {
            var key = kz.emtihan.audit.ReceiptSigner.rotate(cfg.dataDir(), java.time.Instant.now());
            System.out.println("Emtihan: the receipt key " + key.keyId() + " is current from " + key.validFrom()
                    + "; the previous one is retired (see " + kz.emtihan.audit.AuditRoutes.WELL_KNOWN + ")");
        }
        Engine engine;
        try {
            engine = Engine.start(cfg, Optional.ofNullable(System.getenv("EMTIHAN_ADMIN_PASSWORD")), demo);
        } catch (IllegalStateException e) {
            // issue 14 (3): e.g. another engine runs on this data directory, or its orphaned Redis cannot be stopped
            System.err.println("Emtihan cannot start: " + e.getMessage());
            System.exit(3);
            return;
        }
        // issue 14 (6): SIGTERM drains the node (http.drainSeconds) before it stops
        engine.installShutdownHook();
        // issue 14 (3): an embedded Redis that keeps dying is not restarted for ever; the engine exits non-zero and
        // its supervisor (systemd Restart=on-failure, Kubernetes) or the operator takes over
        engine.embeddedRedis().ifPresent(redis -> redis.onGiveUp(() -> System.exit(4)));
    }

    private static Optional<Path> configDir(List<String> args) {
        int i = args.indexOf("--config");
        if (i >= 0 && i + 1 < args.size()) return Optional.of(Path.of(args.get(i + 1)));
        String env = System.getenv("EMTIHAN_CONFIG_DIR");
        if (env != null && !env.isBlank()) return Optional.of(Path.of(env));
        if (Files.isRegularFile(Path.of("config", "emtihan.yaml"))) return Optional.of(Path.of("config"));
        return Optional.empty();
    }
}
