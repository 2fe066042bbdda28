package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.grade.model.Grade;
import kz.emtihan.grade.model.GradeScale;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/**
 * The sitting's transitions for the exam itself (6.15.6), kept apart from {@link Sitting} for its size: admission, the
 * checks with their photos, the draw, the phases on the server's clock, the scores and the chair's confirmation. Each
 * takes its step on the table first ({@link Sitting#take}), then applies its own rule. Pure.
 */
final class Examining {
    private Examining() {}

    /** 6.15.6: from the waiting room into the video room. */
    static Sitting admit(Sitting sitting, String student, Instant now) {
        Sitting s = sitting.take(student, StudentStep.ADMIT, now);
        return s.with(student, s.records().get(student).admitted(now));
    }

    /** 6.15.6: the secretary compares the camera snapshot with the ID card and confirms, with the photos taken. */
    static Sitting identify(Sitting sitting, String student, String by, boolean confirmed, String note, Instant now) {
        Sitting s = sitting.take(student, StudentStep.IDENTIFY, now);
        if (!confirmed) throw Refusal.of(SittingRefusal.NOT_CONFIRMED);
        StudentRecord r = s.records().get(student);
        requirePhotos(r, "id-card", "identity");
        return s.with(student, r.identified(new StudentRecord.Identity(by, now, note)));
    }

    /** 6.15.6: every item of the desk and room checklist confirmed, with the photo of the room. */
    static Sitting checkRoom(Sitting sitting, String student, String by, Set<String> confirmed, Instant now) {
        Sitting s = sitting.take(student, StudentStep.CHECK_ROOM, now);
        for (String item : Sitting.ROOM_CHECKLIST) {
            if (!confirmed.contains(item))
                throw Refusal.of(SittingRefusal.CHECKLIST, item, String.join(", ", Sitting.ROOM_CHECKLIST));
        }
        StudentRecord r = s.records().get(student);
        requirePhotos(r, "room");
        return s.with(student, r.roomChecked(new StudentRecord.RoomCheck(by, now, Sitting.ROOM_CHECKLIST)));
    }

    /**
     * 6.15.6: a photo of a check, until that check is confirmed (then its photos stay as they were): the secretary takes
     * them all; a student sends only their own ID card. {@code photo.by()} took it as {@code role}.
     */
    static Sitting photograph(
            Sitting sitting, String student, String kind, StudentRecord.Photo photo, SittingRole role, Instant now) {
        if (role == SittingRole.STUDENT
                && !(kind.equals("id-card") && photo.by().equals(student))) throw Refusal.of(CommonRefusal.FORBIDDEN);
        Sitting s =
                sitting.take(student, kind.equals("room") ? StudentStep.ROOM_PHOTO : StudentStep.IDENTITY_PHOTO, now);
        return s.with(student, s.records().get(student).photographed(kind, photo));
    }

    private static void requirePhotos(StudentRecord r, String... kinds) {
        for (String kind : kinds) {
            if (!r.photos().containsKey(kind)) throw Refusal.of(SittingRefusal.PHOTO_MISSING, kind);
        }
    }

    /** 6.15.6: the chair shows the draw; the ticket follows from the committed seed and the student's word. */
    static Sitting draw(Sitting sitting, String student, byte[] seed, String word, Instant now) {
        Sitting s = sitting.take(student, StudentStep.DRAW, now);
        if (sitting.tickets().isEmpty()) throw Refusal.of(SittingRefusal.NO_TICKETS);
        List<TicketPool.Drawn> drawn = new ArrayList<>();
        for (Draw d : sitting.draws())
            drawn.add(new TicketPool.Drawn(d.drawNumber(), d.studentId(), d.word(), d.ticket()));
        TicketPool pool = new TicketPool(
                sitting.id(),
                sitting.tickets().stream().map(Ticket::number).toList(),
                sitting.withReplacement(),
                drawn);
        if (pool.available(student).isEmpty()) {
            throw Refusal.of(
                    SittingRefusal.WRONG_ORDER,
                    SittingWords.step(StudentStep.DRAW),
                    SittingWords.state(sitting.stateOf(student, now)),
                    SittingWords.rule("no-ticket-left"));
        }
        TicketPool.Drawn d =
                pool.draw(seed, student, word).drawn().get(sitting.draws().size());
        List<Draw> all = new ArrayList<>(sitting.draws());
        all.add(new Draw(d.drawNumber(), student, word, d.ticket(), Optional.of(now)));
        return s.copy(s.tickets(), all, s.endedAt(), s.postponements(), s.records())
                .with(student, s.records().get(student).drew(d.ticket()));
    }

