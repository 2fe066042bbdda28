package kz.emtihan.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a phase of requests with at most {@code lanes} in flight (one per pooled connection, as a browser
 * keeps one request per connection). Each task has a due time after the phase start: 0 for "at once"
 * (the requests queue in the generator and go out as lanes free up), or a moment in a paced window
 * (sent when due and a lane is free; if the engine falls behind, the wait counts in "since due").
 * Everything runs on the client's single event loop, so the bookkeeping needs no locks.
 */
final class Driver {
    private final Client client;
    private final int lanes;

    /**
     * One request. {@code check} looks at the reply and returns null when it is what a browser expects,
     * else the label it is counted under (e.g. "409 attempt-closed").
     */
    record Task(long dueNanos, Supplier<Future<Client.Reply>> call, Function<Client.Reply, String> check) {}

    Driver(Client client, int lanes) {
        this.client = client;
        this.lanes = lanes;
    }

    Future<Phase> run(String name, String pacing, List<Task> tasks) {
        Promise<Phase> done = Promise.promise();
        List<Task> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparingLong(Task::dueNanos));
        CpuMeter.Sample cpu = CpuMeter.sample();
        client.context().runOnContext(v -> new Run(new Phase(name, pacing, sorted.size()), sorted, done, cpu).pump());
        return done.future();
    }

    private final class Run {
        private final Phase phase;
        private final List<Task> tasks;
        private final Promise<Phase> done;
        private final long start = System.nanoTime();
        private int next;
        private int inFlight;
        private int completed;
        private boolean timerSet;

        Run(Phase phase, List<Task> tasks, Promise<Phase> done, CpuMeter.Sample cpu) {
            this.phase = phase;
            this.tasks = tasks;
            this.done = done;
            phase.begin(start, cpu);
        }

        void pump() {
            long now = System.nanoTime();
            while (inFlight < lanes && next < tasks.size()) {
                Task t = tasks.get(next);
                long due = start + t.dueNanos();
                if (due > now) {
                    wakeAt(due, now);
                    break;
                }
                next++;
                inFlight++;
                dispatch(t, due, now);
            }
            if (completed == tasks.size() && !done.future().isComplete()) done.complete(phase.end(System.nanoTime()));
        }

        /** Pacing only: a timer that lets the next due request go; completions are what drive the phase. */
        private void wakeAt(long due, long now) {
            if (timerSet) return;
            timerSet = true;
            long ms = Math.max(1, (due - now) / 1_000_000);
            client.vertx().setTimer(ms, id -> {
                timerSet = false;
                pump();
            });
        }

        private void dispatch(Task t, long due, long sent) {
            Future<Client.Reply> f;
            try {
                f = t.call().get();
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            f.onComplete(ar -> {
                long end = System.nanoTime();
                String problem;
                if (ar.failed()) {
                    String m = String.valueOf(ar.cause().getMessage());
                    problem = "io " + ar.cause().getClass().getSimpleName() + ": "
                            + m.substring(0, Math.min(60, m.length()));
                } else {
                    try {
                        problem = t.check().apply(ar.result());
                    } catch (RuntimeException e) {
                        problem = ar.result().status() + " unreadable-reply "
                                + e.getClass().getSimpleName();
                    }
                }
                phase.record(end - sent, end - due, problem);
                inFlight--;
                completed++;
                pump();
            });
        }
    }
}
