package kz.emtihan.media.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import kz.emtihan.media.vision.PresenceRule.Flag;
import org.junit.jupiter.api.Test;

/**
 * End to end: the 90-frame MJPEG (30 one-face, 30 no-face, 30 two-face frames, 640x480) through
 * FaceAnalyser and PresenceRule; also prints the median analysis time per 640x480 frame.
 */
class PresenceSequenceTest {
    private static final String SEQ = "video/presence_seq_30f-face_30f-noface_30f-twofaces_640x480.mjpeg";

    @Test
    void flagsFollowThePhases() throws Exception {
        List<byte[]> frames =
                Fixtures.mjpegFrames(Files.readAllBytes(Fixtures.dir().resolve(SEQ)));
        assertEquals(90, frames.size());
        List<PresenceRule.Observation> obs = new ArrayList<>();
        StringBuilder counts = new StringBuilder();
        try (FaceAnalyser analyser = new FaceAnalyser()) {
            for (byte[] f : frames) {
                FrameAnalysis a = analyser.analyse(f);
                obs.add(a.observation());
                counts.append(a.faces()).append(a.judgeable() ? "" : "x");
            }
        }
        System.out.println("presence sequence face counts: " + counts);
        List<Flag> flags = new PresenceRule(3, 3).evaluate(obs);
        assertEquals(Set.of(), raised(flags.subList(0, 30)), "first third");
        assertEquals(EnumSet.of(Flag.NO_FACE), raised(flags.subList(30, 60)), "second third");
        assertEquals(EnumSet.of(Flag.MULTIPLE_FACES), raised(flags.subList(60, 90)), "third third");
        // hysteresis: the flag comes only after k=m=3 frames into the phase
        assertEquals(Flag.NONE, flags.get(31));
        assertEquals(Flag.NO_FACE, flags.get(32));
        assertEquals(Flag.NONE, flags.get(61));
        assertEquals(Flag.MULTIPLE_FACES, flags.get(62));
    }

    /** Prints, does not assert: median wall time of analyse() on a 640x480 JPEG over 50 runs. */
    @Test
    void medianTimePerFrame() throws Exception {
        List<byte[]> frames =
                Fixtures.mjpegFrames(Files.readAllBytes(Fixtures.dir().resolve(SEQ)));
        try (FaceAnalyser analyser = new FaceAnalyser()) {
            for (int i = 0; i < 10; i++) analyser.analyse(frames.get(i)); // warm-up
            long[] ns = new long[50];
            for (int i = 0; i < ns.length; i++) {
                byte[] f = frames.get((i * 7) % frames.size());
                long t = System.nanoTime();
                analyser.analyse(f);
                ns[i] = System.nanoTime() - t;
            }
            Arrays.sort(ns);
            System.out.printf(
                    "FaceAnalyser 640x480 JPEG: median %.2f ms, min %.2f ms, max %.2f ms (50 runs, %d cpus)%n",
                    ns[25] / 1e6,
                    ns[0] / 1e6,
                    ns[49] / 1e6,
                    Runtime.getRuntime().availableProcessors());
            assertTrue(ns[25] > 0);
        }
    }

    private static Set<Flag> raised(List<Flag> flags) {
        Set<Flag> s = EnumSet.noneOf(Flag.class);
        for (Flag f : flags) if (f != Flag.NONE) s.add(f);
        return s;
    }
}
