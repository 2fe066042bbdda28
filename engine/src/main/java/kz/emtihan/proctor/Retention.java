package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import kz.emtihan.exam.Attempts;
import kz.emtihan.live.LiveHub;
import kz.emtihan.media.recording.RecordingStorage;
import kz.emtihan.media.recording.ServerRecordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes an attempt's recordings, snapshots and identity photos (from the data directory or the bucket: issue 14, 1) once it ended more than
 * {@code proctoring.retentionDays} ago (issue 4, 7), and notes the deletion in its audit trail. Media of no attempt in
 * the store (one removed since, or a sitting's room recorded by a media server under {@code kurento/<sittingId>}) is
 * deleted once its files are that old, with no audit entry: there is no attempt to write it to.
 */
final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private final Vertx vertx;
    private final Attempts attempts;
    private final ProctorStore store;
    private final EvidenceFiles evidence;
    private final RecordingStorage recordings;
    private final ServerRecordings serverRecordings;
    private final Duration keep;
    private final LiveHub live;

    /**
     * @param recordings       the uploaded recordings (a local directory or the bucket: issue 14, 1)
     * @param serverRecordings what a media server recorded, a folder per attempt or sitting, on this node's disk and
     *     in the bucket (issue 14, 1)
     */
    Retention(
            Vertx vertx,
            Attempts attempts,
            ProctorStore store,
            EvidenceFiles evidence,
            RecordingStorage recordings,
            ServerRecordings serverRecordings,
            Duration keep,
            LiveHub live) {
        this.vertx = vertx;
        this.attempts = attempts;
        this.store = store;
        this.evidence = evidence;
        this.recordings = recordings;
        this.serverRecordings = serverRecordings;
        this.keep = keep;
        this.live = live;
    }

    /** One pass; the attempts whose media was deleted. */
    Future<List<String>> run() {
        Instant cutoff = live.serverNow().minus(keep);
        return vertx.executeBlocking(this::owners, false).compose(ids -> {
            List<Future<String>> each = new ArrayList<>();
            for (String id : ids)
                each.add(verdict(id, cutoff)
                        .compose(v -> v == Verdict.KEEP ? Future.succeededFuture(null) : delete(id, v)));
            return Future.join(each).map(done -> {
                List<String> deleted = new ArrayList<>();
                for (int i = 0; i < each.size(); i++)
                    if (each.get(i).succeeded() && each.get(i).result() != null)
                        deleted.add(each.get(i).result());
                if (!deleted.isEmpty()) log.info("retention: deleted the media of {} attempts", deleted.size());
                return deleted;
            });
        });
    }

    private enum Verdict {
        KEEP,
        DELETE_AUDITED,
        DELETE
    }

    private Future<Verdict> verdict(String owner, Instant cutoff) {
        return attempts.facts(owner)
                .map(a -> a.finishedAt().map(f -> f.isBefore(cutoff)).orElse(false)
                        ? Verdict.DELETE_AUDITED
                        : Verdict.KEEP)
                .recover(err -> ProctorAccess.gone(err)
                        ? vertx.executeBlocking(() -> olderThan(owner, cutoff) ? Verdict.DELETE : Verdict.KEEP, false)
                        : Future.failedFuture(err));
    }

    private Future<String> delete(String owner, Verdict verdict) {
        Future<Boolean> deleted = vertx.executeBlocking(
                () -> {
                    boolean any = evidence.deleteAll(owner);
                    any |= recordings.delete(owner);
                    return any | serverRecordings.delete(owner);
                },
                false);
        return verdict == Verdict.DELETE_AUDITED
                ? deleted.compose(any -> store.purged(owner, live.serverNow().toString()))
                        .map(owner)
                : deleted.map(owner);
    }

    private List<String> owners() throws IOException {
        TreeSet<String> ids = new TreeSet<>(evidence.owners());
        ids.addAll(recordings.owners());
        ids.addAll(serverRecordings.owners());
        return new ArrayList<>(ids);
    }

    private boolean olderThan(String attemptId, Instant cutoff) throws IOException {
        List<Optional<Instant>> times = new ArrayList<>();
        times.add(evidence.lastModified(attemptId));
        times.add(recordings.lastModified(attemptId));
        times.add(serverRecordings.lastModified(attemptId));
        for (Optional<Instant> t : times) if (t.isPresent() && !t.get().isBefore(cutoff)) return false;
        return true;
    }
}
