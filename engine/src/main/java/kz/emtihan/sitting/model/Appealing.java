package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.grade.model.GradeBand;
import kz.emtihan.grade.model.GradeScale;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;

/**
 * The sitting's transitions for appeals (6.15.4-6.15.5), kept apart from {@link Sitting} for its size: the student's
 * appeal within 48 hours of the sitting's end, the appeal commission's meeting and its decision, which may change the
 * published letter. Pure, as every transition of the aggregate.
 */
final class Appealing {
    private Appealing() {}

    /** 6.15.4: against the student's own published result, once the sitting is closed, within 48 hours; once. */
    static Sitting file(Sitting sitting, String student, String reason, Instant now) {
        Sitting s = sitting.take(student, StudentStep.APPEAL, now);
        List<AppealCase> all = new ArrayList<>(s.appeals());
        all.add(new AppealCase(
                "ap-" + (all.size() + 1),
                student,
                reason,
                now,
                s.parts().appealChair(),
                Optional.empty(),
                Optional.empty(),
                "",
                "",
                "",
                Optional.empty(),
                Optional.empty()));
        return s.withAppeals(all);
    }

    /** 6.15.5: the appeal commission meets, within 2 working days. */
    static Sitting meet(Sitting sitting, String appealId, String by, Instant now) {
        List<AppealCase> all = new ArrayList<>(sitting.appeals());
        int i = find(all, appealId);
        AppealCase a = all.get(i);
        Sitting s = sitting.take(a.studentId(), StudentStep.APPEAL_MEETING, now);
        rule(() -> a.timing(s.endedAt().orElseThrow()).meetingHeld(now));
        all.set(i, a.met(now, by));
        return s.withAppeals(all);
    }

    /**
     * 6.15.5: the decision, {@code kept} or {@code changed} to {@code letter}; the student sees the grade it kept or
     * gave. The grade before and after are kept with the appeal.
     */
    static Sitting decide(
            Sitting sitting,
            String appealId,
            String by,
            boolean changed,
            String letter,
            String comment,
            GradeScale scale,
            int maxScore,
            Instant now) {
        List<AppealCase> all = new ArrayList<>(sitting.appeals());
        int i = find(all, appealId);
        AppealCase a = all.get(i);
        Sitting s = sitting.take(a.studentId(), StudentStep.APPEAL_DECISION, now);
        rule(() -> a.timing(s.endedAt().orElseThrow()).resultCommunicated(now));
        StudentRecord r = s.records().get(a.studentId());
        Optional<StudentRecord.Result> before = r.result();
        Optional<StudentRecord.Result> after =
                before.map(x -> changed ? changed(x, letter, scale, maxScore, appealId) : x);
        all.set(
                i,
                a.decided(
                        now,
                        by,
                        changed ? "changed" : "kept",
                        comment,
                        before.map(StudentRecord.Result::letter),
                        after.map(StudentRecord.Result::letter)));
        Sitting next = s.withAppeals(all);
        return after.equals(before) ? next : next.with(a.studentId(), r.regraded(after.orElseThrow()));
    }

    /** 6.15.5, 5.28: a changed grade is a letter of the scale other than the one the result has. */
    private static StudentRecord.Result changed(
            StudentRecord.Result result, String letter, GradeScale scale, int maxScore, String appealId) {
        GradeBand band = scale.band(letter)
                .orElseThrow(() -> Refusal.of(
                        CommonRefusal.BAD_FIELD,
                        "letter",
                        FieldProblem.oneOf(String.join(
                                ", ",
                                scale.bands().stream().map(GradeBand::letter).toList()))));
        if (band.letter().equals(result.letter()))
            throw Refusal.of(CommonRefusal.BAD_FIELD, "letter", SittingWords.field("letter-same", "letter", letter));
        return result.changedTo(scale, band, maxScore, appealId);
    }

    private static int find(List<AppealCase> all, String id) {
        for (int i = 0; i < all.size(); i++) if (all.get(i).id().equals(id)) return i;
        throw Refusal.of(CommonRefusal.NOT_FOUND, SittingWords.thing("appeal"), id);
    }

    /** A timing rule of {@link Appeal} the table cannot see (times edited by hand): bad-step, as the model words it. */
    private static void rule(Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw Refusal.of(SittingRefusal.BAD_STEP, SittingWords.rule("model", "detail", e.getMessage()));
        }
    }
}
