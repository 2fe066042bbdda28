package kz.emtihan.media.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 14 (8): the rule that sends a snapshot to the full-size look, as a pure function. */
class FirstLookTest {
    private static final float T = FaceAnalyser.DEFAULT_SCORE_THRESHOLD;
    private static final FirstLook SMALL = FirstLook.SMALL;
    private static final FirstLook STRICT = new FirstLook(320, 240, true);

    @Test
    void clearFacesAreTrusted() {
        assertFalse(SMALL.needsFullLook(new float[] {0.935f}, T));
        assertFalse(SMALL.needsFullLook(new float[] {0.93f, 0.93f}, T), "two sure faces: two, no second look");
        assertEquals(2, FirstLook.faces(new float[] {0.93f, 0.93f}, T));
    }

    @Test
    void aCandidateBetweenUnsureAndTheThresholdNeedsTheFullLook() {
        // two_faces_collins_hopper at 320x240: Hopper 0.93, Collins 0.896
        assertTrue(SMALL.needsFullLook(new float[] {0.93f, 0.896f}, T));
        assertTrue(SMALL.needsFullLook(new float[] {0.7f}, T), "a face it cannot confirm");
        assertTrue(SMALL.needsFullLook(new float[] {FirstLook.UNSURE_FROM}, T), "the band includes its floor");
        assertFalse(SMALL.needsFullLook(new float[] {T}, T), "and excludes the threshold");
        assertEquals(1, FirstLook.faces(new float[] {0.93f, 0.896f}, T));
    }

    @Test
    void nothingInTheFrameIsNoFaceUnlessTheOperatorAsksForARecheck() {
        assertFalse(SMALL.needsFullLook(new float[0], T));
        assertFalse(
                SMALL.needsFullLook(new float[] {0.4f}, T), "background below the unsure band (coffee cup 0.29-0.40)");
        assertTrue(STRICT.needsFullLook(new float[0], T));
        assertTrue(STRICT.needsFullLook(new float[] {0.4f}, T));
        assertFalse(STRICT.needsFullLook(new float[] {0.93f}, T));
    }

    @Test
    void scaleFitsTheBoxWithoutCropping() {
        assertEquals(0.5, SMALL.scale(640, 480));
        assertEquals(240.0 / 512, SMALL.scale(512, 512), "the tighter side decides");
        assertEquals(0.5, SMALL.scale(640, 360), "16:9 letterboxed inside 320x240: 320x180");
        assertEquals(1.0, SMALL.scale(320, 240), "already that small: one look");
        assertEquals(1.0, SMALL.scale(200, 100));
    }

    @Test
    void rejectsAbsurdSizes() {
        assertThrows(IllegalArgumentException.class, () -> new FirstLook(10, 10, false));
        assertThrows(IllegalArgumentException.class, () -> new FirstLook(320, 5000, false));
    }
}
