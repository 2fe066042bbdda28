package kz.emtihan.config;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How proctored tests are watched and recorded (5.17.2, docs/proctoring.md), from the {@code proctoring}
 * section of {@code emtihan.yaml}. No face-recognition model ships or can be fetched here, so matching a face to
 * the ID card is the proctor's judgement ({@code recognitionModel: false} tells the pages). The recorder
 * bitrates are explicit: Chromium's default (2.5 Mbit/s a stream) would need about 1.9 TB for a 50-minute sitting
 * of 1,000 students; these keep camera + screen near 150 MB per student-hour (about 122 GB for that sitting).
 */
public record ProctorSettings(
        IdentityPolicy identityPolicy,
        int snapshotSeconds,
        int noFaceAfter,
        int multipleFacesAfter,
        int unclearAfter,
        int segmentSeconds,
        int chunkMillis,
        Recorder camera,
        Recorder screen,
        int maxChunkBytes,
        int maxImageBytes,
        int uploadsPerMinute,
        long minFreeBytes,
        Duration retention,
        Duration cleanupInterval,
        Optional<String> kurentoUrl,
        Optional<String> kurentoRecordingsUri,
        IceSettings ice,
        int evidenceMissingAfter,
        int socketSeconds,
        int evidenceGraceSeconds,
        int prechecksPerMinute,
        FaceAnalysisSettings faceAnalysis) {

    /** Whether the test waits for a proctor's approval of the identity photos or starts and is reviewed later. */
    public enum IdentityPolicy {
        WAIT("wait"),
        REVIEW_LATER("review-later");

        private final String code;

        IdentityPolicy(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** One MediaRecorder's settings; {@code audioBitsPerSecond} 0 records no sound. */
    public record Recorder(
            String mimeType, int videoBitsPerSecond, int audioBitsPerSecond, int width, int height, int frameRate) {
        JsonObject toJson() {
            return new JsonObject()
                    .put("mimeType", mimeType)
                    .put("videoBitsPerSecond", videoBitsPerSecond)
                    .put("audioBitsPerSecond", audioBitsPerSecond)
                    .put("width", width)
                    .put("height", height)
                    .put("frameRate", frameRate);
        }
    }

    /** Bits per second one student uploads with both recorders running. */
    public int uploadBitsPerSecond() {
        return camera.videoBitsPerSecond()
                + camera.audioBitsPerSecond()
                + screen.videoBitsPerSecond()
                + screen.audioBitsPerSecond();
    }

    /**
     * Issue 17 (2): each stream's configured video bitrate in kbit/s (rounded up), the most a media server's endpoint
     * receives of it, as MediaRecorder's videoBitsPerSecond is without one.
     */
    public java.util.Map<String, Integer> videoKbps() {
        return java.util.Map.of(
                "camera", (camera.videoBitsPerSecond() + 999) / 1000,
                "screen", (screen.videoBitsPerSecond() + 999) / 1000);
    }

    /** Megabytes one student-hour of camera + screen takes at these bitrates. */
    public double megabytesPerStudentHour() {
        return uploadBitsPerSecond() * 3600.0 / 8 / 1_000_000;
    }

    /** What the pages need (GET /proctoring/settings and the attempt view). */
    public JsonObject toJson() {
        return new JsonObject()
                .put("identityPolicy", identityPolicy.code())
                .put("snapshotSeconds", snapshotSeconds)
                .put("segmentSeconds", segmentSeconds)
                .put("chunkMillis", chunkMillis)
                .put("maxChunkBytes", maxChunkBytes)
                .put("maxImageBytes", maxImageBytes)
                .put("recognitionModel", false)
                .put(
                        "recorders",
                        new JsonObject().put("camera", camera.toJson()).put("screen", screen.toJson()))
                .put("uploadBitsPerSecond", uploadBitsPerSecond())
                .put("evidenceMissingAfter", evidenceMissingAfter)
                .put("socketSeconds", socketSeconds);
    }

    static ProctorSettings read(ConfigTree t) {
        String p = "proctoring.";
        IdentityPolicy policy =
                t.oneOf(p + "identityPolicy", List.of("wait", "review-later")).equals("wait")
                        ? IdentityPolicy.WAIT
                        : IdentityPolicy.REVIEW_LATER;
        var camera = new Recorder(
                "video/webm;codecs=vp8,opus",
                t.integer(p + "camera.videoBitsPerSecond", 32_000, 8_000_000),
                t.integer(p + "camera.audioBitsPerSecond", 0, 512_000),
                t.integer(p + "camera.width", 160, 3840),
                t.integer(p + "camera.height", 120, 2160),
                t.integer(p + "camera.frameRate", 1, 60));
        var screen = new Recorder(
                "video/webm;codecs=vp8",
                t.integer(p + "screen.videoBitsPerSecond", 32_000, 8_000_000),
                0,
                t.integer(p + "screen.width", 320, 3840),
                t.integer(p + "screen.height", 240, 2160),
                t.integer(p + "screen.frameRate", 1, 60));
        String kurento = t.string("media.kurento.url").trim();
        if (!kurento.isEmpty() && !kurento.startsWith("ws://") && !kurento.startsWith("wss://")) {
            throw new ConfigException("media.kurento.url", "must start with ws:// or wss://, was '" + kurento + "'");
        }
        String recordingsUri = t.string("media.kurento.recordingsUri").trim();
        if (!recordingsUri.isEmpty() && !recordingsUri.startsWith("file:///")) {
            throw new ConfigException(
                    "media.kurento.recordingsUri",
                    "must be a file:/// URI on the media server, was '" + recordingsUri + "'");
        }
        return new ProctorSettings(
                policy,
                t.integer(p + "snapshotSeconds", 2, 600),
                t.integer(p + "noFaceAfter", 1, 100),
                t.integer(p + "multipleFacesAfter", 1, 100),
                t.integer(p + "unclearAfter", 1, 100),
                t.integer(p + "segmentSeconds", 10, 600),
                t.integer(p + "chunkMillis", 100, 10_000),
                camera,
                screen,
                t.integer(p + "maxChunkBytes", 16 * 1024, 64 << 20),
                t.integer(p + "maxImageBytes", 16 * 1024, 32 << 20),
                t.integer(p + "uploadsPerMinute", 10, 100_000),
                t.longInteger(p + "minFreeBytes", 0, Long.MAX_VALUE),
                Duration.ofDays(t.integer(p + "retentionDays", 0, 36_500)),
                Duration.ofMinutes(t.integer(p + "cleanupIntervalMinutes", 1, 24 * 60)),
                kurento.isEmpty() ? Optional.empty() : Optional.of(kurento),
                recordingsUri.isEmpty() ? Optional.empty() : Optional.of(recordingsUri),
                IceSettings.read(t),
                t.integer(p + "evidenceMissingAfter", 2, 100),
                t.integer(p + "socketSeconds", 1, 600),
                t.integer(p + "evidenceGraceSeconds", 0, 3600),
                t.integer(p + "prechecksPerMinute", 1, 600),
                FaceAnalysisSettings.read(t));
    }
}
