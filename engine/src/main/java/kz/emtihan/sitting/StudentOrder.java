package kz.emtihan.sitting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.config.Regulation;
import kz.emtihan.http.Rejection;
import kz.emtihan.sitting.model.Appeal;
import kz.emtihan.sitting.model.SittingRole;
import kz.emtihan.sitting.model.StudentFlow;
import kz.emtihan.sitting.model.StudentState;
import kz.emtihan.sitting.model.StudentStep;

/**
 * Between a sitting's document and its one table of steps (StudentFlow, issue 10): who the caller is in the sitting,
 * where a student stands now (the stored {@code status} read through the server's clock) and the facts a step
 * depends on. Every step of every service goes through {@link #take}: a refused caller gets 403, a step out of order
 * 409 with the table's code, and nothing changes.
 */
final class StudentOrder {
    private StudentOrder() {}

    /** The caller's part in the sitting, if any: the document may lack any field without this failing. */
    static Optional<SittingRole> roleOf(JsonObject doc, String userId) {
        if (userId == null) return Optional.empty();
        JsonObject c = object(doc, "commission");
        if (userId.equals(c.getValue("secretary"))) return Optional.of(SittingRole.SECRETARY);
        if (userId.equals(c.getValue("chair"))) return Optional.of(SittingRole.CHAIR);
        if (SittingJson.strings(array(c, "members")).contains(userId)) return Optional.of(SittingRole.MEMBER);
        JsonObject a = object(doc, "appealCommission");
        if (userId.equals(a.getValue("chair"))) return Optional.of(SittingRole.APPEAL_CHAIR);
        if (userId.equals(a.getValue("deputy"))) return Optional.of(SittingRole.APPEAL_DEPUTY);
        if (SittingJson.strings(array(a, "members")).contains(userId)) return Optional.of(SittingRole.APPEAL_MEMBER);
        if (SittingJson.strings(array(doc, "students")).contains(userId)) return Optional.of(SittingRole.STUDENT);
        return Optional.empty();
    }

    private static JsonObject object(JsonObject o, String key) {
        return o.getValue(key) instanceof JsonObject j ? j : new JsonObject();
    }

    private static JsonArray array(JsonObject o, String key) {
        return o.getValue(key) instanceof JsonArray j ? j : new JsonArray();
    }

    /** 403 unless the caller's part in the sitting takes {@code step}; the part otherwise. */
    static SittingRole require(JsonObject doc, Caller caller, StudentStep step) {
        Optional<SittingRole> role = roleOf(doc, caller.id());
        if (role.isEmpty()) throw Rejection.forbidden("you take no part in sitting " + doc.getString("id"));
        if (!step.takenBy(role.get())) {
            throw Rejection.forbidden("'" + step.code() + "' is for the "
                    + String.join(
                            " or ",
                            step.takenBy().stream()
                                    .map(SittingRole::code)
                                    .sorted()
                                    .toList()) + " of the sitting");
        }
        return role.get();
    }

    /** 404 unless {@code student} is one of the sitting's. */
    static void requireStudent(JsonObject doc, String student) {
        if (!SittingJson.strings(array(doc, "students")).contains(student))
            throw Rejection.notFound("student of the sitting", student);
    }

    /** Where the student stands at {@code now}: the stored state, with the phase the server's clock has reached. */
    static StudentState state(JsonObject p, Instant now, Regulation.FinalAttestation rules) {
        StudentState stored = StudentState.ofCode(p.getString("status")).orElseGet(() -> fromFacts(p));
        try {
            return stored.onClock(SittingJson.clock(p, rules.phases()).at(now).phase());
        } catch (RuntimeException unreadableClock) { // a clock edited by hand: the stored state stands
            return stored;
        }
    }

    /** A document of an unknown status (edited by hand): the furthest step its facts show. */
    private static StudentState fromFacts(JsonObject p) {
        if (p.getValue("publishedAt") != null) return StudentState.GRADED;
        if (p.getValue("incomplete") != null) return StudentState.POSTPONED;
        if (p.getValue("ticket") != null) return StudentState.DRAWN;
        if (p.getValue("room") != null) return StudentState.CHECKED;
        if (p.getValue("identity") != null) return StudentState.IDENTIFIED;
        if (p.getValue("admittedAt") != null) return StudentState.ADMITTED;
        return StudentState.WAITING;
    }

    /** The facts of the sitting the student's next step depends on. */
    static StudentFlow.Context context(
            JsonObject doc, String student, JsonObject p, Instant now, Regulation.FinalAttestation rules) {
        String ended = doc.getString("endedAt");
        boolean inTime = false;
        if (ended != null) {
            try {
                inTime = Appeal.inTime(Instant.parse(ended), now);
            } catch (RuntimeException e) {
                inTime = false;
            }
        }
        boolean allScored;
        try {
            allScored = SittingJson.scores(doc, p, rules.maxScore()).allScored();
        } catch (RuntimeException e) {
            allScored = false;
        }
        boolean awaiting = false;
        for (Object o : array(doc, "postponements")) {
            if (o instanceof JsonObject a && student.equals(a.getString("studentId")) && a.getValue("allowed") == null)
                awaiting = true;
        }
        return new StudentFlow.Context(
                ended != null,
                p.getValue("identity") != null,
                p.getValue("room") != null,
                p.getValue("ticket") != null,
                allScored,
                awaiting,
                inTime);
    }

    /**
     * Takes {@code step} for {@code student} in {@code doc} (the caller's part already checked): 409 with the table's
     * code when the table refuses it; otherwise the student's {@code status} becomes the next state, which is returned.
     */
    static StudentState take(
            JsonObject doc, String student, StudentStep step, Instant now, Regulation.FinalAttestation rules) {
        requireStudent(doc, student);
        JsonObject p = SittingJson.progress(doc, student);
        StudentState before = state(p, now, rules);
        StudentFlow.Outcome outcome = StudentFlow.next(before, step, context(doc, student, p, now, rules));
        if (outcome instanceof StudentFlow.Refused r) throw Rejection.conflict(r.code(), r.reason());
        StudentState after = ((StudentFlow.To) outcome).state();
        p.put("status", after.code());
        return after;
    }

    /** The steps the caller may take now for the student, for the pages (never a promise: the server decides). */
    static JsonArray steps(
            JsonObject doc,
            String student,
            Optional<SittingRole> role,
            Instant now,
            Regulation.FinalAttestation rules) {
        JsonArray out = new JsonArray();
        if (role.isEmpty()) return out;
        JsonObject p = SittingJson.progress(doc.copy(), student);
        for (StudentStep s :
                StudentFlow.allowed(state(p, now, rules), context(doc, student, p, now, rules), role.get()))
            out.add(s.code());
        return out;
    }
}
