package kz.emtihan.statement.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 5.34: the scan's type is read from its bytes, never from what the sender says. */
class ScanTypeTest {
    @Test
    void pdfJpegPngByTheirSignatures() {
        assertEquals(Optional.of("application/pdf"), ScanType.of("%PDF-1.7 x".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("image/jpeg"), ScanType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(
                Optional.of("image/png"),
                ScanType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
    }

    @Test
    void anythingElseEmptyOrTooLargeIsRefused() {
        assertEquals(Optional.empty(), ScanType.of("<html>%PDF-".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ScanType.of(new byte[0]));
        byte[] big = new byte[ScanType.MAX_BYTES + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        assertEquals(Optional.empty(), ScanType.of(big));
        byte[] limit = java.util.Arrays.copyOf(big, ScanType.MAX_BYTES);
        assertEquals(Optional.of("application/pdf"), ScanType.of(limit));
    }
}
