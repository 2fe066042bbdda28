package kz.emtihan.sitting;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.config.Regulation;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.SittingRole;
import kz.emtihan.sitting.model.SittingWords;
import kz.emtihan.sitting.model.StudentFlow;
import kz.emtihan.sitting.model.StudentState;
import kz.emtihan.sitting.model.StudentStep;

/**
 * The order of a student's steps (StudentFlow, issue 10) for the services that still change the sitting's document
 * field by field (acts, votes, appeals, postponements, photos): each reads the typed aggregate (SittingJson.read) and
 * asks it, so the order is decided in one place. A refused caller is forbidden, a step out of order is refused with
 * the table's code, and nothing changes.
 */
final class StudentOrder {
    private StudentOrder() {}

    /** The caller's part in the sitting, if any: the document may lack any field without this failing. */
    static Optional<SittingRole> roleOf(JsonObject doc, String userId) {
        return SittingJson.parts(doc).roleOf(userId);
    }

    /** Forbidden unless the caller's part in the sitting takes {@code step}; the part otherwise. */
    static SittingRole require(JsonObject doc, Caller caller, StudentStep step) {
        Optional<SittingRole> role = roleOf(doc, caller.id());
        if (role.isEmpty() || !step.takenBy(role.get())) throw Refusal.of(CommonRefusal.FORBIDDEN);
        return role.get();
    }

    /** Not found unless {@code student} is one of the sitting's. */
    static void requireStudent(JsonObject doc, String student) {
        if (!SittingJson.parts(doc).students().contains(student))
            throw Refusal.of(CommonRefusal.NOT_FOUND, SittingWords.thing("student"), student);
    }

    /** Where the student stands at {@code now}: the stored state, with the phase the server's clock has reached. */
    static StudentState state(JsonObject p, Instant now, Regulation.FinalAttestation rules) {
        try {
            return SittingJson.record(p, rules.phases()).stateAt(rules.phases(), now);
        } catch (RuntimeException unreadable) { // a record edited by hand: the stored word, or the start
            return StudentState.ofCode(p.getString("status")).orElse(StudentState.WAITING);
        }
    }

    /** The facts of the sitting the student's next step depends on. */
    static StudentFlow.Context context(
            JsonObject doc, String student, JsonObject p, Instant now, Regulation.FinalAttestation rules) {
        return SittingJson.read(doc, rules.phases()).context(student, now);
    }

    /**
     * Takes {@code step} for {@code student} in {@code doc} (the caller's part already checked): refused as the table
     * says; otherwise the student's {@code status} becomes the next state, which is returned.
     */
    static StudentState take(
            JsonObject doc, String student, StudentStep step, Instant now, Regulation.FinalAttestation rules) {
        StudentState after = SittingJson.read(doc, rules.phases())
                .take(student, step, now)
                .records()
                .get(student)
                .stored();
        SittingJson.progress(doc, student).put("status", after.code());
        return after;
    }
}
