package kz.emtihan.sitting;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import kz.emtihan.config.Regulation;
import kz.emtihan.sitting.documents.ProtocolCourse;
import kz.emtihan.sitting.documents.ProtocolDocument;
import kz.emtihan.sitting.documents.ProtocolRow;
import kz.emtihan.sitting.model.Act;
import kz.emtihan.sitting.model.AppealCase;
import kz.emtihan.sitting.model.Draw;
import kz.emtihan.sitting.model.Postponement;
import kz.emtihan.sitting.model.Sitting;
import kz.emtihan.sitting.model.StudentRecord;
import kz.emtihan.sitting.model.StudentState;

/**
 * The protocol's facts from a stored sitting (6.15.2-6.15.6): per student the ticket, each member's score and the
 * commission's grade; the appeal's grade beside it, never in its place (the commission's points are the members'
 * scores aggregated again, its letter the one the appeal was against); the times of each attempt (an act keeps the
 * attempt it stopped in the progress's {@code history}), the draws and redraws, the acts, the postponements. Pure.
 */
final class SittingProtocol {
    private SittingProtocol() {}

    static ProtocolDocument of(
            JsonObject doc, Regulation.FinalAttestation rules, ZoneId zone, UnaryOperator<String> name) {
        return of(doc, rules, zone, name, id -> new ProtocolCourse.SittingRef(id, Optional.empty()));
    }

    /** @param sittings another sitting (an earlier one that carried a student here, a later one) by its id */
    static ProtocolDocument of(
            JsonObject doc,
            Regulation.FinalAttestation rules,
            ZoneId zone,
            UnaryOperator<String> name,
            Function<String, ProtocolCourse.SittingRef> sittings) {
        Sitting sitting = SittingJson.read(doc.copy(), rules.phases());
        List<ProtocolRow> rows = new ArrayList<>();
        for (String student : SittingJson.strings(doc.getJsonArray("students"))) {
            ProtocolRow row = row(doc, sitting, rules, student, name);
            ProtocolCourse course = row.course()
                    .with(
                            removal(doc, student, name),
                            carried(doc, student, sittings),
                            cleared(doc, student, sittings));
            rows.add(new ProtocolRow(
                    row.student(), row.ticketNumber(), row.scores(), row.finalScore(), row.letter(), null, course));
        }
        return new ProtocolDocument(
                doc.getString("title"),
                doc.getString("kind"),
                LocalDate.parse(doc.getString("date")),
                SittingPapers.language(doc),
                SittingPapers.people(doc, name),
                rows,
                zone,
                reschedules(doc, name));
    }

