package kz.emtihan.lti.services;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.emtihan.lti.services.model.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 16 (3): sends what is due in the grade queue, a batch at a time, and says what came of each try: sent, tried
 * again after the back-off's next step, or given up a day (the back-off's limit) after it was queued. Several nodes
 * may work at once: each takes its batch under a lease ({@link GradeStore#claim}).
 */
final class GradeWorker {
    private static final Logger log = LoggerFactory.getLogger(GradeWorker.class);
    static final int BATCH = 20;
    private final GradeStore store;
    private final GradeSender sender;
    private final Backoff backoff;
    private final Clock clock;
    private final long leaseMillis;

    GradeWorker(GradeStore store, GradeSender sender, Backoff backoff, Clock clock, long leaseMillis) {
        this.store = store;
        this.sender = sender;
        this.backoff = backoff;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
    }

    /** Sends one batch of due grades; how many it took. */
    Future<Integer> sendDue() {
        return store.claim(clock.millis(), leaseMillis, BATCH).compose(members -> {
            List<Future<Void>> tries = new ArrayList<>();
            for (String m : members) {
                String[] es = ServiceKeys.ofMember(m);
                tries.add(tryOne(es[0], es[1]).recover(err -> {
                    log.warn("grade of {} for exam {}: the try could not be settled: {}", es[1], es[0], err.toString());
                    return Future.succeededFuture(); // leased: taken again when the lease ends
                }));
            }
            return Future.join(tries).map(members.size());
        });
    }

    private Future<Void> tryOne(String examId, String studentId) {
        return store.job(examId, studentId).compose(job -> {
            if (job.isEmpty() || !"waiting".equals(job.get("state"))) return Future.succeededFuture();
            String gen = job.getOrDefault("gen", "0");
            return sender.send(job).compose(out -> settle(examId, studentId, gen, job, out));
        });
    }

    private Future<Void> settle(
            String examId, String studentId, String gen, Map<String, String> job, GradeSender.Outcome out) {
        long now = clock.millis();
        int tries = Integer.parseInt(job.getOrDefault("tries", "0")) + 1;
        GradeStore.Settle s;
        if (out.nobody()) {
            // nobody to send it to: no link takes grades, or no link's platform knows the student
            s = new GradeStore.Settle("failed", 0, 0, "no-platform-user", tries, out.done());
        } else if (out.failure() == null) {
            s = new GradeStore.Settle("sent", 0, 0, "", tries, out.done());
        } else {
            long queued = Long.parseLong(job.getOrDefault("queuedAt", Long.toString(now)));
            boolean giveUp = backoff.givesUp(queued, now);
            long next = now + backoff.delayAfter(tries).toMillis();
            s = new GradeStore.Settle(
                    giveUp ? "failed" : "retry",
                    next,
                    out.failure().status(),
                    out.failure().body(),
                    tries,
                    out.done());
            log.info(
                    "grade of {} for exam {}: the platform answered {} (try {}), {}",
                    studentId,
                    examId,
                    out.failure().status(),
                    tries,
                    giveUp ? "given up" : "again at " + Instant.ofEpochMilli(next));
        }
        return store.settle(examId, studentId, gen, s, now)
                .compose(outcome -> "failed".equals(outcome)
                        ? store.audit(
                                examId,
                                new JsonObject()
                                        .put("at", Instant.ofEpochMilli(now).toString())
                                        .put("actor", "server")
                                        .put("event", "grade-failed")
                                        .put("studentId", studentId)
                                        .put("httpStatus", s.httpStatus()))
                        : Future.succeededFuture());
    }
}
