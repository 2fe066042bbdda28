package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import kz.emtihan.config.Regulation;
import kz.emtihan.metrics.EngineMetrics;
import kz.emtihan.store.RedisStore;

/**
 * issue 14 (5): the attempts still open and the deadline sweeper's lag, read from the deadlines set when Prometheus
 * scrapes (not on any request's path): its size, and how long past deadline + grace its oldest member is on the
 * store's clock (0 when the sweeper keeps up). Every node reports the same store-wide figures.
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
        Future<Response> size = redis.redis().send(Request.cmd(Command.ZCARD).arg(ExamKeys.deadlines()));
        Future<Response> oldest = redis.redis()
                .send(Request.cmd(Command.ZRANGE)
                        .arg(ExamKeys.deadlines())
                        .arg(0)
                        .arg(0)
                        .arg("WITHSCORES"));
        return Future.all(size, oldest, redis.time()).map(all -> {
            long open = size.result() == null ? 0 : size.result().toLong();
            long now = all.<java.time.Instant>resultAt(2).toEpochMilli();
            return new long[] {open, lag(oldest.result(), now, graceMillis)};
        });
    }

    private static long lag(Response oldest, long nowMillis, long graceMillis) {
        if (oldest == null || oldest.size() == 0) return -1;
        // RESP2 gives [member, score]; RESP3 gives [[member, score]]
        Response first = oldest.get(0);
        String score = first.type() == ResponseType.MULTI
                ? first.get(1).toString()
                : oldest.get(1).toString();
        return nowMillis - graceMillis - (long) Double.parseDouble(score);
    }
}
