package kz.emtihan.media.vision;

/**
 * Issue 14 (8): when the small first look at a snapshot can be trusted and when the full-size look must follow.
 * Pure logic: no OpenCV. Immutable and thread-safe.
 *
 * <p>The detector first looks at the image scaled to fit {@code width x height} (320x240: a quarter of the work of
 * 640x480) and reports every candidate scoring at least {@link #UNSURE_FROM}. The full-size look then decides
 * instead when the first one is <b>unsure</b>: some candidate scores in {@code [UNSURE_FROM, threshold)}, a face
 * the small image cannot confirm (a second face far behind the student, a turned head); and, with
 * {@code recheckNoFace}, also when it found no face at all. Otherwise its faces (candidates at or above the
 * threshold, 0.9) are the answer.
 *
 * <p>Measured on the fixtures (docs/face-analysis.md): faces of 56 px and more (in the 640x480 snapshot) score at
 * least 0.9 at 320x240 as at 640x480; faces of 40 to 48 px score 0.85 to 0.90 there, so the full look finds them
 * (at 32 px 0.79 or 0.35, smaller ones below 0.5: the first look's limit);
 * the second face of {@code two_faces_collins_hopper} scores 0.896 (the full look finds it at 0.94). Background
 * objects score up to 0.40 at 320x240 (the coffee cup), so they do not make every frame pay for two looks.
 */
public record FirstLook(int width, int height, boolean recheckNoFace) {

    /** First-look candidates from this score up and below the face threshold make the frame unsure. */
    public static final float UNSURE_FROM = 0.5f;

    /** The measured choice: 320x240 first, 640x480 when unsure; a frame with nothing in it is not looked at twice. */
    public static final FirstLook SMALL = new FirstLook(320, 240, false);

    public FirstLook {
        if (width < 64 || height < 48 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("first look " + width + "x" + height + " outside 64x48 .. 4096x4096");
        }
    }

    /**
     * Scale from an image of {@code cols x rows} to the first look: fits inside {@code width x height}, keeping the
     * aspect ratio (nothing is cropped); 1 when the image already fits, and then there is one look only.
     */
    public double scale(int cols, int rows) {
        return Math.min(1.0, Math.min((double) width / cols, (double) height / rows));
    }

    /**
     * Whether the full-size look must decide after the first look found these candidates.
     *
     * @param scores    the first look's candidates, each at least {@link #UNSURE_FROM}
     * @param threshold the score from which a candidate is a face (0.9)
     */
    public boolean needsFullLook(float[] scores, float threshold) {
        if (recheckNoFace && faces(scores, threshold) == 0) return true;
        for (float s : scores) {
            if (s >= UNSURE_FROM && s < threshold) return true;
        }
        return false;
    }

    /** Faces among the candidates: those scoring at least {@code threshold}. */
    public static int faces(float[] scores, float threshold) {
        int n = 0;
        for (float s : scores) if (s >= threshold) n++;
        return n;
    }
}
