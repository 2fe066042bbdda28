package kz.emtihan.proctor;

import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.exam.AttemptFacts;
import kz.emtihan.exam.Attempts;
import kz.emtihan.proctor.model.EvidenceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 17 (4): with a media server, an attempt's camera and screen recordings are evidence while video reaches their
 * recorders on the server (the adapter's {@code recording} events). While it does, this tells the evidence watch the
 * recording was seen, as the page's uploaded chunks do without a server; when the server dies (the connection breaks,
 * or it restarted and lost the recorders) nothing is seen any more, so the watch raises {@code evidence-missing}, and
 * once the page has published again and video flows, the gap closes. One timer per node, over the streams this node
 * relays; the watch itself writes to Redis at most twice per limit per stream.
 */
final class KurentoEvidence {
    private static final Logger log = LoggerFactory.getLogger(KurentoEvidence.class);
    private final Vertx vertx;
    private final EvidenceWatch evidence;
    private final Attempts attempts;
    /** attempt id + "/" + stream, for each stream whose recorder receives video now. */
    private final Set<String> flowing = ConcurrentHashMap.newKeySet();

    private final Map<String, AttemptFacts> facts = new ConcurrentHashMap<>();
    private final long timer;

    KurentoEvidence(Vertx vertx, EvidenceWatch evidence, Attempts attempts) {
        this.vertx = vertx;
        this.evidence = evidence;
        this.attempts = attempts;
        long every = Math.max(250, evidence.limitMillis(EvidenceKind.CAMERA_RECORDING) / 4);
        this.timer = vertx.setPeriodic(every, t -> tick());
    }

    /** The adapter's event: video began or stopped reaching the recorder of the attempt's stream. */
    void recording(String attemptId, String stream, boolean isFlowing) {
        String key = attemptId + "/" + stream;
        if (isFlowing) {
            flowing.add(key);
            vertx.runOnContext(v -> tick()); // seen at once, not on the next tick
        } else {
            flowing.remove(key);
        }
    }

    /** The server is gone (connection broken) or lost the attempt's recorders: nothing flows until published again. */
    void stopped(String attemptId) {
        flowing.removeIf(k -> k.startsWith(attemptId + "/"));
    }

    void disconnected() {
        flowing.clear();
    }

    /** The attempt is finished. */
    void forget(String attemptId) {
        stopped(attemptId);
        facts.remove(attemptId);
    }

    private void tick() {
        for (String key : flowing) {
            int slash = key.lastIndexOf('/');
            String attemptId = key.substring(0, slash);
            EvidenceKind kind = EvidenceKind.recordingOf(key.substring(slash + 1));
            AttemptFacts a = facts.get(attemptId);
            (a != null ? io.vertx.core.Future.succeededFuture(a) : attempts.facts(attemptId))
                    .compose(f -> {
                        if (flowing.contains(key)) facts.put(attemptId, f);
                        return evidence.seen(f, kind);
                    })
                    .onFailure(err -> log.debug("recording evidence of {} not noted: {}", key, err.toString()));
        }
    }

    void close() {
        vertx.cancelTimer(timer);
    }
}
