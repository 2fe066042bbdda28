package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.exam.Attempts;
import kz.emtihan.media.recording.ServerRecordings;
import kz.emtihan.media.recording.ServerRecordings.OwnerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 (1): moves a media server's complete recordings from this node's disk into the bucket, so that any node
 * serves them and losing this node's disk loses nothing acknowledged. A file is complete when its recorder stopped:
 * at once when this node released the owner's media ({@link #released}: the attempt finished, the room emptied; the
 * adapter's release waits for the recorders to stop), and otherwise by {@link ServerRecordings#complete} on a pass
 * over the directory ({@link #sweep}) at start - which finds files a crash or a restart left behind - and every
 * minute. A file leaves the disk only once the store has it; a failed upload is tried again by the next pass.
 */
final class KurentoUploads {
    private static final Logger log = LoggerFactory.getLogger(KurentoUploads.class);
    static final Duration SETTLE = Duration.ofSeconds(10);
    static final Duration ABANDONED = Duration.ofMinutes(30);
    private static final long EVERY_MILLIS = 60_000;
    private final Vertx vertx;
    private final ServerRecordings files;
    private final Attempts attempts;
    /** Owners being uploaded by this node now: one pass per owner at a time. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    private long timer = -1;

    KurentoUploads(Vertx vertx, ServerRecordings files, Attempts attempts) {
        this.vertx = vertx;
        this.files = files;
        this.attempts = attempts;
    }

    /** A pass now (a restart's leftovers), then one every minute. */
    void start() {
        sweep();
        timer = vertx.setPeriodic(EVERY_MILLIS, t -> sweep());
    }

    void stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
    }

    /** The owner's media was released by this node: its recorders stopped, every file of it is complete. */
    Future<List<ServerRecordings.Upload>> released(String owner) {
        return upload(owner, OwnerState.FINISHED, Duration.ZERO);
    }

    /** One pass over the directory: each owner's complete files go to the bucket; the uploads done. */
    Future<List<ServerRecordings.Upload>> sweep() {
        return vertx.executeBlocking(files::localOwners, false).compose(owners -> {
            List<Future<List<ServerRecordings.Upload>>> each = new ArrayList<>();
            for (String owner : owners) each.add(state(owner).compose(s -> upload(owner, s, SETTLE)));
            return Future.join(each).map(done -> {
                List<ServerRecordings.Upload> all = new ArrayList<>();
                for (var f : each) if (f.succeeded()) all.addAll(f.result());
                return all;
            });
        });
    }

    private Future<OwnerState> state(String owner) {
        return attempts.facts(owner)
                .map(a -> a.finishedAt().isPresent() ? OwnerState.FINISHED : OwnerState.LIVE)
                .recover(err -> ProctorAccess.gone(err)
                        ? Future.succeededFuture(OwnerState.UNKNOWN)
                        : Future.failedFuture(err));
    }

    private Future<List<ServerRecordings.Upload>> upload(String owner, OwnerState state, Duration settle) {
        if (!busy.add(owner)) return Future.succeededFuture(List.of());
        return vertx.<List<ServerRecordings.Upload>>executeBlocking(
                        () -> {
                            Instant now = Instant.now();
                            List<ServerRecordings.File> local = files.local(owner);
                            Map<String, Long> newest = new HashMap<>();
                            for (ServerRecordings.File f : local) newest.merge(f.stream(), f.startMillis(), Math::max);
                            List<ServerRecordings.Upload> done = new ArrayList<>();
                            for (ServerRecordings.File f : local) {
                                boolean last = newest.get(f.stream()) == f.startMillis();
                                if (!ServerRecordings.complete(state, last, f.modified(), now, settle, ABANDONED))
                                    continue;
                                Path p = f.path().orElseThrow();
                                files.upload(owner, p).ifPresent(done::add);
                            }
                            return done;
                        },
                        false)
                .onComplete(r -> busy.remove(owner))
                .onSuccess(done -> {
                    if (!done.isEmpty())
                        log.info("kurento: {} recording(s) of {} moved to the object store", done.size(), owner);
                })
                .onFailure(err -> log.warn(
                        "kurento: the recordings of {} stay on this node's disk for now: {}", owner, err.getMessage()));
    }
}
