package kz.emtihan.media.kurento;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link KurentoMedia.Listener} that queues what it is told, with the thread that told it. */
final class RecordingListener implements KurentoMedia.Listener {
    record Local(String owner, String stream, String peer, Candidate candidate, String thread) {}

    record Call(String owner, String thread) {}

    private final BlockingQueue<Local> candidates = new LinkedBlockingQueue<>();
    private final BlockingQueue<Call> lost = new LinkedBlockingQueue<>();
    private final BlockingQueue<Call> reconnected = new LinkedBlockingQueue<>();

    @Override
    public void localCandidate(String owner, String stream, String peer, Candidate candidate) {
        candidates.add(
                new Local(owner, stream, peer, candidate, Thread.currentThread().getName()));
    }

    @Override
    public void lost(String owner) {
        lost.add(new Call(owner, Thread.currentThread().getName()));
    }

    @Override
    public void reconnected() {
        reconnected.add(new Call(null, Thread.currentThread().getName()));
    }

    Local nextCandidate(Duration timeout) throws InterruptedException {
        return next(candidates, timeout, "localCandidate");
    }

    Call nextLost(Duration timeout) throws InterruptedException {
        return next(lost, timeout, "lost");
    }

    Call nextReconnected(Duration timeout) throws InterruptedException {
        return next(reconnected, timeout, "reconnected");
    }

    /** Whatever is queued now, without waiting. */
    int pendingLost() {
        return lost.size();
    }

    private static <T> T next(BlockingQueue<T> queue, Duration timeout, String what) throws InterruptedException {
        T item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new AssertionError("no " + what + " within " + timeout);
        }
        return item;
    }
}
