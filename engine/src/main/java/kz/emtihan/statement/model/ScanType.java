package kz.emtihan.statement.model;

import java.util.Map;
import java.util.Optional;

/**
 * 5.34: the document behind an application is a scan, a PDF, JPEG or PNG, known by its own first bytes (never by what
 * the sender says it is), of at most {@link #MAX_BYTES}.
 */
public final class ScanType {
    /** 700 KB, as a sitting's postponement scan. */
    public static final int MAX_BYTES = 700 * 1024;

    /** Type -> the ending the scan is downloaded under. */
    public static final Map<String, String> ENDINGS =
            Map.of("application/pdf", "pdf", "image/jpeg", "jpg", "image/png", "png");

    private ScanType() {}

    /** The type by the file's signature, if it is a PDF, JPEG or PNG of 1..{@link #MAX_BYTES} bytes. */
    public static Optional<String> of(byte[] b) {
        if (b.length == 0 || b.length > MAX_BYTES) return Optional.empty();
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-')
            return Optional.of("application/pdf");
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF)
            return Optional.of("image/jpeg");
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0D
                && b[5] == 0x0A
                && b[6] == 0x1A
                && b[7] == 0x0A) return Optional.of("image/png");
        return Optional.empty();
    }
}
