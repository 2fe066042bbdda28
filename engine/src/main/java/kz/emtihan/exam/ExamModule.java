package kz.emtihan.exam;

import kz.emtihan.audit.ReceiptSigner;
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
        ReceiptSigner signer) {
    public static ExamModule create(
            io.vertx.core.Vertx vertx, RedisStore redis, Banks banks, Regulation regulation, ReceiptSigner signer) {
        Exams exams = new Exams(new ExamStore(redis.redis()), banks, regulation);
        AttemptStore attemptStore = new AttemptStore(redis.redis());
        Attempts attempts = new Attempts(vertx, exams, attemptStore, redis, regulation, signer);
        return new ExamModule(
                exams,
                attempts,
                new AttemptReceipts(attempts, attemptStore, signer),
                new Results(exams, attemptStore),
                new Progress(exams, redis),
                signer);
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
