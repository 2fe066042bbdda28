package kz.emtihan.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.bank.media.MediaLimits;
import kz.emtihan.bank.model.BankRules;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.exam.model.ExamKind;
import kz.emtihan.exam.model.ExamLimits;
import kz.emtihan.grade.model.GradeBand;
import kz.emtihan.grade.model.GradeScale;
import kz.emtihan.grade.model.RatingFormula;
import kz.emtihan.grade.model.ScoringRule;

/**
 * Reads {@code emtihan.yaml} and {@code regulation.yaml} from a config directory (or the defaults packaged
 * in the config module), then applies {@code EMTIHAN_*} environment overrides. Any bad value throws
 * {@link ConfigException} naming the key.
 */
public final class ConfigLoader {
    private static final Map<String, String> ALIASES = Map.of(
            "EMTIHAN_PORT", "http.port",
            "EMTIHAN_REDIS_URL", "store.redisUrl",
            "EMTIHAN_DATA_DIR", "dataDir");

    private ConfigLoader() {}

    /** @param configDir a directory holding both files, or empty for the packaged defaults */
    public static EmtihanConfig load(Optional<Path> configDir, Map<String, String> env) {
        ConfigTree engine = ConfigTree.parse("emtihan.yaml", read(configDir, "emtihan.yaml"));
        ConfigTree rules = ConfigTree.parse("regulation.yaml", read(configDir, "regulation.yaml"));
        applyEnv(engine, env);
        ALIASES.forEach((name, key) -> {
            if (env.containsKey(name)) engine.override(key, env.get(name));
        });
        applyEnv(rules, env);
        EmtihanConfig cfg = engine(engine, regulation(rules));
        engine.rejectUnread();
        rules.rejectUnread();
        return cfg;
    }

    /** The regulation alone, from YAML text: used by tests that vary one number. */
    public static Regulation regulation(String yaml) {
        ConfigTree rules = ConfigTree.parse("regulation.yaml", yaml);
        Regulation r = regulation(rules);
        rules.rejectUnread();
        return r;
    }

