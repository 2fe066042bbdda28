package kz.emtihan.media.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14 (8): the chosen analysis size, 320x240 first and 640x480 when unsure, finds on the fixtures what the
 * 640x480 analysis alone found, and 320x240 alone would not.
 */
class FirstLookFixturesTest {
    private static final String SEQ = "video/presence_seq_30f-face_30f-noface_30f-twofaces_640x480.mjpeg";
    private static FaceAnalyser chosen, full;

    @BeforeAll
    static void open() {
        chosen = new FaceAnalyser(FirstLook.SMALL);
        full = new FaceAnalyser();
    }

    @AfterAll
    static void close() {
        chosen.close();
        full.close();
    }

    @ParameterizedTest(name = "{0} -> {1} face(s), full look: {2}")
    @CsvSource({
        "face_grace_hopper.jpg,                   1, false",
        "face_astronaut_eileen_collins.png,       1, false",
        "noface_coffee.png,                       0, false",
        "noface_coffee_640x480.png,               0, false",
        "noface_rocket.jpg,                       0, false",
        "noface_cat_chelsea.png,                  0, false",
        // the small look sees Collins at 0.896: unsure, so the full look counts both
        "two_faces_collins_hopper_640x480.png,    2, true",
        "variant_hopper_rot8_640x480.png,         1, false",
        "variant_astronaut_flip_crop_640x480.png, 1, false",
        // the profile scores 0.87 at the small size: unsure; the full look does not reach 0.9 either
        "face_profile_cameraman.png,              0, true",
    })
    void countsFacesAsLabelled(String file, int expected, boolean fullLook) throws Exception {
        byte[] image = Fixtures.face(file);
        long before = chosen.looks()[1];
        FrameAnalysis a = chosen.analyse(image);
        assertEquals(expected, a.faces(), a.toString());
        assertEquals(fullLook, chosen.looks()[1] > before, "full look taken");
        FrameAnalysis b = full.analyse(image);
        assertEquals(b.faces(), a.faces(), "same count as 640x480 alone");
        assertEquals(b.brightness(), a.brightness(), "light measured as before");
        assertEquals(b.sharpness(), a.sharpness(), 1e-9, "sharpness measured as before");
        for (int i = 0; i < a.faces(); i++) {
            FaceBox x = a.boxes().get(i);
            assertTrue(x.confidence() >= FaceAnalyser.DEFAULT_SCORE_THRESHOLD, x.toString());
            // boxes stay in the original image's pixels whichever look found them
            FaceBox y = b.boxes().stream()
                    .min((p, q) -> Integer.compare(Math.abs(p.x() - x.x()), Math.abs(q.x() - x.x())))
                    .orElseThrow();
            double cx = x.x() + x.width() / 2.0, cy = y.x() + y.width() / 2.0;
            double ratio = (double) x.width() / y.width();
            assertTrue(Math.abs(cx - cy) < 0.15 * y.width() && ratio > 0.8 && ratio < 1.25, x + " vs " + y);
        }
    }

    @Test
    void fakeCameraVideoPhasesAreCountedExactly() throws Exception {
        List<byte[]> frames =
                Fixtures.mjpegFrames(Files.readAllBytes(Fixtures.dir().resolve(SEQ)));
        assertEquals(90, frames.size());
        StringBuilder wrong = new StringBuilder();
        long before = chosen.looks()[1];
        for (int i = 0; i < frames.size(); i++) {
            int expected = new int[] {1, 0, 2}[i / 30];
            FrameAnalysis a = chosen.analyse(frames.get(i));
            if (a.faces() != expected || !a.judgeable())
                wrong.append(i).append('=').append(a.faces()).append(' ');
        }
        assertEquals("", wrong.toString(), "frames counted wrong");
        // one face and no face: one small look each; two faces: the full look (30 frames)
        assertEquals(30, chosen.looks()[1] - before);
    }

    /** Why not 320x240 alone: it loses the second face of the two-face frames. */
    @Test
    void theSmallLookAloneMissesTheSecondFace() throws Exception {
        try (FaceAnalyser small = new FaceAnalyser(FirstLook.SMALL)) {
            small.secondLook = false;
            assertEquals(
                    1,
                    small.analyse(Fixtures.face("two_faces_collins_hopper_640x480.png"))
                            .faces());
            assertEquals(
                    1, small.analyse(Fixtures.face("face_grace_hopper.jpg")).faces());
        }
    }
}
