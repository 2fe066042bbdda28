package kz.emtihan.proctor;

import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Serves a recorded segment with {@code Range} support (206), so a player can seek within it. Only the recorded
 * length is served: a segment still being written may have bytes beyond it.
 */
final class SegmentServing {
    private SegmentServing() {}

    /** A byte range {@code [from, to]} of a file of {@code size} bytes, from a {@code Range: bytes=a-b} header. */
    record Range(long from, long to) {
        long length() {
            return to - from + 1;
        }

        static Optional<Range> parse(String header, long size) {
            if (header == null || !header.startsWith("bytes=") || header.contains(",") || size == 0)
                return Optional.empty();
            String[] parts = header.substring(6).trim().split("-", -1);
            try {
                if (parts.length != 2) return Optional.empty();
                if (parts[0].isEmpty()) { // suffix: the last n bytes
                    long n = Long.parseLong(parts[1]);
                    return n <= 0 ? Optional.empty() : Optional.of(new Range(Math.max(0, size - n), size - 1));
                }
                long from = Long.parseLong(parts[0]);
                long to = parts[1].isEmpty() ? size - 1 : Math.min(Long.parseLong(parts[1]), size - 1);
                return from > to || from >= size ? Optional.empty() : Optional.of(new Range(from, to));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    static void send(RoutingContext ctx, Path file, long size) {
        String header = ctx.request().getHeader("Range");
        var res = ctx.response()
                .putHeader("Content-Type", "video/webm")
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("Cache-Control", "no-store");
        if (header == null) {
            res.sendFile(file.toString(), 0, size);
            return;
        }
        Optional<Range> range = Range.parse(header, size);
        if (range.isEmpty()) {
            res.setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
            return;
        }
        Range r = range.get();
        res.setStatusCode(206)
                .putHeader("Content-Range", "bytes " + r.from() + "-" + r.to() + "/" + size)
                .sendFile(file.toString(), r.from(), r.length());
    }
}
