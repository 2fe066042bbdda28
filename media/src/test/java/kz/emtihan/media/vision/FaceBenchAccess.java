package kz.emtihan.media.vision;

/**
 * Test-only bridge for the media bench ({@code kz.emtihan.media.bench}): creates {@link FaceAnalyser}s
 * with a chosen detector and loads the OpenCV natives, without widening the production API.
 */
public final class FaceBenchAccess {
    private FaceBenchAccess() {}

    /** Loads the bundled OpenCV native library (once per JVM). */
    public static void loadNatives() {
        OpenCvNatives.load();
    }

    /** The production analyser: YuNet (check {@link FaceAnalyser#detector()}: Haar if YuNet failed to load). */
    public static FaceAnalyser yunet() {
        return new FaceAnalyser();
    }

    /** Issue 14 (8): the first look at {@code firstLook}, the full-size look when unsure (the production choice). */
    public static FaceAnalyser twoLooks(FirstLook firstLook) {
        return new FaceAnalyser(firstLook);
    }

    /** Issue 14 (8): the first look alone, never the full-size one: what {@code firstLook} finds by itself. */
    public static FaceAnalyser firstLookOnly(FirstLook firstLook) {
        FaceAnalyser a = new FaceAnalyser(firstLook);
        a.secondLook = false;
        return a;
    }

    /** An analyser forced onto the Haar fallback. */
    public static FaceAnalyser haar() {
        return new FaceAnalyser(FaceAnalyser.DEFAULT_SCORE_THRESHOLD, false);
    }
}
