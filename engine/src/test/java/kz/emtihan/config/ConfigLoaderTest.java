package kz.emtihan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.TestEngine;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.exam.model.ExamKind;
import kz.emtihan.grade.model.ScoringRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    String engineYaml() throws IOException {
        return Files.readString(TestEngine.configDir().resolve("emtihan.yaml"));
    }

    String regulationYaml() throws IOException {
        return Files.readString(TestEngine.configDir().resolve("regulation.yaml"));
    }

    EmtihanConfig loadWith(String engine, String regulation, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("emtihan.yaml"), engine);
        Files.writeString(dir.resolve("regulation.yaml"), regulation);
        return ConfigLoader.load(Optional.of(dir), env);
    }

    @Test
    void theShippedFilesHoldTheRegulationsNumbers() { // 5.20.3, 7.6, 5.23.3
        Regulation r =
                ConfigLoader.load(Optional.of(TestEngine.configDir()), Map.of()).regulation();
        var a = r.limits(ExamKind.INTERMEDIATE_ATTESTATION);
        assertEquals(30, a.maxQuestions());
        assertEquals(50, a.minDurationMinutes());
        assertEquals(50, a.maxDurationMinutes());
        assertEquals(1, a.attempts());
        assertEquals(100, r.bank().minQuestions());
        assertEquals(5, r.bank().optionsPerQuestion());
        assertEquals(
                Map.of(Difficulty.EASY, 40, Difficulty.MEDIUM, 40, Difficulty.HARD, 20),
                r.bank().mixPercent());
        assertEquals(ScoringRule.ALL_OR_NOTHING, r.scoring());
        assertEquals(60, r.rating().admissionPercent());
    }

    @Test
    void thePackagedDefaultsLoadWithoutADirectory() {
        assertEquals(8080, ConfigLoader.load(Optional.empty(), Map.of()).http().port());
    }

    @Test
    void environmentOverridesByKeyPathAndAlias() throws IOException {
        EmtihanConfig c = loadWith(
                engineYaml(),
                regulationYaml(),
                Map.of(
                        "EMTIHAN_PORT",
                        "9090",
                        "EMTIHAN_STORE_APPENDFSYNC",
                        "everysec",
                        "EMTIHAN_DATA_DIR",
                        "/tmp/x",
                        "EMTIHAN_AUTH_TOKEN_MINUTES",
                        "5"));
        assertEquals(9090, c.http().port());
        assertEquals("everysec", c.store().appendfsync());
        assertEquals(Path.of("/tmp/x"), c.dataDir());
        assertEquals(5, c.auth().tokenLifetime().toMinutes());
        assertEquals("EMTIHAN_STORE_REDIS_URL", ConfigLoader.envName("store.redisUrl"));
    }

    @Test
    void changingTheFileChangesTheRule() throws IOException {
        EmtihanConfig c = loadWith(
                engineYaml(),
                regulationYaml()
                        .replace("maxQuestions: 30", "maxQuestions: 25")
                        .replace(
                                "defaultQuestions: 30\n    minDurationMinutes: 50",
                                "defaultQuestions: 25\n    minDurationMinutes: 50"),
                Map.of());
        assertEquals(
                25, c.regulation().limits(ExamKind.INTERMEDIATE_ATTESTATION).maxQuestions());
    }

    @Test
    void aBadValueNamesItsKey() throws IOException {
        var e = assertThrows(
                ConfigException.class,
                () -> loadWith(engineYaml().replace("port: 8080", "port: 99999"), regulationYaml(), Map.of()));
        assertEquals("http.port", e.key());
        e = assertThrows(
                ConfigException.class,
                () -> loadWith(engineYaml(), regulationYaml().replace("hard: 20", "hard: 25"), Map.of()));
        assertEquals("bank.difficultyMix", e.key());
        e = assertThrows(
                ConfigException.class,
                () -> loadWith(
                        engineYaml(), regulationYaml().replace("rule: all-or-nothing", "rule: generous"), Map.of()));
        assertEquals("scoring.rule", e.key());
        e = assertThrows(
                ConfigException.class,
                () -> loadWith(engineYaml(), regulationYaml(), Map.of("EMTIHAN_PORT", "eighty")));
        assertEquals("http.port", e.key());
    }

    @Test
    void aMisspeltOrMissingKeyStopsStartUp() throws IOException {
        var e = assertThrows(
                ConfigException.class,
                () -> loadWith(engineYaml().replace("bodyLimitBytes", "bodyLimitBites"), regulationYaml(), Map.of()));
        assertTrue(e.key().equals("http.bodyLimitBytes") || e.key().equals("http.bodyLimitBites"), e.getMessage());
        e = assertThrows(
                ConfigException.class,
                () -> loadWith(engineYaml(), regulationYaml().replace("  midterm:", "  midterms:"), Map.of()));
        assertEquals("exams.midterms", e.key());
        e = assertThrows(ConfigException.class, () -> loadWith(engineYaml(), "exams: [", Map.of()));
        assertEquals("regulation.yaml", e.key());
    }

    @Test
    void theShippedRecordersKeepAStudentHourNear150Megabytes() { // issue 4: Chromium's 2.5 Mbit/s default: ~1.1 GB a
        // stream-hour
        ProctorSettings p =
                ConfigLoader.load(Optional.of(TestEngine.configDir()), Map.of()).proctoring();
        assertEquals(ProctorSettings.IdentityPolicy.REVIEW_LATER, p.identityPolicy());
        assertEquals(324_000, p.uploadBitsPerSecond());
        assertEquals(145.8, p.megabytesPerStudentHour(), 0.05);
        assertEquals(60, p.segmentSeconds());
        assertEquals(Optional.empty(), p.kurentoUrl());
    }

    @Test
    void badProctoringSettingsNameTheirKey() throws IOException {
        var e = assertThrows(
                ConfigException.class,
                () -> loadWith(engineYaml(), regulationYaml(), Map.of("EMTIHAN_PROCTORING_IDENTITY_POLICY", "trust")));
        assertEquals("proctoring.identityPolicy", e.key());
        e = assertThrows(
                ConfigException.class,
                () -> loadWith(
                        engineYaml(),
                        regulationYaml(),
                        Map.of("EMTIHAN_PROCTORING_CAMERA_VIDEO_BITS_PER_SECOND", "100")));
        assertEquals("proctoring.camera.videoBitsPerSecond", e.key());
        e = assertThrows(
                ConfigException.class,
                () -> loadWith(engineYaml(), regulationYaml(), Map.of("EMTIHAN_MEDIA_KURENTO_URL", "http://kms:8888")));
        assertEquals("media.kurento.url", e.key());
        assertEquals(
                Optional.of("ws://kms:8888/kurento"),
                loadWith(engineYaml(), regulationYaml(), Map.of("EMTIHAN_MEDIA_KURENTO_URL", "ws://kms:8888/kurento"))
                        .proctoring()
                        .kurentoUrl());
        e = assertThrows(
                ConfigException.class,
                () -> loadWith(
                        engineYaml(), regulationYaml(), Map.of("EMTIHAN_MEDIA_KURENTO_RECORDINGS_URI", "/recordings")));
        assertEquals("media.kurento.recordingsUri", e.key());
    }

    @Test
    void iceServersComeFromSpaceSeparatedUrlsAndTurnNeedsItsSecret() throws IOException {
        assertEquals(
                IceSettings.none().stun(),
                loadWith(engineYaml(), regulationYaml(), Map.of())
                        .proctoring()
                        .ice()
                        .stun(),
                "none by default");
        IceSettings ice = loadWith(
                        engineYaml(),
                        regulationYaml(),
                        Map.of(
                                "EMTIHAN_MEDIA_STUN",
                                "stun:a.example:3478  stun:b.example:3478",
                                "EMTIHAN_MEDIA_TURN_URLS",
                                "turn:t.example:3478?transport=udp turns:t.example:5349",
                                "EMTIHAN_MEDIA_TURN_SECRET",
                                "s3cret"))
                .proctoring()
                .ice();
        assertEquals(java.util.List.of("stun:a.example:3478", "stun:b.example:3478"), ice.stun());
        assertEquals(2, ice.turn().size());
        var e = assertThrows(
                ConfigException.class,
                () -> loadWith(engineYaml(), regulationYaml(), Map.of("EMTIHAN_MEDIA_STUN", "http://a.example")));
        assertEquals("media.stun", e.key());
        e = assertThrows(
                ConfigException.class,
                () -> loadWith(
                        engineYaml(), regulationYaml(), Map.of("EMTIHAN_MEDIA_TURN_URLS", "turn:t.example:3478")));
        assertEquals("media.turn.secret", e.key(), "TURN without coturn's shared secret is refused at start");
    }
}
