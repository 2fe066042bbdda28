package kz.emtihan.config;

/**
 * Issue 14 (8): how snapshots are analysed for faces, from {@code proctoring.faceAnalysis} in {@code emtihan.yaml}
 * (docs/face-analysis.md). YuNet looks at {@code width x height} first (320x240: a quarter of the work of the
 * 640x480 snapshot) and at full size when that look is unsure; 640x480 is one full-size look, as before issue 14.
 *
 * @param width         the first look's width, pixels
 * @param height        the first look's height, pixels
 * @param recheckNoFace also look at full size when the first look finds no face at all (safer, costs a second look
 *                      for every empty frame)
 * @param queue         snapshots waiting for analysis on a node at most; more are kept as the latest picture but not
 *                      analysed, and a waiting snapshot is skipped when a newer one of the same attempt arrives
 */
public record FaceAnalysisSettings(int width, int height, boolean recheckNoFace, int queue) {

    static FaceAnalysisSettings read(ConfigTree t) {
        String p = "proctoring.faceAnalysis.";
        return new FaceAnalysisSettings(
                t.integer(p + "width", 64, 640),
                t.integer(p + "height", 48, 480),
                t.bool(p + "recheckNoFace"),
                t.integer(p + "queue", 1, 1_000_000));
    }
}
