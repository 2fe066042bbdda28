package kz.emtihan.media.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: the shared fixtures directory (system property {@code emtihan.fixtures.dir}) and MJPEG splitting. */
final class Fixtures {
    private Fixtures() {}

    static Path dir() {
        String p = System.getProperty("emtihan.fixtures.dir");
        assertTrue(p != null, "system property emtihan.fixtures.dir not set (see media/pom.xml)");
        Path d = Path.of(p).normalize();
        assertTrue(Files.isDirectory(d), "fixtures dir missing: " + d);
        return d;
    }

    static byte[] face(String name) throws IOException {
        return Files.readAllBytes(dir().resolve("faces").resolve(name));
    }

    /** Splits a raw MJPEG stream into JPEGs: each runs from an FFD8 (SOI) to the next FFD9 (EOI). */
    static List<byte[]> mjpegFrames(byte[] all) {
        List<byte[]> frames = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 1 < all.length; i++) {
            int a = all[i] & 0xff, b = all[i + 1] & 0xff;
            if (start < 0 && a == 0xff && b == 0xd8) {
                start = i;
            } else if (start >= 0 && a == 0xff && b == 0xd9) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(all, start, i + 2 - start);
                frames.add(out.toByteArray());
                start = -1;
                i++;
            }
        }
        return frames;
    }
}
