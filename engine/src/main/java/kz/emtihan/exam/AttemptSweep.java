package kz.emtihan.exam;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.config.Regulation;
import kz.emtihan.store.RedisStore;

/**
 * DESIGN.md "Time": attempts end at deadline + grace on the store's clock even when the student has vanished, and
 * whatever was finalised but not graded (a node died between the two) is graded. Run by {@link SweeperVerticle}.
 */
final class AttemptSweep {
    private final RedisStore redis;
    private final AttemptStore store;
    private final AttemptGrading grading;
    private final Regulation regulation;

    AttemptSweep(RedisStore redis, AttemptStore store, AttemptGrading grading, Regulation regulation) {
        this.redis = redis;
        this.store = store;
        this.grading = grading;
        this.regulation = regulation;
    }

    /** Times out attempts whose deadline + grace has passed and grades what is left ungraded; how many timed out. */
    Future<Integer> finaliseDue(int batch) {
        long grace = regulation.answerGrace().toMillis();
        return redis.time()
                .compose(now -> store.due(now.toEpochMilli() - grace, batch))
                .compose(due -> {
                    List<Future<?>> work = new ArrayList<>();
                    for (String id : due)
                        work.add(store.finalise(id, true, grace, "server").compose(r -> grading.grade(id)));
                    return Future.join(work).map(due.size());
                })
                .compose(n -> store.ungraded(batch)
                        .compose(ids ->
                                Future.join(ids.stream().map(grading::grade).toList()))
                        .map(n));
    }
}
