package kz.emtihan.media.vision;

import java.util.List;

/**
 * What {@link FaceAnalyser} saw in one camera snapshot. Immutable.
 *
 * <p>{@code brightness} and {@code sharpness} are measured on the grey image scaled down so that its
 * longer side is at most {@link FaceAnalyser#WORK_SIDE} pixels, so the thresholds below do not depend
 * on the camera resolution.
 *
 * <p>A frame that is not {@link #judgeable()} is <em>insufficient evidence</em>: a caller must not treat
 * "0 faces" in such a frame as "nobody there" (issue 4: dark, blurred or covered camera means the flag
 * says insufficient evidence, not suspicious).
 *
 * @param faces      number of faces found (equals {@code boxes.size()})
 * @param boxes      the faces, best score first for YuNet; never null
 * @param brightness mean luma, 0 (black) to 255 (white)
 * @param sharpness  variance of the Laplacian of the grey image; higher is sharper
 * @param detector   which detector produced {@code boxes}
 */
public record FrameAnalysis(int faces, List<FaceBox> boxes, double brightness, double sharpness, Detector detector) {

    /** Which face detector was used. */
    public enum Detector {
        YUNET,
        HAAR
    }

    /** Mean luma below this: too dark to judge (a covered lens or a dark room reads ~0-30). */
    public static final double MIN_BRIGHTNESS = 40.0;

    /** Mean luma above this: too bright / washed out to judge (e.g. lens facing a lamp). */
    public static final double MAX_BRIGHTNESS = 225.0;

    /**
     * Variance of the Laplacian below this: too blurred to judge. Sharp webcam portraits measured
     * here score in the hundreds or more; a Gaussian blur with sigma 8 brings them to single digits.
     */
    public static final double MIN_SHARPNESS = 25.0;

    public FrameAnalysis {
        boxes = List.copyOf(boxes);
        if (faces != boxes.size()) {
            throw new IllegalArgumentException("faces=" + faces + " but " + boxes.size() + " boxes");
        }
    }

    /** True when the image is dark enough, bright enough and sharp enough for its face count to mean something. */
    public boolean judgeable() {
        return brightness >= MIN_BRIGHTNESS && brightness <= MAX_BRIGHTNESS && sharpness >= MIN_SHARPNESS;
    }

    /** This snapshot reduced to what {@link PresenceRule} needs. */
    public PresenceRule.Observation observation() {
        return new PresenceRule.Observation(faces, judgeable());
    }
}
