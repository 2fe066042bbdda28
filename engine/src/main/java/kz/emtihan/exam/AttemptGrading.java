package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kz.emtihan.audit.ReceiptSigner;
import kz.emtihan.audit.model.HashChain;
import kz.emtihan.audit.model.Receipt;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.exam.model.AttemptStatus;
import kz.emtihan.exam.model.Marking;
import kz.emtihan.exam.model.Paper;
import kz.emtihan.grade.model.Grade;
import kz.emtihan.refusal.Refusal;

/**
 * Grades a finalised attempt and signs its receipt (7.6). Idempotent (Ed25519 is deterministic), so the submit
 * path, a termination and the sweeper may all run it.
 */
final class AttemptGrading {
    private final Vertx vertx;
    private final AttemptReads reads;
    private final Exams exams;
    private final AttemptStore store;
    private final Regulation regulation;
    private final ReceiptSigner signer;
    private final Supplier<AttemptExtras> extras;
    private final Supplier<FinalResults> finals;

    AttemptGrading(
            Vertx vertx,
            AttemptReads reads,
            Exams exams,
            AttemptStore store,
            Regulation regulation,
            ReceiptSigner signer,
            Supplier<AttemptExtras> extras,
            Supplier<FinalResults> finals) {
        this.vertx = vertx;
        this.reads = reads;
        this.exams = exams;
        this.store = store;
        this.regulation = regulation;
        this.signer = signer;
        this.extras = extras;
        this.finals = finals;
    }

    /** The grade and the signed receipt, as the submit response gives them. */
    Future<JsonObject> grade(String attemptId) {
        return Future.all(reads.load(attemptId), store.log(attemptId)).compose(done -> {
            Attempt a = done.resultAt(0);
            List<String> log = done.resultAt(1);
            if (!a.status().finished()) return Future.failedFuture(Refusal.of(ExamRefusal.ATTEMPT_OPEN));
            return exams.snapshot(a.examId()).compose(snap -> {
                Map<String, List<String>> answers = answersOf(a);
                // 6.14: an attempt stopped for a violation counts as an unexcused absence, whatever was answered
                double points = a.status() == AttemptStatus.TERMINATED
                        ? 0
                        : Marking.points(a.paper(), snap.byId(), answers, regulation.scoring());
                Grade g = regulation.scale().grade(points, a.paper().items().size());
                Receipt r = receiptOf(a, log, answers);
                // Ed25519 in the JDK is pure Java (~1 ms): signing 10,000 submits on the event loop would queue them
                Future<ReceiptSigner.Signed> signing = vertx.executeBlocking(() -> signer.signed(r), false);
                // issue 16 (3): the grade for an LMS is queued while signing, before the result is stored
                Future<Void> told = finals.get()
                        .graded(snap.exam(), a.studentId(), g, a.finishedAt().orElseGet(Instant::now));
                return Future.all(signing, told)
                        .compose(both -> storeResult(a, g, ReceiptJson.toJson(r, signing.result())))
                        .onSuccess(x -> extras.get().finished(snap.exam(), a.id()));
            });
        });
    }

    private Future<JsonObject> storeResult(Attempt a, Grade g, JsonObject receipt) {
        Map<String, String> result = new HashMap<>();
        result.put("points", Double.toString(g.points()));
        result.put("percent", Double.toString(g.percent()));
        result.put("letter", g.letter());
        result.put("gpa", Double.toString(g.gpa()));
        result.put("traditional", g.traditional());
        JsonObject out = new JsonObject()
                .put("status", a.status().code())
                .put("points", g.points())
                .put("percent", g.percent())
                .put("letter", g.letter())
                .put("gpa", g.gpa())
                .put("traditional", g.traditional())
                .put("receipt", receipt);
        return store.storeResult(a.examId(), a.id(), result, receipt.encode()).map(out);
    }

    static Map<String, List<String>> answersOf(Attempt a) {
        Map<String, List<String>> answers = new HashMap<>();
        a.answers().forEach((q, ans) -> answers.put(q, ans.choices()));
        return answers;
    }

    /** 5.16: what the receipt says of the attempt, from the attempt and its hash-chained log (docs/verification.md). */
    static Receipt receiptOf(Attempt a, List<String> log, Map<String, List<String>> answers) {
        List<String> order =
                a.paper().items().stream().map(Paper.Item::questionId).toList();
        return new Receipt(
                a.id(),
                a.studentId(),
                a.examId(),
                a.status().code(),
                HashChain.answersDigest(order, answers),
                log.size(),
                HashChain.head(a.id(), log),
                a.finishedAt().map(Instant::toString).orElse(""));
    }
}
