package kz.emtihan.sitting.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/**
 * The sitting's transitions for acts of technical failure (6.15.2), kept apart from {@link Sitting} for its size: the
 * secretary's act, which stops the exam under way, and the members' votes, the last of which gives the collegial
 * decision: another time (the draw again, or the same ticket when its questions were unseen) or none. Pure.
 */
public final class Acting {
    private Acting() {}

    /** 6.15.2: the act records the stage the failure interrupted, by the server's clock before the act. */
    static Sitting drawUp(Sitting sitting, String student, String by, String description, ZoneId zone, Instant now) {
        StudentRecord r = sitting.record(student);
        Phase stage = r.clockAt(sitting.limits(), now).phase();
        Sitting s = sitting.take(student, StudentStep.ACT, now);
        TechnicalFailureAct act = rule(() -> TechnicalFailureAct.drawUp(
                sitting.parts().commission(),
                by,
                sitting.id(),
                student,
                now,
                stage,
                r.ticket().map(OptionalInt::of).orElse(OptionalInt.empty()),
                description));
        List<Act> all = new ArrayList<>(s.acts());
        all.add(new Act(
                "act-" + (all.size() + 1),
                student,
                now,
                act.stageReached(),
                r.ticket(),
                description,
                by,
                java.util.Map.of(),
                Optional.empty(),
                Optional.empty(),
                act.copiesDueBy(zone),
                sitting.parts().commission().members()));
        return s.withActs(all);
    }

    /**
     * 6.15.2: a member's vote; the last one decides collegially. Another time resumes at the first check not yet done,
     * then at the draw or, with the ticket kept, at the preparation, with a new clock and no scores.
     */
    static Sitting vote(Sitting sitting, String actId, String member, FailureDecision.Choice choice, Instant now) {
        List<Act> all = new ArrayList<>(sitting.acts());
        int i = 0;
        while (i < all.size() && !all.get(i).id().equals(actId)) i++;
        if (i == all.size()) throw Refusal.of(CommonRefusal.NOT_FOUND, SittingWords.thing("act"), actId);
        Act act = all.get(i);
        if (act.decision().isPresent()) throw Refusal.of(SittingRefusal.DECIDED, SittingWords.thing("act"));
        Sitting s = sitting.take(act.studentId(), StudentStep.VOTE, now);
        Act voted = act.voted(member, choice);
        all.set(i, voted);
        if (voted.votes().size() < sitting.parts().commission().members().size()) return s.withActs(all);
        FailureDecision d = rule(() -> FailureDecision.decide(
                voted.rules(sitting.id()), sitting.parts().commission(), voted.votes()));
        all.set(i, voted.decided(d));
        boolean refused = d.choice() == FailureDecision.Choice.REFUSE;
        s = s.withActs(all).take(act.studentId(), refused ? StudentStep.NO_OTHER_TIME : StudentStep.ANOTHER_TIME, now);
        StudentRecord r = s.records().get(act.studentId());
        return s.with(act.studentId(), r.retried(d.ticket() == FailureDecision.TicketOnRetry.KEEP));
    }

    /**
     * 6.15.2: the secretary or the chair records the new time the collegial decision gives ({@link
     * FailureDecision#newTimeProblem}); recorded again, the later one stands. Refused before the decision and after a
     * refusal (409), and for a time that does not fit the decision (400 on {@code newTime}).
     *
     * @param periodEnds the last day of the academic period the act falls in
     */
    public static Sitting newTime(
            Sitting sitting,
            String actId,
            String by,
            Instant at,
            ZoneId zone,
            java.time.LocalDate periodEnds,
            Instant now) {
        Optional<SittingRole> role = sitting.parts().roleOf(by);
        if (role.isEmpty() || (role.get() != SittingRole.SECRETARY && role.get() != SittingRole.CHAIR))
            throw Refusal.of(CommonRefusal.FORBIDDEN);
        List<Act> all = new ArrayList<>(sitting.acts());
        int i = 0;
        while (i < all.size() && !all.get(i).id().equals(actId)) i++;
        if (i == all.size()) throw Refusal.of(CommonRefusal.NOT_FOUND, SittingWords.thing("act"), actId);
        Act act = all.get(i);
        if (act.decision().isEmpty())
            throw Refusal.of(SittingRefusal.ALREADY, kz.emtihan.text.Text.of(WORDS, "rule.newTime.undecided"));
        Optional<FailureDecision.NewTimeProblem> problem =
                act.decision().get().newTimeProblem(act.at(), at, zone, periodEnds, now);
        if (problem.isPresent() && problem.get() == FailureDecision.NewTimeProblem.NONE_GIVEN)
            throw Refusal.of(SittingRefusal.ALREADY, kz.emtihan.text.Text.of(WORDS, "rule.newTime.refused"));
        if (problem.isPresent())
            throw Refusal.of(
                    CommonRefusal.BAD_FIELD,
                    "newTime",
                    kz.emtihan.text.Text.of(
                            WORDS,
                            "field.newTime." + problem.get().name(),
                            "day",
                            act.at().atZone(zone).toLocalDate().toString(),
                            "ends",
                            periodEnds.toString()));
        all.set(i, act.timed(new Act.NewTime(at, by, now)));
        return sitting.withActs(all);
    }

    /** The words of the new time's refusals: the papers' catalogue, where the act's other words are. */
    static final String WORDS = "kz.emtihan.sitting.documents.messages";

    private static <T> T rule(Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw Refusal.of(SittingRefusal.BAD_STEP, SittingWords.rule("model", "detail", e.getMessage()));
        }
    }
}
