package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import kz.emtihan.media.recording.SegmentReader;

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

    /** Issue 14 (1): a local file goes out as a file; chunks in a bucket are streamed in order, a piece at a time. */
    static void send(RoutingContext ctx, SegmentReader segment) {
        long size = segment.bytes();
        String header = ctx.request().getHeader("Range");
        var res = ctx.response()
                .putHeader("Content-Type", "video/webm")
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("Cache-Control", "no-store");
        Range r;
        if (header == null) {
            r = new Range(0, size - 1);
        } else {
            Optional<Range> range = Range.parse(header, size);
            if (range.isEmpty()) {
                res.setStatusCode(416)
                        .putHeader("Content-Range", "bytes */" + size)
                        .end();
                return;
            }
            r = range.get();
            res.setStatusCode(206).putHeader("Content-Range", "bytes " + r.from() + "-" + r.to() + "/" + size);
        }
        Optional<Path> file = segment.file();
        if (file.isPresent()) {
            res.sendFile(file.get().toString(), r.from(), r.length());
            return;
        }
        res.putHeader("Content-Length", String.valueOf(r.length()));
        pump(ctx, segment, r.from(), r.to() + 1);
    }

    /** Reads the next piece off the event loop, writes it, and goes on when the write is done (back-pressure). */
    private static void pump(RoutingContext ctx, SegmentReader segment, long at, long end) {
        var res = ctx.response();
        if (at >= end) {
            res.end();
            return;
        }
        int want = (int) Math.min(PIECE, end - at);
        ctx.vertx()
                .executeBlocking(() -> segment.read(at, want), false)
                .compose(bytes -> {
                    if (bytes.length == 0) return Future.failedFuture(new IOException("segment ended early"));
                    return res.write(Buffer.buffer(bytes)).map(bytes.length);
                })
                .onSuccess(n -> pump(ctx, segment, at + n, end))
                .onFailure(err -> {
                    if (!res.headWritten()) ctx.fail(err);
                    else res.reset(); // the head is out: cut the response, the player asks again with a Range
                });
    }

    private static final int PIECE = 256 * 1024;
}
