package kz.emtihan.media.kurento;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.kurento.client.KurentoClient;
import org.kurento.client.MediaObject;
import org.kurento.client.MediaPipeline;

/**
 * Issue 17 (2): the real Kurento Media Server the tests run against. {@code test.sh} builds it from
 * {@code ../shared/tools/kurento} ({@code tools/kms.sh}), starts it and sets {@code EMTIHAN_KMS_URL}
 * ({@code KMS_URL} is also read, for a server started by hand); tests that need it are enabled by that variable.
 */
public final class RealKms {
    /** The variable test.sh sets. */
    public static final String URL_VARIABLE = "EMTIHAN_KMS_URL";

    private RealKms() {}

    public static Optional<URI> url() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) url = System.getenv("KMS_URL");
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(URI.create(url));
    }

    /** A plain kurento-client of its own (the tests' eyes on the server, and the browsers' stand-ins). */
    public static KurentoClient client(URI url) {
        return KurentoClient.create(url.toString());
    }

    /**
     * Every object on the server, id → type, from the server's own {@code ServerManager.getPipelines} and each
     * pipeline's children: what "nothing is left" is checked against.
     */
    public static Map<String, String> objects(KurentoClient client) {
        Map<String, String> out = new TreeMap<>();
        for (MediaPipeline p : client.getServerManager().getPipelines()) {
            collect(p, out);
        }
        return out;
    }

    private static void collect(MediaObject o, Map<String, String> out) {
        String id = o.getId();
        List<MediaObject> children;
        try {
            children = o.getChildren();
        } catch (org.kurento.client.internal.server.KurentoServerException e) {
            if (e.getCode() == 40101) return; // released while we looked: not left
            throw e;
        }
        out.put(id, id.substring(id.lastIndexOf('.') + 1));
        for (MediaObject child : children) collect(child, out);
    }

    /** The ids of the objects of {@code type} in {@code objects}. */
    public static List<String> ofType(Map<String, String> objects, String type) {
        List<String> out = new ArrayList<>();
        objects.forEach((id, t) -> {
            if (t.equals(type)) out.add(id);
        });
        return out;
    }

    /**
     * A clip a stand-in browser plays into the server: {@code seconds} of ffmpeg's test pattern (VP8, 320×240, 15
     * fps) with a tone (Opus), written into {@code dir}.
     */
    public static Path clip(Path dir, int seconds) throws IOException, InterruptedException {
        Path out = dir.resolve("clip-" + seconds + "s.webm");
        if (Files.exists(out)) return out;
        run(List.of(
                "ffmpeg",
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=15",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000",
                "-t",
                Integer.toString(seconds),
                "-c:v",
                "libvpx",
                "-b:v",
                "300k",
                "-deadline",
                "realtime",
                "-cpu-used",
                "8",
                "-c:a",
                "libopus",
                "-shortest",
                out.toString()));
        return out;
    }

    /**
     * Seconds of video ffprobe reads in a file (from its first video packet to its last, so a recorder that started its
     * clock before the video came is not counted); fails if ffprobe cannot read it.
     */
    public static double playableSeconds(Path file) throws IOException, InterruptedException {
        String codec = run(List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=codec_name",
                        "-of",
                        "csv=p=0",
                        file.toString()))
                .trim();
        if (!codec.equals("vp8")) throw new AssertionError(file + ": no VP8 video (" + codec + ")");
        List<Double> times = run(List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "packet=pts_time",
                        "-of",
                        "csv=p=0",
                        file.toString()))
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("N/A"))
                .map(l -> Double.parseDouble(l.replace(",", "")))
                .sorted()
                .toList();
        if (times.isEmpty()) throw new AssertionError(file + ": no video packets");
        return times.get(times.size() - 1) - times.get(0);
    }

    /** A file's video: the bytes of its packets and the time from its first packet to its last. */
    public record VideoRate(long bytes, double seconds) {
        public double bitsPerSecond() {
            return seconds <= 0 ? 0 : bytes * 8 / seconds;
        }
    }

    /**
     * Issue 17 (2): the video of a recording as ffprobe reads it (first video stream's packets: size and time), for the
     * bitrate a stream reached the server at.
     */
    public static VideoRate videoRate(Path file) throws IOException, InterruptedException {
        return videoRate(file, 0);
    }

    /** {@link #videoRate(Path)} from {@code skip} seconds after the first video packet (past a sender's ramp-up). */
    public static VideoRate videoRate(Path file, double skip) throws IOException, InterruptedException {
        List<double[]> packets = new ArrayList<>();
        for (String line : run(List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "packet=pts_time,size",
                        "-of",
                        "csv=p=0",
                        file.toString()))
                .lines()
                .toList()) {
            String[] f = line.split(",");
            if (f.length < 2 || f[0].isBlank() || f[0].startsWith("N/A")) continue;
            packets.add(new double[] {Double.parseDouble(f[0]), Long.parseLong(f[1].trim())});
        }
        if (packets.isEmpty()) throw new AssertionError(file + ": no video packets");
        double from = packets.stream().mapToDouble(p -> p[0]).min().orElseThrow() + skip;
        long bytes = 0;
        double first = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        for (double[] p : packets) {
            if (p[0] < from) continue;
            bytes += (long) p[1];
            first = Math.min(first, p[0]);
            last = Math.max(last, p[0]);
        }
        return bytes == 0 ? new VideoRate(0, 0) : new VideoRate(bytes, last - first);
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        return out;
    }
}
