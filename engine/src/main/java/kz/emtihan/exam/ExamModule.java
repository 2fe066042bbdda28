package kz.emtihan.exam;

import io.vertx.core.Vertx;
import kz.emtihan.audit.ReceiptSigner;
import kz.emtihan.auth.Names;
import kz.emtihan.bank.Banks;
import kz.emtihan.config.Regulation;
import kz.emtihan.live.LiveRegistry;
import kz.emtihan.store.RedisStore;

/** The exam context's services, wired over one store. */
public record ExamModule(
        Exams exams,
        Attempts attempts,
        AttemptReceipts receipts,
        Results results,
        Progress progress,
        ReceiptSigner signer,
        Names names,
        FinalResults.Slot finalResults) {
    public static ExamModule create(
            Vertx vertx, RedisStore redis, Banks banks, Regulation regulation, ReceiptSigner signer, Names names) {
        Exams exams = new Exams(new ExamStore(redis), banks, regulation, names);
        AttemptStore store = new AttemptStore(
                redis.redis(), kz.emtihan.metrics.EngineMetrics.of(vertx), redis.replicaWait()); // issue 14 (5), (2)
        OpenAttempts.watch(vertx, redis, regulation); // issue 14 (5): open attempts and the sweeper's lag
        Attempts.ExtrasSlot extras = new Attempts.ExtrasSlot();
        SweepIndex index = new SweepIndex(redis.redis()); // issue 14 (2): the exams whose work lists are swept
        AttemptReads reads = new AttemptReads(exams, store);
        AttemptViews views = new AttemptViews(reads, exams, store, redis, extras);
        AttemptSaves saves = new AttemptSaves(exams, store, regulation);
        FinalResults.Slot finals = new FinalResults.Slot(); // issue 16 (3): grades back to an LMS
        AttemptGrading grading = new AttemptGrading(vertx, reads, exams, store, regulation, signer, extras, finals);
        Attempts attempts = new Attempts(
                extras,
                reads,
                new AttemptStart(exams, store, regulation, views, extras, index),
                views,
                saves,
                new AttemptSubmission(reads, saves, store, grading, regulation),
                new AttemptSweep(redis, store, grading, regulation, index),
                new AttemptHolds(reads, exams, store, extras));
        return new ExamModule(
                exams,
                attempts,
                new AttemptReceipts(reads, store, signer),
                new Results(exams, store, names),
                new Progress(exams, redis, names),
                signer,
                names, // issue 15 (2)
                finals);
    }

    /**
     * Plugs the exam's feeds into the live socket: a student's page follows its own attempt (and counts as connected
     * while it does), staff follow an exam they may watch.
     */
    public void plugInto(LiveRegistry live, io.vertx.redis.client.Redis redis) {
        live.register(new AttemptFeed(attempts, new Presence(redis, live.hub())))
                .register(new ExamFeed(exams));
    }
}
