package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.model.BankAccess;
import kz.emtihan.bank.model.BankLife;
import kz.emtihan.bank.model.BankValidation;
import kz.emtihan.bank.model.Conclusion;
import kz.emtihan.bank.model.ExpertPanel;
import kz.emtihan.bank.model.LifeRefusal;
import kz.emtihan.calendar.model.AcademicCalendar;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;

/**
 * A bank's approval and review (5.19, 5.24-5.26): the head of department records the meeting that approved it, the
 * head or an admin names the expert panel of an academic year, each expert of the panel gives conclusions. Every step
 * is one {@link LifeSteps} step, recorded in the bank's audit trail.
 */
public final class BankReviews {
    private final Banks banks;
    private final Assignees people;
    private final AcademicCalendar calendar;

    public BankReviews(Banks banks, Assignees people, AcademicCalendar calendar) {
        this.banks = banks;
        this.people = people;
        this.calendar = calendar;
    }

    AcademicCalendar calendar() {
        return calendar;
    }

    Assignees people() {
        return people;
    }

    Banks banks() {
        return banks;
    }

    /** The academic year of today, in the calendar's zone. */
    public String currentYear() {
        return calendar.academicYearOf(calendar.date(Instant.now()));
    }

    /** 5.19: {@code {meetingDate, minutes}} of the department meeting; a head of department or an admin records it. */
    public Future<BankLife> approve(Caller caller, String bankId, JsonObject body) {
        return banks.allowed(caller, bankId, BankAccess.Action.READ).compose(h -> {
            LocalDate meeting = date(body.getValue("meetingDate"));
            String minutes = body.getValue("minutes") instanceof String s ? s.strip() : "";
            if (minutes.isEmpty() || minutes.length() > 50)
                throw Refusal.of(CommonRefusal.BAD_FIELD, "minutes", BankLife.text("approval.minutes"));
            Instant now = Instant.now();
            return banks.questions(bankId) // 7.6: what is approved passes validation
                    .map(qs -> BankValidation.validate(h.passport(), qs, banks.rules()))
                    .compose(problems -> banks.life().apply(bankId, now2 -> {
                        try {
                            BankLife next = now2.life()
                                    .approve(meeting, minutes, caller.id(), now, calendar.date(now), problems.size());
                            return Optional.of(new LifeSteps.Step(
                                    next,
                                    LifeSteps.entry("approved", caller, now)
                                            .put("meetingDate", meeting.toString())
                                            .put("minutes", minutes)));
                        } catch (Refusal r) {
                            if (!problems.isEmpty() && r.code() == LifeRefusal.BANK_NOT_VALID)
                                throw r.withProblems(problems.stream()
                                        .map(p -> new Problem(java.util.Map.of("rule", p.rule()), p.text()))
                                        .toList());
                            throw r;
                        }
                    }));
        });
    }

    private static LocalDate date(Object value) {
        try {
            if (value instanceof String s) return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            // said below
        }
        throw Refusal.of(CommonRefusal.BAD_FIELD, "meetingDate", BankLife.text("approval.date"));
    }

    /**
     * 5.24: {@code {academicYear, experts}}: the experts who review the bank that year (the current one or the next),
     * replacing whoever was named for it. Each must be an expert account and none a compiler of the bank.
     */
    public Future<BankLife> assign(Caller caller, String bankId, JsonObject body) {
        return banks.allowed(caller, bankId, BankAccess.Action.READ).compose(h -> {
            String year = year(body, false);
            List<Problem> problems = new ArrayList<>();
            List<String> experts = Assignees.read(body, "experts", problems);
            return Assignees.<Void>refuse(problems)
                    .compose(v -> people.verify("experts", experts, Role.EXPERT))
                    .compose(Assignees::<Void>refuse)
                    .compose(v -> people.named(experts))
                    .compose(named -> {
                        for (Object o : named) {
                            JsonObject p = (JsonObject) o;
                            if (ExpertPanel.isCompiler(
                                    p.getString("id"), p.getString("name"), h.passport(), h.owner(), h.coAuthors()))
                                throw BankLife.refusal(LifeRefusal.EXPERT_IS_COMPILER, p.getString("id"));
                        }
                        Instant now = Instant.now();
                        return banks.life()
                                .apply(
                                        bankId,
                                        now2 -> Optional.of(new LifeSteps.Step(
                                                now2.life().assign(year, experts),
                                                LifeSteps.entry("panel-assigned", caller, now)
                                                        .put("academicYear", year)
                                                        .put("experts", new JsonArray(experts)))));
                    });
        });
    }

