package kz.emtihan.media.kurento;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/** One test's world: a stand-in server, the adapter connected to it, and what the adapter told its listener. */
final class Rig implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final long T0 = 1_700_000_000_000L;
    static final String RECORDINGS = "file:///srv/recordings";

    final Vertx vertx;
    final RecordingListener events = new RecordingListener();
    final KurentoMedia media;
    private final FakeKms kms;

    private Rig(Vertx vertx, FakeKms kms, UnaryOperator<KurentoSettings> tune) throws Exception {
        this.vertx = vertx;
        this.kms = kms;
        KurentoSettings settings = tune.apply(KurentoSettings.of(kms.url(), RECORDINGS + "/"));
        this.media =
                await(KurentoMedia.connect(settings, events, Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC)));
    }

    static Rig start() throws Exception {
        return start(false, s -> s);
    }

    /**
     * Starts with the default settings changed by {@code tune}; with {@code reset}, the server resets its
     * connections when it drops them (see {@link FakeKms}).
     */
    static Rig start(boolean reset, UnaryOperator<KurentoSettings> tune) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        return new Rig(vertx, FakeKms.start(vertx, reset), tune);
    }

    FakeKms kms() {
        return kms;
    }

    /** Restarts the server: connections dropped, no sessions, no objects, same address. */
    FakeKms restartServer() throws Exception {
        kms.restart();
        return kms;
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The cause the future failed with. */
    static Throwable failure(CompletableFuture<?> f) {
        return assertThrows(ExecutionException.class, () -> f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .getCause();
    }

    @Override
    public void close() throws TimeoutException {
        try {
            media.close();
            kms.close();
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
