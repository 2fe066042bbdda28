package kz.emtihan.media.kurento;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.kurento.commons.exception.KurentoException;

/** What the adapter promises its caller: no blocking on the caller's thread, and bad input refused up front. */
@Timeout(60)
class KurentoMediaCallerTest {
    private static final String OWNER = "att-7";

    private Rig rig;

    @BeforeEach
    void start() throws Exception {
        rig = Rig.start();
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void everyCallReturnsAtOnceAndCompletesOnTheAdaptersPool() throws Exception {
        KurentoMedia media = rig.media;
        Candidate c = new Candidate("candidate:1 1 udp 1 192.0.2.8 5000 typ host", "0", 0);

        Published p = whileServerHoldsReplies(() -> media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)));
        assertTrue(p.sdpAnswer().startsWith("v=0"));
        whileServerHoldsReplies(() -> media.view(OWNER, "camera", "proctor-7", FakeSdp.viewerOffer()));
        whileServerHoldsReplies(() -> media.addCandidate(OWNER, "camera", KurentoMedia.PUBLISHER, c));
        whileServerHoldsReplies(() -> media.stopViewing(OWNER, "camera", "proctor-7"));
        whileServerHoldsReplies(() -> media.release(OWNER));
        assertEquals(0, rig.kms().media().types().size());
    }

    /**
     * Makes the call while the server answers nothing: had the adapter called the server on this thread,
     * the call would not return. Then lets the replies go and checks which thread completed the future.
     */
    private <T> T whileServerHoldsReplies(Supplier<CompletableFuture<T>> call) throws Exception {
        FakeKms kms = rig.kms();
        int before = kms.calls().size();
        kms.holdReplies();
        CompletableFuture<T> f = call.get();
        kms.awaitCalls(before + 1, Rig.WAIT);
        assertFalse(f.isDone());
        AtomicReference<String> completedOn = new AtomicReference<>();
        CompletableFuture<T> observed =
                f.whenComplete((v, e) -> completedOn.set(Thread.currentThread().getName()));
        kms.sendHeldReplies();
        T result = Rig.await(observed);
        assertTrue(completedOn.get().startsWith(KurentoMedia.THREAD_PREFIX), completedOn.get());
        assertNotEquals(Thread.currentThread().getName(), completedOn.get());
        return result;
    }

    @Test
    void badInputIsRefusedBeforeAnyIo() {
        KurentoMedia m = rig.media;
        String offer = FakeSdp.publisherOffer(true);
        Candidate c = new Candidate("", "0", 0);
        List<Executable> bad = List.of(
                () -> m.publish(null, "camera", offer),
                () -> m.publish("", "camera", offer),
                () -> m.publish("a/b", "camera", offer),
                () -> m.publish("../etc", "camera", offer),
                () -> m.publish("att 1", "camera", offer),
                () -> m.publish("x".repeat(65), "camera", offer),
                () -> m.publish(OWNER, null, offer),
                () -> m.publish(OWNER, "Camera", offer),
                () -> m.publish(OWNER, "cam1", offer),
                () -> m.publish(OWNER, "a".repeat(17), offer),
                () -> m.publish(OWNER, "camera", null),
                () -> m.publish(OWNER, "camera", "hello"),
                () -> m.publish(OWNER, "camera", "v=0\r\n" + "a=x\r\n".repeat(20_000)),
                () -> m.view(OWNER, "camera", KurentoMedia.PUBLISHER, FakeSdp.viewerOffer()),
                () -> m.view(OWNER, "camera", "proctor 7", FakeSdp.viewerOffer()),
                () -> m.view(OWNER, "camera", "proctor-7", ""),
                () -> m.addCandidate(OWNER, "camera", "pub/lisher", c),
                () -> m.addCandidate(OWNER, "camera", KurentoMedia.PUBLISHER, null),
                () -> m.stopViewing(OWNER, "camera", null),
                () -> m.release("a.b"),
                () -> new Candidate(null, "0", 0),
                () -> new Candidate("candidate:x", null, 0),
                () -> new Candidate("candidate:x", "m".repeat(65), 0),
                () -> new Candidate("candidate:x", "0", -1));
        for (Executable e : bad) {
            assertThrows(IllegalArgumentException.class, e);
        }
        assertEquals(List.of(), rig.kms().calls());
    }

    @Test
    void settingsAreCheckedAndDefaulted() {
        KurentoSettings s = KurentoSettings.of(rig.kms().url(), "file:///var/lib/emtihan/recordings/");
        assertEquals("file:///var/lib/emtihan/recordings", s.recordingsUri());
        assertEquals(KurentoSettings.DEFAULT_KEEP_ALIVE, s.keepAlive());
        assertEquals(10_000, s.keepAlive().toMillis());
        assertEquals(4, s.threads());
        URI url = rig.kms().url();
        List<Executable> bad = List.of(
                () -> KurentoSettings.of(URI.create("http://kms:8888/kurento"), "file:///r"),
                () -> KurentoSettings.of(null, "file:///r"),
                () -> KurentoSettings.of(url, "/var/recordings"),
                () -> KurentoSettings.of(url, "file:///r/../etc"),
                () -> KurentoSettings.of(url, "file:///"),
                () -> s.withKeepAlive(Duration.ZERO),
                () -> s.withKeepAlive(Duration.ofHours(1)),
                () -> s.withRequestTimeout(null),
                () -> s.withThreads(0));
        for (Executable e : bad) {
            assertThrows(IllegalArgumentException.class, e);
        }
    }

    @Test
    void connectingToNoServerFails() {
        KurentoSettings nowhere = KurentoSettings.of(URI.create("ws://127.0.0.1:1/kurento"), Rig.RECORDINGS)
                .withRequestTimeout(Duration.ofSeconds(2));
        Throwable e = Rig.failure(KurentoMedia.connect(nowhere, new RecordingListener()));
        assertTrue(e instanceof KurentoException, e.toString());
    }

    @Test
    void closedAdapterRefusesCalls() throws Exception {
        Rig.await(rig.media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)));
        rig.media.close();
        assertEquals(0, rig.kms().media().types().size());
        assertTrue(
                Rig.failure(rig.media.publish(OWNER, "camera", FakeSdp.publisherOffer(true)))
                        instanceof IllegalStateException);
        assertTrue(Rig.failure(rig.media.release(OWNER)) instanceof IllegalStateException);
        rig.media.close();
    }
}