    /** The academic year a request names: the current or the next; a conclusion without one is for the current. */
    private String year(JsonObject body, boolean optional) {
        String current = currentYear();
        Object y = body.getValue("academicYear");
        if (y == null && optional) return current;
        if (y instanceof String s && ExpertPanel.assignable(s, current)) return s;
        throw Refusal.of(CommonRefusal.BAD_FIELD, "academicYear", BankLife.text("panel.year", "current", current));
    }

    /**
     * 5.25-5.26: a conclusion of an expert on the bank's panel for the year: each aspect assessed with a comment, and
     * whether the bank may be used. A re-review is a new conclusion; the latest of each expert counts.
     */
    public Future<BankLife> conclude(Caller caller, String bankId, JsonObject body) {
        return banks.store().header(bankId).compose(found -> {
            BankStore.BankHeader h =
                    found.orElseThrow(() -> Refusal.of(CommonRefusal.NOT_FOUND, BankTexts.thing("bank"), bankId));
            String current = currentYear();
            String asked = body.getValue("academicYear") instanceof String s ? s : current;
            // who first: only an expert on the panel of that year learns anything more
            if (!h.life().panelOf(asked).contains(caller.id())) throw BankLife.refusal(LifeRefusal.NOT_ON_PANEL, asked);
            String year = year(body, true);
            Conclusion.Assessment standards = assessment(body, "standards");
            Conclusion.Assessment difficulty = assessment(body, "difficulty");
            Conclusion.Assessment wording = assessment(body, "wording");
            Conclusion.Decision decision = body.getValue("decision") instanceof String s
                    ? Conclusion.Decision.fromCode(s).orElse(null)
                    : null;
            if (decision == null)
                throw Refusal.of(CommonRefusal.BAD_FIELD, "decision", BankLife.text("conclusion.decision"));
            Instant now = Instant.now();
            return people.named(List.of(caller.id())).compose(named -> {
                String name = named.getJsonObject(0).getString("name");
                return banks.life().apply(bankId, now2 -> {
                    boolean compiler =
                            ExpertPanel.isCompiler(caller.id(), name, now2.passport(), now2.owner(), now2.coAuthors());
                    BankLife next = now2.life()
                            .conclude(
                                    new Conclusion(
                                            0, caller.id(), year, 0, standards, difficulty, wording, decision, now),
                                    compiler);
                    Conclusion made = next.conclusions().get(next.conclusions().size() - 1);
                    return Optional.of(new LifeSteps.Step(
                            next,
                            LifeSteps.entry("concluded", caller, now)
                                    .put("academicYear", year)
                                    .put("number", made.number())
                                    .put("decision", decision.code())));
                });
            });
        });
    }

    private static Conclusion.Assessment assessment(JsonObject body, String field) {
        if (body.getValue(field) instanceof JsonObject o
                && o.getValue("assessment") instanceof String a
                && Conclusion.Grade.fromCode(a).isPresent()
                && (o.getValue("comment") == null
                        || o.getValue("comment") instanceof String c && c.length() <= BankLife.MAX_TEXT)) {
            return new Conclusion.Assessment(
                    Conclusion.Grade.fromCode(a).get(),
                    o.getString("comment", "").strip());
        }
        throw Refusal.of(CommonRefusal.BAD_FIELD, field, BankLife.text("conclusion.assessment"));
    }
}
