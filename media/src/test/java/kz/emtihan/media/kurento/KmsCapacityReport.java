package kz.emtihan.media.kurento;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Issue 17 (5): the capacity bench's report, bench-results/kms-capacity-*.md, written to be read on its own. */
final class KmsCapacityReport {
    private KmsCapacityReport() {}

    static Path write(
            Path out,
            List<KmsCapacityBench.Level> levels,
            String args,
            String loadBefore,
            int seconds,
            int cameraKbps,
            int screenKbps,
            boolean encoded)
            throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder md = new StringBuilder("# KMS recording capacity (issue 17, 5)\n\n");
        md.append(
                        "How many students one box running Kurento Media Server 7.1.0 records at once, camera and screen at the")
                .append(" configured bitrates, before frames drop.\n\n")
                .append("- Run: `KmsCapacityBench ")
                .append(args)
                .append("`, ")
                .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append("; ")
                .append(cores)
                .append(" cores; load average before: ")
                .append(loadBefore)
                .append(" (a box shared with other work measures less than it holds).\n")
                .append("- Each student: camera 640×360, 15 fps, VP8 ")
                .append(cameraKbps)
                .append(" kbit/s + Opus 24 kbit/s (recorded WEBM); screen 1280×720, 5 fps, VP8 ")
                .append(screenKbps)
                .append(
                        " kbit/s, video only (recorded WEBM_VIDEO_ONLY); the clips are encoded at those bitrates and the")
                .append(" server's ceilings (maxVideoRecvBandwidth) are set as for the pages. ")
                .append(seconds)
                .append(" s recorded per level.\n")
                .append("- Senders: a second KMS on the same box, ")
                .append(
                        encoded
                                ? "sending the clips' VP8 as it is (no encoding): its CPU is in its own column.\n"
                                : "decoding and encoding the clips (`-Dbench.encoded=false`): its CPU is in its own"
                                        + " column.\n")
                .append("- A level **holds** when every file (2 per student) keeps at least ")
                .append(Math.round(KmsCapacityBench.HOLDS * 100))
                .append(" % of its frames (video packets on the disk ÷ frame rate × the file's span). The measured")
                .append(" interval starts once every stream's video reaches its recorder, or 60 s after the offers;")
                .append(" *flowing* counts the streams that did, and only their files are judged. The bench stops")
                .append(" after the first level that does not hold.\n\n")
                .append("| students (files) | holds | flowing, s to all | frames kept, worst camera | worst screen |")
                .append(" recorded kbit/s, camera")
                .append(
                        " (median) | screen (median) | recording KMS, cores | sending KMS, cores | box busy | load 1 min |\n")
                .append("|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double perStudent = 0;
        int held = 0;
        for (KmsCapacityBench.Level l : levels) {
            md.append(String.format(
                    "| %d (%d) | %s | %d, %.1f s | %.1f %% | %.1f %% | %.0f | %.0f | %.2f | %.2f | %.0f %% | %s |%n",
                    l.students(),
                    2 * l.students(),
                    l.holds() ? "yes" : "**no**",
                    l.flowing(),
                    l.secondsToFlow(),
                    100 * l.worstCamera(),
                    100 * l.worstScreen(),
                    l.cameraKbps(),
                    l.screenKbps(),
                    l.kmsCpu(),
                    l.sendersCpu(),
                    100 * l.boxBusy(),
                    l.load()));
            if (l.holds() && l.students() > held) {
                held = l.students();
                perStudent = l.kmsCpu() / l.students();
            }
        }
        md.append("\n## How to read it\n\n")
                .append("- **The figure**: the largest level with *holds = yes*")
                .append(held > 0 ? " (here **" + held + " students**)" : "")
                .append(
                        "; the next level, where a file lost frames, is the limit. If every level held, the limit was not")
                .append(" reached: run higher levels.\n")
                .append("- *flowing* below 2 × students means streams never reached their recorders (a connection")
                .append(" that did not come up, not a frame drop); they are left out of the frames columns.\n")
                .append("- *recorded kbit/s* shows the streams reached the server at the configured bitrates.\n")
                .append("- *recording KMS, cores* is the server's own CPU (/proc/<pid>/stat), apart from the senders;")
                .append(" near ")
                .append(cores)
                .append(
                        " cores it is saturated. *box busy* counts everything on the box (senders, this bench, others).\n");
        if (perStudent > 0)
            md.append(String.format(
                    "- At the largest level that held, the recording KMS used %.3f cores per student; a box that only"
                            + " records (no senders on it) would, by that rate, fill %d cores at about %d students"
                            + " (an extrapolation, not a measurement).%n",
                    perStudent, cores, Math.round(cores / perStudent)));
        md.append("- Beside it, the MediaRecorder-upload path (no media server: the pages upload WebM chunks) is")
                .append(" measured by the media benchmark, README \"Recording ingest\".\n");
        Files.createDirectories(out);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
        Path report = out.resolve("kms-capacity-" + stamp + ".md");
        Files.writeString(report, md);
        return report;
    }
}
