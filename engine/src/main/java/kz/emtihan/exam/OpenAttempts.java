package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.config.Regulation;
import kz.emtihan.metrics.EngineMetrics;
import kz.emtihan.store.RedisStore;

/**
 * issue 14 (5): the attempts still open and the deadline sweeper's lag, read from the deadlines sets when Prometheus
 * scrapes (not on any request's path): their size, and how long past deadline + grace the oldest member is on the
 * store's clock (0 when the sweeper keeps up). Every node reports the same store-wide figures. Issue 14 (2): the sets
 * are per exam, those of the exams in the {@link SweepIndex}, and the global one of an older store until it is empty.
 */
final class OpenAttempts {
    private OpenAttempts() {}

    static void watch(Vertx vertx, RedisStore redis, Regulation regulation) {
        EngineMetrics metrics = EngineMetrics.of(vertx);
        metrics.beforeScrape(() ->
                read(redis, regulation.answerGrace().toMillis()).onSuccess(r -> metrics.openAttempts(r[0], r[1])));
    }

    /** Open attempts, and the lag in milliseconds (negative when nothing is overdue). */
    static Future<long[]> read(RedisStore redis, long graceMillis) {
        return SweepIndex.exams(redis.redis()).compose(exams -> {
            List<String> sets = new ArrayList<>();
            exams.forEach(e -> sets.add(ExamKeys.deadlines(e)));
            sets.add(ExamKeys.deadlines()); // an older store's, until the sweeper has emptied it
            List<Future<Response>> sizes = new ArrayList<>();
            List<Future<Response>> oldest = new ArrayList<>();
            for (String set : sets) {
                sizes.add(redis.redis().send(Request.cmd(Command.ZCARD).arg(set)));
                oldest.add(redis.redis()
                        .send(Request.cmd(Command.ZRANGE).arg(set).arg(0).arg(0).arg("WITHSCORES")));
            }
            return Future.all(Future.all(sizes), Future.all(oldest), redis.time())
                    .map(all -> {
                        long now = all.<java.time.Instant>resultAt(2).toEpochMilli();
                        long open = 0, lag = -1;
                        for (int i = 0; i < sets.size(); i++) {
                            Response size = sizes.get(i).result();
                            open += size == null ? 0 : size.toLong();
                            Response first = oldest.get(i).result();
                            if (first != null && first.size() > 0) lag = Math.max(lag, lag(first, now, graceMillis));
                        }
                        return new long[] {open, lag};
                    });
        });
    }

    private static long lag(Response oldest, long nowMillis, long graceMillis) {
        // RESP2 gives [member, score]; RESP3 gives [[member, score]]
        Response first = oldest.get(0);
        String score = first.type() == ResponseType.MULTI
                ? first.get(1).toString()
                : oldest.get(1).toString();
        return nowMillis - graceMillis - (long) Double.parseDouble(score);
    }
}
