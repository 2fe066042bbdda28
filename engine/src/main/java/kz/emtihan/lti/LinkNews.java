package kz.emtihan.lti;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 16 (3): tells every node that an exam has a new resource link, before the request that made it answers. A
 * node keeps "this exam has no link" in memory (the submit path of 10,000 students must not ask Redis), so a link
 * made on one node must reach the others' memory at once, or a result made right after it would be missed. The
 * maker PUBLISHes the exam on {@link #NEWS} (Redis answers how many nodes' subscriptions received it) and waits,
 * up to {@link #ACK_WAIT}, until as many nodes acknowledged on {@link #ACKS} that they forgot what they knew. A node
 * whose subscription is down is not {@link #live()}: its memory is not trusted, and it asks the store every time until
 * the subscription is back (then it forgets everything, since it may have missed news). Nothing is added to the hot
 * path: the news arrive on their own connection.
 */
public final class LinkNews implements LinkWatch {
    private static final Logger log = LoggerFactory.getLogger(LinkNews.class);
    static final String NEWS = "{lti}:link-news";
    static final String ACKS = "{lti}:link-news-acks";
    static final Duration ACK_WAIT = Duration.ofSeconds(2);
    private final Vertx vertx;
    private final Redis redis;
    private final CopyOnWriteArrayList<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Runnable> resets = new CopyOnWriteArrayList<>();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private volatile RedisConnection subscriber;
    private volatile boolean live;
    private volatile boolean closed;
    private long backoffMillis = 100;

    /** One announcement of this node: the acknowledgements so far, and how many are expected once known (-1). */
    private static final class Waiting {
        final AtomicInteger acks = new AtomicInteger();
        final Promise<Void> done = Promise.promise();
        volatile int expected = -1;
    }

    public LinkNews(Vertx vertx, Redis redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    @Override
    public void watch(Consumer<String> examLinked, Runnable forgetAll) {
        listeners.add(examLinked);
        resets.add(forgetAll);
    }

    @Override
    public boolean live() {
        return live;
    }

    /** Subscribes; until that succeeds, the watchers are told their memory is not to be trusted ({@link #live()}). */
    public Future<Void> start() {
        if (subscriber != null) return Future.succeededFuture();
        closed = false;
        return connect().otherwiseEmpty();
    }

    public void close() {
        closed = true;
        live = false;
        RedisConnection s = subscriber;
        subscriber = null;
        if (s != null) s.close();
    }

    /**
     * Tells every node the exam has a new link and waits until each has forgotten what it knew of the exam's links
     * (at most {@link #ACK_WAIT}: a node that does not answer by then has lost its subscription, and does not trust
     * its memory). Never fails: the link is stored already.
     */
    Future<Void> linked(String examId) {
        String nonce = Launches.random();
        Waiting w = new Waiting();
        waiting.put(nonce, w); // before the PUBLISH: an acknowledgement may come back before its reply
        listeners.forEach(l -> l.accept(examId)); // this node at once
        long timer = vertx.setTimer(ACK_WAIT.toMillis(), t -> {
            if (waiting.remove(nonce) != null) {
                log.warn(
                        "a new LMS link of exam {}: {} of {} node(s) acknowledged in time",
                        examId,
                        w.acks.get(),
                        w.expected);
                w.done.tryComplete();
            }
        });
        return redis.send(Request.cmd(Command.PUBLISH).arg(NEWS).arg(nonce + " " + examId))
                .compose(receivers -> {
                    w.expected = receivers == null ? 0 : receivers.toInteger();
                    check(nonce, w);
                    return w.done.future();
                })
                .otherwise(err -> {
                    log.warn("a new LMS link of exam {} could not be announced: {}", examId, err.toString());
                    return null;
                })
                .onComplete(x -> {
                    vertx.cancelTimer(timer);
                    waiting.remove(nonce);
                });
    }

    private void check(String nonce, Waiting w) {
        if (w.expected >= 0 && w.acks.get() >= w.expected) {
            waiting.remove(nonce, w);
            w.done.tryComplete();
        }
    }

    private void acked(String nonce) {
        Waiting w = waiting.get(nonce); // another node's announcement: not this node's to count
        if (w == null) return;
        w.acks.incrementAndGet();
        check(nonce, w);
    }

    private Future<Void> connect() {
        return redis.connect()
                .compose(conn -> {
                    subscriber = conn;
                    conn.handler(this::onPush);
                    conn.exceptionHandler(err -> log.warn("LMS link news subscription failed: {}", err.getMessage()));
                    conn.endHandler(v -> lost(conn));
                    return conn.send(Request.cmd(Command.SUBSCRIBE).arg(NEWS).arg(ACKS));
                })
                .<Void>map(r -> {
                    backoffMillis = 100;
                    resets.forEach(Runnable::run); // whatever was announced while unsubscribed was not heard
                    live = true;
                    return null;
                })
                .onFailure(err -> {
                    if (backoffMillis == 100) // the first failure of a run of them, not every retry
                    log.warn(
                                "LMS link news: cannot subscribe ({}); results ask Redis for links until it can",
                                err.getMessage());
                    lost(subscriber);
                });
    }

    private synchronized void lost(RedisConnection conn) {
        if (conn != null && conn != subscriber) return;
        live = false;
        subscriber = null;
        if (conn != null) conn.close();
        if (closed) return;
        long wait = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, 5_000);
        vertx.setTimer(wait, t -> {
            if (!closed) connect().onSuccess(v -> log.info("LMS link news subscription restored"));
        });
    }

    private void onPush(Response r) {
        if (r == null || r.size() < 3 || !"message".equals(r.get(0).toString())) return;
        String channel = r.get(1).toString();
        String body = r.get(2).toString();
        if (ACKS.equals(channel)) {
            acked(body);
            return;
        }
        String[] parts = body.split(" ", 2);
        if (parts.length < 2) return;
        listeners.forEach(l -> l.accept(parts[1]));
        redis.send(Request.cmd(Command.PUBLISH).arg(ACKS).arg(parts[0]))
                .onFailure(err -> log.warn("LMS link news: the acknowledgement failed: {}", err.getMessage()));
    }
}
