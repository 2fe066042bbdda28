package kz.emtihan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.TestEngine;
import kz.emtihan.media.objects.S3Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 (1): {@code objects} in emtihan.yaml and its EMTIHAN_OBJECTS_* overrides, checked at start. */
class ObjectSettingsTest {
    @TempDir
    Path dir;

    EmtihanConfig load(Map<String, String> env) throws IOException {
        Files.writeString(
                dir.resolve("emtihan.yaml"),
                Files.readString(TestEngine.configDir().resolve("emtihan.yaml")));
        Files.writeString(
                dir.resolve("regulation.yaml"),
                Files.readString(TestEngine.configDir().resolve("regulation.yaml")));
        return ConfigLoader.load(Optional.of(dir), env);
    }

    static Map<String, String> s3(String... more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "EMTIHAN_OBJECTS_STORE", "s3",
                "EMTIHAN_OBJECTS_S3_ENDPOINT", "http://minio.local:9000",
                "EMTIHAN_OBJECTS_S3_BUCKET", "emtihan-media",
                "EMTIHAN_OBJECTS_S3_ACCESS_KEY", "key",
                "EMTIHAN_OBJECTS_S3_SECRET_KEY", "secret"));
        for (int i = 0; i + 1 < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    @Test
    void theShippedFileKeepsMediaInTheDataDirectory() throws IOException {
        assertTrue(load(Map.of()).objects().s3().isEmpty(), "local by default: the README's first command unchanged");
    }

    @Test
    void theEnvironmentPointsEveryNodeAtOneBucket() throws IOException {
        S3Location s3 =
                load(s3("EMTIHAN_OBJECTS_S3_REGION", "kz-ala-1")).objects().s3().orElseThrow();
        assertEquals(Optional.of(URI.create("http://minio.local:9000")), s3.endpoint());
        assertEquals("emtihan-media", s3.bucket());
        assertEquals("kz-ala-1", s3.region());
        assertEquals("key", s3.accessKey());
        assertEquals("secret", s3.secretKey());
        assertTrue(s3.pathStyle());
        assertTrue(!s3.toString().contains("secret"), "the secret stays out of the log: " + s3);
    }

    @Test
    void aBadObjectsSettingNamesItsKey() {
        assertEquals("objects.store", key(Map.of("EMTIHAN_OBJECTS_STORE", "nfs")));
        assertEquals("objects.s3.bucket", key(s3("EMTIHAN_OBJECTS_S3_BUCKET", "")));
        assertEquals("objects.s3.bucket", key(s3("EMTIHAN_OBJECTS_S3_BUCKET", "Bad_Bucket")));
        assertEquals("objects.s3.endpoint", key(s3("EMTIHAN_OBJECTS_S3_ENDPOINT", "minio:9000")));
        assertEquals("objects.s3.secretKey", key(s3("EMTIHAN_OBJECTS_S3_SECRET_KEY", "")));
        assertEquals("objects.s3.region", key(s3("EMTIHAN_OBJECTS_S3_REGION", " ")));
    }

    private String key(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> load(env)).key();
    }
}
