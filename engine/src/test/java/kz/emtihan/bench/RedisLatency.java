package kz.emtihan.bench;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis's own latency monitor, switched on for the run ({@code CONFIG SET latency-monitor-threshold 20}):
 * afterwards {@code LATENCY LATEST} names every event that took 20 ms or more inside Redis, e.g.
 * {@code aof-fsync-always} when the disk made an fsync slow. It tells a disk stall from an engine stall.
 */
final class RedisLatency {
    static final int THRESHOLD_MS = 20;

    private RedisLatency() {}

    static void enable(Redis redis) {
        Client.await(
                redis.send(Request.cmd(Command.CONFIG)
                        .arg("SET")
                        .arg("latency-monitor-threshold")
                        .arg(THRESHOLD_MS)),
                10);
        Client.await(redis.send(Request.cmd(Command.LATENCY).arg("RESET")), 10);
    }

    /** "event: latest N ms, max M ms, K one-second samples over the threshold" per event, or "none". */
    static String report(Redis redis) {
        try {
            Response latest =
                    Client.await(redis.send(Request.cmd(Command.LATENCY).arg("LATEST")), 10);
            List<String> out = new ArrayList<>();
            for (Response e : latest) {
                String event = e.get(0).toString();
                Response history = Client.await(
                        redis.send(Request.cmd(Command.LATENCY).arg("HISTORY").arg(event)), 10);
                out.add(event + ": max " + e.get(3).toLong() + " ms, " + history.size() + " second(s) with a spike >= "
                        + THRESHOLD_MS + " ms");
            }
            return out.isEmpty() ? "none >= " + THRESHOLD_MS + " ms" : String.join("; ", out);
        } catch (RuntimeException e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }
}
