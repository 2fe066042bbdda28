package kz.emtihan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import kz.emtihan.TestEngine;
import kz.emtihan.bank.media.MediaLimits;
import org.junit.jupiter.api.Test;

/** Issue 12 (2): the size limits of a bank's pictures and sounds come from emtihan.yaml, the environment, or defaults. */
class BankMediaSettingsTest {
    static MediaLimits load(Map<String, String> env) {
        return ConfigLoader.load(Optional.of(TestEngine.configDir()), env).bankMedia();
    }

    @Test
    void theShippedFileSaysFourMebibytesAFileAndSixtyFourAnImport() {
        assertEquals(new MediaLimits(4L << 20, 64L << 20), load(Map.of()));
        assertEquals(
                MediaLimits.DEFAULT,
                ConfigLoader.load(Optional.empty(), Map.of()).bankMedia());
    }

    @Test
    void theEnvironmentOverridesAndABadValueNamesItsKey() {
        assertEquals(
                2048, load(Map.of("EMTIHAN_BANK_MEDIA_MAX_FILE_BYTES", "2048")).maxFileBytes());
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> load(Map.of(
                        "EMTIHAN_BANK_MEDIA_MAX_FILE_BYTES", "8192", "EMTIHAN_BANK_MEDIA_MAX_IMPORT_BYTES", "4096")));
        assertTrue(e.getMessage().contains("bankMedia.maxImportBytes"), e.getMessage());
    }
}