    static String read(Optional<Path> dir, String name) {
        try {
            if (dir.isPresent()) {
                Path p = dir.get().resolve(name);
                if (!Files.isRegularFile(p))
                    throw new ConfigException(name, "not found in " + dir.get().toAbsolutePath());
                return Files.readString(p, StandardCharsets.UTF_8);
            }
            try (InputStream in = ConfigLoader.class.getResourceAsStream("/emtihan-defaults/" + name)) {
                if (in == null) throw new ConfigException(name, "no packaged default found on the classpath");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ConfigException(name, "cannot be read: " + e.getMessage());
        }
    }

    private static String redisServer(String value) {
        if (value.equals("auto") || value.equals("embedded") || Path.of(value).isAbsolute()) return value;
        throw new ConfigException(
                "store.redisServer", "must be auto, embedded or an absolute path, was '" + value + "'");
    }

    /**
     * EMTIHAN_HTTP_PORT overrides http.port, EMTIHAN_STORE_REDIS_URL store.redisUrl, EMTIHAN_ANSWERS_GRACE_SECONDS
     * answers.graceSeconds of regulation.yaml, plus the short aliases.
     */
    static void applyEnv(ConfigTree tree, Map<String, String> env) {
        for (String key : tree.leaves()) {
            String name = envName(key);
            if (env.containsKey(name)) tree.override(key, env.get(name));
        }
    }

    static String envName(String key) {
        return "EMTIHAN_"
                + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static EmtihanConfig engine(ConfigTree t, Regulation regulation) {
        var http = new EmtihanConfig.Http(
                t.string("http.host"),
                t.integer("http.port", 0, 65535),
                t.integer("http.bodyLimitBytes", 1024, 64 << 20),
                t.integer("http.importLimitBytes", 1024, 512 << 20),
                t.has("http.drainSeconds") ? t.integer("http.drainSeconds", 0, 600) : 5); // issue 14 (6)
        String url = t.string("store.redisUrl").trim();
        if (!url.isEmpty() && !url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new ConfigException("store.redisUrl", "must start with redis:// or rediss://, was '" + url + "'");
        }
        var store = new EmtihanConfig.Store(
                url.isEmpty() ? Optional.empty() : Optional.of(url),
                t.oneOf("store.appendfsync", List.of("always", "everysec", "no")),
                t.integer("store.poolSize", 1, 1024),
                redisServer(t.string("store.redisServer").trim()),
                StoreTopology.read(t, url.isEmpty() ? Optional.empty() : Optional.of(url)));
        String dataDir = t.string("dataDir").trim();
        if (dataDir.isEmpty()) throw new ConfigException("dataDir", "must not be empty");
        String secret = t.string("auth.jwtSecret");
        if (!secret.isEmpty() && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new ConfigException("auth.jwtSecret", "must be at least 32 bytes for HS256");
        }
        var auth = new EmtihanConfig.Auth(
                secret.isEmpty() ? Optional.empty() : Optional.of(secret),
                Duration.ofMinutes(t.integer("auth.tokenMinutes", 1, 60 * 24 * 30)),
                t.integer("auth.bcryptCost", 4, 14),
                LoginSettings.read(t));
        var sweeper = new EmtihanConfig.Sweeper(
                Duration.ofMillis(t.integer("sweeper.intervalMillis", 50, 60_000)),
                t.integer("sweeper.batch", 1, 10_000),
                t.integer("sweeper.lanes", 1, 1_024));
        return new EmtihanConfig(
                http,
                store,
                Path.of(dataDir),
                auth,
                sweeper,
                ProctorSettings.read(t),
                MailSettings.read(t),
                regulation,
                bankMedia(t),
                MetricsSettings.read(t), // issue 14 (5)
                ObjectSettings.read(t), // issue 14 (1)
                LtiSettings.read(t), // issue 16
                LtiServicesSettings.read(t)); // issue 16 (3-4)
    }

    /** {@code bankMedia.maxFileBytes} and {@code maxImportBytes}; either may be left out for its default. */
    private static MediaLimits bankMedia(ConfigTree t) {
        long file = t.has("bankMedia.maxFileBytes")
                ? t.longInteger("bankMedia.maxFileBytes", 1024, 256L << 20)
                : MediaLimits.DEFAULT.maxFileBytes();
        long all = t.has("bankMedia.maxImportBytes")
                ? t.longInteger("bankMedia.maxImportBytes", 1024, 4L << 30)
                : Math.max(file, MediaLimits.DEFAULT.maxImportBytes());
        if (all < file)
            throw new ConfigException("bankMedia.maxImportBytes", "must be at least bankMedia.maxFileBytes");
        return new MediaLimits(file, all);
    }

    private static Regulation regulation(ConfigTree t) {
        Map<ExamKind, ExamLimits> exams = new EnumMap<>(ExamKind.class);
        for (String name : t.keys("exams")) {
            ExamKind kind = ExamKind.fromCode(name)
                    .orElseThrow(() -> new ConfigException("exams." + name, "is not an exam kind " + kindCodes()));
            exams.put(kind, limits(t, "exams." + name));
        }
        for (ExamKind k : ExamKind.values()) {
            if (!exams.containsKey(k)) throw new ConfigException("exams." + k.code(), "is missing in regulation.yaml");
        }
        Map<Difficulty, Integer> mix = new EnumMap<>(Difficulty.class);
        for (Difficulty d : Difficulty.values()) mix.put(d, t.integer("bank.difficultyMix." + d.code(), 0, 100));
        if (mix.values().stream().mapToInt(Integer::intValue).sum() != 100) {
            throw new ConfigException(
                    "bank.difficultyMix",
                    "percents must add up to 100, add up to "
                            + mix.values().stream().mapToInt(Integer::intValue).sum());
        }
        ScoringRule scoring = ScoringRule.fromCode(
                        t.oneOf("scoring.rule", List.of("all-or-nothing", "fractions", "partial")))
                .orElseThrow();
        var bank = new BankRules(
                t.integer("bank.minQuestions", 1, 100_000),
                t.integer("bank.optionsPerQuestion", 2, 10),
                mix,
                t.integer("bank.mixTolerancePercent", 0, 100),
                scoring);
        List<GradeBand> bands = new ArrayList<>();
        int n = t.size("gradeScale");
        for (int i = 0; i < n; i++) {
            String p = "gradeScale." + i;
            bands.add(new GradeBand(
                    t.integer(p + ".min", 0, 100),
                    t.string(p + ".letter"),
                    t.decimal(p + ".gpa", 0, 5),
                    t.string(p + ".traditional")));
        }
        GradeScale scale;
        try {
            scale = new GradeScale(bands);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("gradeScale", e.getMessage());
        }
        int admission = t.integer("rating.admissionPercent", 0, 100);
        int exam = t.integer("rating.examPercent", 0, 100);
        if (admission + exam != 100)
            throw new ConfigException("rating.examPercent", "admissionPercent + examPercent must be 100");
        var rating = new RatingFormula(admission, exam, t.integer("rating.minAdmissionRating", 0, 100));
        var grace = Duration.ofSeconds(t.integer("answers.graceSeconds", 0, 600));
        return new Regulation(
                exams,
                bank,
                scoring,
                scale,
                rating,
                grace,
                FinalAttestationConfig.read(t),
                statistics(t),
                CalendarConfig.read(t),
                ScheduleConfig.schedule(t),
                ScheduleConfig.retake(
                        t, bands.stream().map(GradeBand::letter).collect(java.util.stream.Collectors.toSet())));
    }

    /** Issue 12 (6): when item statistics propose a difficulty class. */
    private static kz.emtihan.grade.statistics.model.Reclassification statistics(ConfigTree t) {
        int easy = t.integer("statistics.easyMinFacility", 1, 100);
        int hard = t.integer("statistics.hardMaxFacility", 0, easy - 1);
        return new kz.emtihan.grade.statistics.model.Reclassification(
                easy, hard, t.integer("statistics.minAttempts", 2, 1_000_000));
    }

    private static ExamLimits limits(ConfigTree t, String p) {
        int maxQ = t.integer(p + ".maxQuestions", 1, 1000);
        int defQ = t.integer(p + ".defaultQuestions", 1, maxQ);
        int minD = t.integer(p + ".minDurationMinutes", 1, 24 * 60);
        int maxD = t.integer(p + ".maxDurationMinutes", minD, 24 * 60);
        int defD = t.integer(p + ".defaultDurationMinutes", minD, maxD);
        int attempts = t.integer(p + ".attempts", 1, 1); // more than one attempt is not supported yet
        return new ExamLimits(
                t.string(p + ".clause"), maxQ, defQ, minD, maxD, defD, attempts, t.bool(p + ".requireValidBank"));
    }

    private static String kindCodes() {
        List<String> codes = new ArrayList<>();
        for (ExamKind k : ExamKind.values()) codes.add(k.code());
        return codes.toString();
    }
}
