package kz.emtihan.media.vision;

/** Loads the OpenCV native library bundled in {@code org.openpnp:opencv} exactly once per JVM. Thread-safe. */
final class OpenCvNatives {
    private static boolean loaded;

    private OpenCvNatives() {}

    static synchronized void load() {
        if (!loaded) {
            nu.pattern.OpenCV.loadLocally();
            loaded = true;
        }
    }
}
