package kz.emtihan.media.kurento;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runsOneTaskAtATimeInSubmissionOrder() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> seen = new ArrayList<>();
        List<CompletableFuture<Integer>> done = IntStream.range(0, 500)
                .mapToObj(i -> serial.submit(() -> {
                    seen.add(i);
                    return i;
                }))
                .toList();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(IntStream.range(0, 500).boxed().toList(), seen);
    }

    @Test
    void differentInstancesRunInParallelAndFailuresDoNotStopTheQueue() throws Exception {
        SerialExecutor a = new SerialExecutor(pool);
        SerialExecutor b = new SerialExecutor(pool);
        CountDownLatch released = new CountDownLatch(1);
        CompletableFuture<Boolean> waiting = a.submit(() -> released.await(10, TimeUnit.SECONDS));
        b.submit(() -> {
                    released.countDown();
                    return null;
                })
                .get(10, TimeUnit.SECONDS);
        assertTrue(waiting.get(10, TimeUnit.SECONDS));

        CompletableFuture<Object> failed = a.submit(() -> {
            throw new IllegalStateException("boom");
        });
        assertEquals("next", a.submit(() -> "next").get(10, TimeUnit.SECONDS));
        assertTrue(failed.isCompletedExceptionally());
    }

    @Test
    void aPoolThatIsShutDownFailsTheFutureInsteadOfLosingIt() {
        pool.shutdown();
        CompletableFuture<String> f = new SerialExecutor(pool).submit(() -> "never");
        assertTrue(f.isCompletedExceptionally());
        assertInstanceOf(RejectedExecutionException.class, f.handle((v, e) -> e).join());
    }
}
