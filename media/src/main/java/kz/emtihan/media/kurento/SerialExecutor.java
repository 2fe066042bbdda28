package kz.emtihan.media.kurento;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs its tasks one at a time, in submission order, on a shared pool; tasks of different instances run
 * in parallel. One per owner, so that an owner's Kurento objects are only touched by one thread at a time
 * and a caller's calls take effect in the order it made them. A task never waits for another task.
 */
final class SerialExecutor {
    private final Executor pool;
    private final Queue<Job<?>> queue = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    /**
     * Queues {@code work}. The returned future is completed on a pool thread with its result or exception;
     * if the pool refuses the task (it was shut down), it fails with {@link RejectedExecutionException}.
     */
    <T> CompletableFuture<T> submit(Callable<T> work) {
        Job<T> job = new Job<>(work);
        boolean start;
        synchronized (this) {
            queue.add(job);
            start = !running;
            running = true;
        }
        if (start) {
            next();
        }
        return job.result;
    }

    private void next() {
        Job<?> job;
        synchronized (this) {
            job = queue.poll();
            if (job == null) {
                running = false;
                return;
            }
        }
        try {
            pool.execute(() -> {
                try {
                    job.run();
                } finally {
                    next();
                }
            });
        } catch (RejectedExecutionException e) {
            job.result.completeExceptionally(e);
            next();
        }
    }

    private static final class Job<T> {
        final Callable<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Job(Callable<T> work) {
            this.work = work;
        }

        void run() {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }
    }
}