    /** The ids of the other sittings the protocol names: those that carried a student here, those that cleared an I. */
    static java.util.Set<String> others(JsonObject doc) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        SittingJson.object(doc, "carried").forEach(e -> {
            if (e.getValue() instanceof JsonObject c && c.getString("from") != null) ids.add(c.getString("from"));
        });
        SittingJson.object(doc, "progress").forEach(e -> {
            if (e.getValue() instanceof JsonObject p
                    && p.getJsonObject("replacedBy") != null
                    && p.getJsonObject("replacedBy").getString("sittingId") != null)
                ids.add(p.getJsonObject("replacedBy").getString("sittingId"));
        });
        return ids;
    }

    /** 6.14: the removal kept in the student's progress; a record edited by hand is left out. */
    private static Optional<ProtocolCourse.RemovalLine> removal(
            JsonObject doc, String student, UnaryOperator<String> name) {
        JsonObject r =
                SittingJson.object(SittingJson.object(doc, "progress"), student).getJsonObject("removal");
        if (r == null) return Optional.empty();
        try {
            return Optional.of(new ProtocolCourse.RemovalLine(
                    name.apply(r.getString("by")), Instant.parse(r.getString("at")), r.getString("reason")));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** 6.15.2-6.15.3: the earlier sitting that carried the student here. */
    private static Optional<ProtocolCourse.SittingRef> carried(
            JsonObject doc, String student, Function<String, ProtocolCourse.SittingRef> sittings) {
        String from =
                SittingJson.object(SittingJson.object(doc, "carried"), student).getString("from");
        return Optional.ofNullable(from).map(sittings);
    }

    /** 6.15.3: the later sitting's result that replaced this sitting's I. */
    private static Optional<ProtocolCourse.ClearedLine> cleared(
            JsonObject doc, String student, Function<String, ProtocolCourse.SittingRef> sittings) {
        JsonObject by =
                SittingJson.object(SittingJson.object(doc, "progress"), student).getJsonObject("replacedBy");
        if (by == null || by.getJsonObject("result") == null) return Optional.empty();
        try {
            JsonObject result = by.getJsonObject("result");
            return Optional.of(new ProtocolCourse.ClearedLine(
                    sittings.apply(by.getString("sittingId")),
                    result.getString("letter") + " " + points(result.getDouble("points")),
                    Instant.parse(by.getString("publishedAt"))));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** 6.15.6: each move of the sitting by an administrator. */
    private static List<ProtocolDocument.Reschedule> reschedules(JsonObject doc, UnaryOperator<String> name) {
        List<ProtocolDocument.Reschedule> out = new ArrayList<>();
        for (Object o : SittingJson.array(doc, "reschedules")) {
            if (!(o instanceof JsonObject r)) continue;
            try {
                out.add(new ProtocolDocument.Reschedule(
                        LocalDate.parse(r.getString("from")),
                        LocalDate.parse(r.getString("to")),
                        name.apply(r.getString("by")),
                        Instant.parse(r.getString("at")),
                        r.getString("reason")));
            } catch (RuntimeException unreadable) { // a move edited by hand is left out
            }
        }
        return out;
    }

    private static ProtocolRow row(
            JsonObject doc, Sitting s, Regulation.FinalAttestation rules, String student, UnaryOperator<String> name) {
        StudentRecord r = Optional.ofNullable(s.records().get(student)).orElse(StudentRecord.waiting());
        Map<String, Integer> scores = new HashMap<>();
        r.scores().forEach((member, points) -> scores.put(name.apply(member), points));
        Optional<AppealCase> appeal =
                s.appeals().stream().filter(a -> a.studentId().equals(student)).reduce((first, second) -> second);
        String points = "—";
        String letter = r.incompleteUntil().isPresent() || r.stored() == StudentState.POSTPONED ? "I" : "—";
        Optional<String> appealGrade = Optional.empty();
        if (r.result().isPresent()) {
            StudentRecord.Result result = r.result().get();
            points = points(result.points());
            letter = result.letter();
            if (result.changedByAppeal().isPresent()) { // 6.15.5: the appeal's grade goes beside the commission's
                appealGrade = Optional.of(result.letter() + " " + points(result.points()));
                letter = s.appeals().stream()
                        .filter(a -> a.id().equals(result.changedByAppeal().get()))
                        .findFirst()
                        .flatMap(AppealCase::gradeBefore)
                        .orElse("—");
                points = r.scores().isEmpty()
                        ? "—"
                        : points(rules.aggregation().of(r.scores().values()).doubleValue());
            }
        }
        Optional<String> changedTo = appealGrade;
        ProtocolCourse course = new ProtocolCourse(
                Optional.of(r.stored()),
                attempts(doc, s, rules, student, r),
                draws(s, student),
                acts(s, student),
                postponements(s, student, r),
                appeal.map(a -> new ProtocolCourse.AppealLine(
                        a.filedAt(),
                        a.decision().isEmpty() ? Optional.empty() : Optional.of(a.decision()),
                        a.decision().equals("changed") ? changedTo : Optional.empty(),
                        a.decidedAt())));
        return new ProtocolRow(name.apply(student), r.ticket().orElse(null), scores, points, letter, null, course);
    }

    /** Points as a person writes them: 80, 87.5. */
    static String points(double points) {
        return BigDecimal.valueOf(points).stripTrailingZeros().toPlainString();
    }

    /** The attempts stopped by an act (kept in {@code history}), then the current one. */
    private static List<ProtocolCourse.Times> attempts(
            JsonObject doc, Sitting s, Regulation.FinalAttestation rules, String student, StudentRecord current) {
        List<ProtocolCourse.Times> out = new ArrayList<>();
        JsonObject progress = SittingJson.object(SittingJson.object(doc, "progress"), student);
        Optional<Instant> admitted = Optional.empty();
        for (Object o : SittingJson.array(progress, "history")) {
            if (!(o instanceof JsonObject h)) continue;
            try {
                StudentRecord before = StudentRecordJson.record(h, rules.phases());
                Optional<Integer> act = actNumber(s, h.getString("act", ""));
                out.add(times(s, student, before, act, admitted));
                admitted = before.admittedAt();
            } catch (RuntimeException unreadable) { // a history edited by hand: that attempt is left out
            }
        }
        out.add(times(s, student, current, Optional.empty(), admitted));
        return out;
    }

    private static ProtocolCourse.Times times(
            Sitting s, String student, StudentRecord r, Optional<Integer> stoppedBy, Optional<Instant> admittedBefore) {
        Optional<Instant> drawn = r.ticket()
                .flatMap(t -> s.draws().stream()
                        .filter(d -> d.studentId().equals(student) && d.ticket() == t)
                        .findFirst()
                        .flatMap(Draw::at));
        return new ProtocolCourse.Times(
                stoppedBy,
                r.admittedAt().equals(admittedBefore) ? Optional.empty() : r.admittedAt(),
                drawn,
                r.clock().flatMap(c -> c.preparationStarted()),
                r.clock().flatMap(c -> c.answerStarted()),
                r.clock().flatMap(c -> c.answerEnded()),
                // 6.14: a removal publishes its F, but no chair confirmed it
                stoppedBy.isPresent() || r.stored() == StudentState.REMOVED ? Optional.empty() : r.publishedAt());
    }

    private static Optional<Integer> actNumber(Sitting s, String actId) {
        for (int i = 0; i < s.acts().size(); i++) if (s.acts().get(i).id().equals(actId)) return Optional.of(i + 1);
        return Optional.empty();
    }

    /** Every draw of the student; one after the first is a redraw, after the student's latest act before it. */
    private static List<ProtocolCourse.DrawLine> draws(Sitting s, String student) {
        List<ProtocolCourse.DrawLine> out = new ArrayList<>();
        boolean first = true;
        for (Draw d : s.draws()) {
            if (!d.studentId().equals(student)) continue;
            Optional<Integer> after = Optional.empty();
            if (!first) {
                for (int i = 0; i < s.acts().size(); i++) {
                    Act a = s.acts().get(i);
                    if (a.studentId().equals(student)
                            && d.at().map(at -> !a.at().isAfter(at)).orElse(true)) after = Optional.of(i + 1);
                }
            }
            out.add(new ProtocolCourse.DrawLine(d.drawNumber(), d.ticket(), d.at(), after));
            first = false;
        }
        return out;
    }

    private static List<ProtocolCourse.ActLine> acts(Sitting s, String student) {
        List<ProtocolCourse.ActLine> out = new ArrayList<>();
        for (int i = 0; i < s.acts().size(); i++) {
            Act a = s.acts().get(i);
            if (!a.studentId().equals(student)) continue;
            out.add(new ProtocolCourse.ActLine(
                    i + 1,
                    a.at(),
                    a.stage(),
                    a.ticket(),
                    a.decision().map(d -> d.choice()),
                    a.newTime().map(Act.NewTime::at)));
        }
        return out;
    }

    private static List<ProtocolCourse.PostponementLine> postponements(Sitting s, String student, StudentRecord r) {
        List<ProtocolCourse.PostponementLine> out = new ArrayList<>();
        for (Postponement p : s.postponements()) {
            if (!p.studentId().equals(student)) continue;
            out.add(new ProtocolCourse.PostponementLine(
                    p.appliedAt(),
                    p.allowed(),
                    p.decidedAt(),
                    p.allowed().orElse(false) ? r.incompleteUntil() : Optional.empty()));
        }
        return out;
    }
}
