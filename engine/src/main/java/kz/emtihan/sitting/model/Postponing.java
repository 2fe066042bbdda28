package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/**
 * The sitting's transitions for postponements (6.15.2-6.15.3), kept apart from {@link Sitting} for its size: the
 * student's application and the chair's decision. Pure, as every transition of the aggregate.
 */
final class Postponing {
    private Postponing() {}

    /**
     * The application goes to the chair. Refused while one awaits the chair or was allowed, once the exam is under way,
     * after closing (the table).
     */
    static Sitting apply(Sitting sitting, String student, String reason, String documentType, Instant now) {
        Sitting s = sitting.take(student, StudentStep.APPLY_POSTPONEMENT, now);
        List<Postponement> all = new ArrayList<>(s.postponements());
        all.add(new Postponement(
                "pp-" + (all.size() + 1),
                student,
                reason,
                Optional.of(now),
                documentType,
                s.parts().chair(),
                Optional.empty(),
                "",
                Optional.empty(),
                ""));
        return s.copy(s.tickets(), s.draws(), s.endedAt(), all, s.records());
    }

    /** Allowed, the student holds "I" until {@code incompleteUntil} (6.15.2); refused, nothing else changes. Once. */
    static Sitting decide(
            Sitting sitting, String id, boolean allow, String reason, String by, Instant incompleteUntil, Instant now) {
        List<Postponement> all = new ArrayList<>(sitting.postponements());
        int i = 0;
        while (i < all.size() && !all.get(i).id().equals(id)) i++;
        if (i == all.size()) throw Refusal.of(CommonRefusal.NOT_FOUND, SittingWords.thing("postponement"), id);
        Postponement p = all.get(i);
        if (!p.awaiting()) throw Refusal.of(SittingRefusal.DECIDED, SittingWords.thing("postponement"));
        StudentStep step = allow ? StudentStep.ALLOW_POSTPONEMENT : StudentStep.REFUSE_POSTPONEMENT;
        Sitting s = sitting.take(p.studentId(), step, now);
        all.set(i, p.decided(allow, reason, now, by));
        s = s.copy(s.tickets(), s.draws(), s.endedAt(), all, s.records());
        return allow ? s.with(p.studentId(), s.records().get(p.studentId()).incomplete(incompleteUntil)) : s;
    }
}