    /** 6.15.6: the preparation starts; up to 20 minutes on the server's clock. */
    static Sitting startPreparation(Sitting sitting, String student, Instant now) {
        Sitting s = sitting.take(student, StudentStep.START_PREPARATION, now);
        StudentRecord r = s.records().get(student);
        return s.with(student, r.clocked(r.clockAt(sitting.limits(), now).startPreparation(now)));
    }

    /** 6.15.6: the secretary ends the preparation; the answer starts now. */
    static Sitting endPreparation(Sitting sitting, String student, Instant now) {
        Sitting s = sitting.take(student, StudentStep.END_PREPARATION, now);
        StudentRecord r = s.records().get(student);
        return s.with(student, r.clocked(r.clockAt(sitting.limits(), now).endPreparation(now)));
    }

    /** 6.15.6: the answer ends; before its minimum only with a reason, which is kept. */
    static Sitting endAnswer(Sitting sitting, String student, String reason, Instant now) {
        StudentState before = sitting.stateOf(student, now);
        Sitting s = sitting.take(student, StudentStep.END_ANSWER, now);
        StudentRecord r = s.records().get(student);
        PhaseClock clock = r.clockAt(sitting.limits(), now);
        boolean early = clock.answerStarted()
                .map(a -> now.isBefore(a.plus(sitting.limits().answerMin())))
                .orElse(false);
        if (early && (reason == null || reason.isBlank())) {
            throw Refusal.of(
                    SittingRefusal.WRONG_ORDER,
                    SittingWords.step(StudentStep.END_ANSWER),
                    SittingWords.state(before),
                    SittingWords.rule(
                            "answer-needs-reason",
                            "minutes",
                            sitting.limits().answerMin().toMinutes()));
        }
        return s.with(student, r.clocked(clock.endAnswer(now, reason)));
    }

    /** 6.15.6: a member's own score, 0 to {@code maxScore}, until every member has scored. */
    static Sitting score(Sitting sitting, String student, String member, int points, int maxScore, Instant now) {
        Sitting s = sitting.take(student, StudentStep.SCORE, now);
        if (points < 0 || points > maxScore)
            throw Refusal.of(SittingRefusal.BAD_STEP, SittingWords.rule("score-range", "max", maxScore));
        StudentRecord r = s.records().get(student);
        Map<String, Integer> next = new HashMap<>(r.scores());
        next.put(member, points);
        return s.with(student, r.scored(next));
    }

    /**
     * 6.15.6, 5.28: the chair confirms once every member has scored; the aggregate of the scores becomes a letter on
     * the grade scale and the result is published to the student at once.
     */
    static Sitting confirm(
            Sitting sitting,
            String student,
            String chair,
            Aggregation rule,
            GradeScale scale,
            int maxScore,
            Instant now) {
        Sitting s = sitting.take(student, StudentStep.CONFIRM, now);
        StudentRecord r = s.records().get(student);
        CommissionScores scores = new CommissionScores(
                        sitting.parts().commission(), maxScore, r.scores(), Optional.empty())
                .confirm(chair);
        Grade g = scores.grade(rule, scale);
        StudentRecord.Result result = new StudentRecord.Result(
                scores.aggregate(rule).doubleValue(),
                g.percent(),
                g.letter(),
                g.gpa(),
                g.traditional(),
                Optional.empty());
        return s.with(student, r.published(chair, result, now));
    }
}
