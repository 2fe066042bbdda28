package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.config.Regulation;
import kz.emtihan.sitting.model.FinalMarks;
import kz.emtihan.sitting.model.Sitting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issue 16 (3): a sitting's final results as the listener of {@link SittingResults} is told them. */
final class SittingFinals {
    private static final Logger log = LoggerFactory.getLogger(SittingFinals.class);

    private SittingFinals() {}

    static List<SittingResults.Final> of(JsonObject doc, Regulation.FinalAttestation rules) {
        Sitting sitting = SittingJson.read(doc, rules);
        List<SittingResults.Final> out = new ArrayList<>();
        for (FinalMarks.Mark m : FinalMarks.of(sitting, rules.maxScore())) out.add(final_(doc, m));
        return out;
    }

    static Future<Void> tell(SittingResults to, JsonObject doc, String student, Regulation.FinalAttestation rules) {
        try {
            var mark = FinalMarks.of(SittingJson.read(doc, rules), student, rules.maxScore());
            if (mark.isEmpty()) return Future.succeededFuture();
            return to.published(final_(doc, mark.get())).recover(err -> {
                log.warn(
                        "sitting {}: the final result of {} was stored but not passed on yet ({}); the sweep will",
                        doc.getString("id"),
                        student,
                        err.toString());
                return Future.succeededFuture();
            });
        } catch (RuntimeException e) {
            log.warn("sitting {}: the final result of {} could not be read: {}", doc.getString("id"), student, e);
            return Future.succeededFuture();
        }
    }

    private static SittingResults.Final final_(JsonObject doc, FinalMarks.Mark m) {
        return new SittingResults.Final(
                doc.getString("id"),
                doc.getString("title", doc.getString("id")),
                m.studentId(),
                m.points(),
                m.maxScore(),
                m.letter(),
                m.at(),
                m.byAppeal() ? "appeal" : "sitting");
    }

    /** Whether the caller runs the sitting: its chair, its technical secretary, or an administrator. */
    static boolean runs(JsonObject doc, Caller caller) {
        if (caller.has(Role.ADMIN)) return true;
        String role = SittingView.roleOf(doc, caller.id());
        return "chair".equals(role) || "secretary".equals(role);
    }
}
