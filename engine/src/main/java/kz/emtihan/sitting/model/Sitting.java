package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.grade.model.GradeScale;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/**
 * A sitting of the oral final attestation (6.15-6.15.6) as one immutable aggregate: who takes part, the tickets and
 * the draws so far, whether it is closed, and each student's {@link StudentRecord}. Every transition is pure: it
 * checks the order on {@link StudentFlow}'s table and the step's own rule, and returns the next sitting or throws a
 * {@link Refusal} ({@link SittingRefusal}) with nothing changed. Instants are the server's, passed in. The stored form
 * is {@code SittingJson}'s business, at the edge.
 *
 * @param postponements the applications to postpone (6.15.2-6.15.3), in the order they were made
 * @param appeals       the appeals (6.15.4-6.15.5), in the order they were filed
 * @param acts          the acts of technical failure (6.15.2), in the order they were drawn up
 * @param recordings    what the media server recorded in the sitting's room (6.15.1)
 * @param unreadable           students whose stored record cannot be read (edited by hand), with the problem
 * @param terms                the kind of sitting and its day (6.15.1, 6.15.6)
 */
public record Sitting(
        String id,
        Parts parts,
        List<Ticket> tickets,
        List<Draw> draws,
        boolean withReplacement,
        Optional<Instant> endedAt,
        List<Postponement> postponements,
        List<AppealCase> appeals,
        List<Act> acts,
        List<Recording> recordings,
        Map<String, StudentRecord> records,
        Map<String, String> unreadable,
        PhaseLimits limits,
        SittingTerms terms) {

    /** What the secretary confirms before the draw (6.15.6). */
    public static final List<String> ROOM_CHECKLIST =
            List.of("desk-clear", "room-alone", "no-devices", "camera-shows-room");

    /** The steps of the exam itself, in the order of 6.15.6: the pages follow it through {@link #next}. */
    private static final List<StudentStep> MAIN_LINE = List.of(
            StudentStep.ADMIT,
            StudentStep.IDENTIFY,
            StudentStep.CHECK_ROOM,
            StudentStep.DRAW,
            StudentStep.START_PREPARATION,
            StudentStep.END_PREPARATION,
            StudentStep.END_ANSWER,
            StudentStep.SCORE,
            StudentStep.CONFIRM);

    /** A comprehensive exam held to no day (documents and tests before the day was checked). */
    public Sitting(
            String id,
            Parts parts,
            List<Ticket> tickets,
            List<Draw> draws,
            boolean withReplacement,
            Optional<Instant> endedAt,
            List<Postponement> postponements,
            List<AppealCase> appeals,
            List<Act> acts,
            List<Recording> recordings,
            Map<String, StudentRecord> records,
            Map<String, String> unreadable,
            PhaseLimits limits) {
        this(
                id,
                parts,
                tickets,
                draws,
                withReplacement,
                endedAt,
                postponements,
                appeals,
                acts,
                recordings,
                records,
                unreadable,
                limits,
                SittingTerms.anyDay(SittingTerms.COMPREHENSIVE_EXAM));
    }

    public Sitting {
        tickets = List.copyOf(tickets);
        draws = List.copyOf(draws);
        postponements = List.copyOf(postponements);
        appeals = List.copyOf(appeals);
        acts = List.copyOf(acts);
        recordings = List.copyOf(recordings);
        records = Map.copyOf(records);
        unreadable = Map.copyOf(unreadable);
    }

    public Optional<SittingRole> roleOf(String userId) {
        return parts.roleOf(userId);
    }

    /** The caller's part if it takes {@code step}; otherwise forbidden, and nothing changes. */
    public SittingRole requirePart(String userId, StudentStep step) {
        Optional<SittingRole> role = roleOf(userId);
        if (role.isEmpty() || !step.takenBy(role.get())) throw Refusal.of(CommonRefusal.FORBIDDEN);
        return role.get();
    }

    /** The student's record; not-found for someone who is not a student of the sitting. */
    public StudentRecord record(String student) {
        if (!parts.students().contains(student))
            throw Refusal.of(CommonRefusal.NOT_FOUND, SittingWords.thing("student"), student);
        if (unreadable.containsKey(student))
            throw Refusal.of(
                    SittingRefusal.BAD_STEP, SittingWords.rule("unreadable", "problem", unreadable.get(student)));
        return records.getOrDefault(student, StudentRecord.waiting());
    }

    /** Where the student stands at {@code now}, by the server's clock. */
    public StudentState stateOf(String student, Instant now) {
        return record(student).stateAt(limits, now);
    }

    /** 6.15.4: the last instant to appeal, once the sitting is closed. */
    public Optional<Instant> appealDeadline() {
        return endedAt.map(Appeal::filingDeadline);
    }

    /** The facts of the sitting the student's next step depends on (StudentFlow). */
    public StudentFlow.Context context(String student, Instant now) {
        StudentRecord r = record(student);
        boolean allScored;
        try {
            allScored = r.scores().size() == parts.commission().members().size()
                    && parts.commission().members().containsAll(r.scores().keySet());
        } catch (RuntimeException unreadableCommission) {
            allScored = false;
        }
        return new StudentFlow.Context(
                endedAt.isPresent(),
                r.identity().isPresent(),
                r.room().isPresent(),
                r.ticket().isPresent(),
                allScored,
                postponements.stream()
                        .anyMatch(p -> p.awaiting() && p.studentId().equals(student)),
                endedAt.map(e -> Appeal.inTime(e, now)).orElse(false),
                terms.onTheDay(now),
                terms.defence(),
                terms.lateApplication(now));
    }

    /**
     * Takes {@code step} for {@code student} on the table (6.15-6.15.6): the sitting with the student's next state, or
     * the table's refusal. The step's own facts are recorded by the transitions below, or by the services of acts,
     * postponements and appeals.
     */
    public Sitting take(String student, StudentStep step, Instant now) {
        StudentRecord r = record(student);
        StudentState before = r.stateAt(limits, now);
        StudentFlow.Outcome o = StudentFlow.next(before, step, context(student, now));
        if (o instanceof StudentFlow.Refused refused && refused.refusal() == SittingRefusal.NOT_SITTING_DAY)
            throw Refusal.of(
                    SittingRefusal.NOT_SITTING_DAY,
                    terms.date().map(Object::toString).orElse(""),
                    terms.zone().getId());
        if (o instanceof StudentFlow.Refused refused)
            throw refused.toRefusal(
                    step, before, appealDeadline().map(Instant::toString).orElse(""));
        return with(student, r.with(((StudentFlow.To) o).state(), now));
    }

    /** The steps {@code role} may take for the student now; none for someone without a part. */
    public Set<StudentStep> allowed(String student, Optional<SittingRole> role, Instant now) {
        if (role.isEmpty()) return EnumSet.noneOf(StudentStep.class);
        return StudentFlow.allowed(stateOf(student, now), context(student, now), role.get());
    }

    /**
     * The student's next step in the order of 6.15.6, whoever takes it: a {@link StudentStep#code()} of the main line
     * (admit ... confirm), or {@code done} (the result is published), {@code act} (an act awaits the commission's
     * decision, 6.15.2), {@code refused}, {@code postponed} (6.15.3), {@code none} when no step of the exam follows.
     */
    public String next(String student, Instant now) {
        StudentState s = stateOf(student, now);
        if (s.published()) return "done";
        if (s == StudentState.TECHNICAL_FAILURE) return "act";
        if (s == StudentState.REFUSED) return "refused";
        if (s == StudentState.POSTPONED) return "postponed";
        if (s == StudentState.REMOVED) return "removed";
        StudentFlow.Context open = context(student, now);
        open = new StudentFlow.Context(
                false,
                open.identified(),
                open.roomChecked(),
                open.ticketHeld(),
                open.allScored(),
                open.applicationOpen(),
                false,
                true,
                open.defence(),
                false);
        for (StudentStep step : MAIN_LINE) if (StudentFlow.next(s, step, open).allowed()) return step.code();
        return "none";
    }

    /** 6.15.6: from the waiting room into the video room ({@link Examining}, as every step of the exam below). */
    public Sitting admit(String student, Instant now) {
        return Examining.admit(this, student, now);
    }

    /** 6.15.6: the secretary compares the camera snapshot with the ID card and confirms, with the photos taken. */
    public Sitting identify(String student, String by, boolean confirmed, String note, Instant now) {
        return Examining.identify(this, student, by, confirmed, note, now);
    }

    /** 6.15.6: every item of the desk and room checklist confirmed, with the photo of the room. */
    public Sitting checkRoom(String student, String by, Set<String> confirmed, Instant now) {
        return Examining.checkRoom(this, student, by, confirmed, now);
    }

    /** 6.15.6: a check's photo, until the check is confirmed; a student sends only their own ID card. */
    public Sitting photograph(String student, String kind, StudentRecord.Photo photo, SittingRole role, Instant now) {
        return Examining.photograph(this, student, kind, photo, role, now);
    }

    /** 6.15.6: the chair shows the draw; the ticket follows from the committed seed and the student's word. */
    public Sitting draw(String student, byte[] seed, String word, Instant now) {
        return Examining.draw(this, student, seed, word, now);
    }

    /** 6.15.6: the preparation starts; up to 20 minutes on the server's clock. */
    public Sitting startPreparation(String student, Instant now) {
        return Examining.startPreparation(this, student, now);
    }

    /** 6.15.6: the secretary ends the preparation; the answer starts now. */
    public Sitting endPreparation(String student, Instant now) {
        return Examining.endPreparation(this, student, now);
    }

    /** 6.15.6: the answer ends; before its minimum only with a reason, which is kept. */
    public Sitting endAnswer(String student, String reason, Instant now) {
        return Examining.endAnswer(this, student, reason, now);
    }

    /** 6.15.6: a member's own score, 0 to {@code maxScore}, until every member has scored. */
    public Sitting score(String student, String member, int points, int maxScore, Instant now) {
        return Examining.score(this, student, member, points, maxScore, now);
    }

    /** 6.15.6, 5.28: the chair confirms once every member has scored; the result is published at once. */
    public Sitting confirm(
            String student, String chair, Aggregation rule, GradeScale scale, int maxScore, Instant now) {
        return Examining.confirm(this, student, chair, rule, scale, maxScore, now);
    }

    /**
     * 6.14: the secretary or the chair removes the student for a violation of the sitting's etiquette, at any step
     * before a result: an unexcused absence, published at once as the scale's lowest band (F at 0 points); the student
     * leaves the video room and takes no more steps here.
     */
    public Sitting remove(String student, GradeScale scale, int maxScore, Instant now) {
        Sitting s = take(student, StudentStep.REMOVE, now);
        kz.emtihan.grade.model.Grade f = scale.grade(0, maxScore);
        StudentRecord.Result absent =
                new StudentRecord.Result(0, f.percent(), f.letter(), f.gpa(), f.traditional(), Optional.empty());
        return s.with(student, s.records().get(student).removed(absent, now));
    }

    /** 6.15.6: the sitting moves to another day (an administrator's reschedule); nothing else changes. */
    public Sitting rescheduled(java.time.LocalDate day) {
        if (endedAt.isPresent()) throw Refusal.of(SittingRefusal.SITTING_CLOSED);
        return rebuilt(
                appeals,
                acts,
                recordings,
                new SittingTerms(terms.kind(), Optional.of(day), terms.zone(), terms.postponeBy()));
    }

    /** The ticket set, replaced as a whole before the first draw (6.15.6). */
    public Sitting withTickets(List<Ticket> replacement) {
        if (!draws.isEmpty()) throw Refusal.of(SittingRefusal.TICKETS_DRAWN);
        return copy(replacement, draws, endedAt, postponements, records);
    }

    /** The sitting closes: the seed may be revealed and the 48 hours to appeal start (6.15.4). */
    public Sitting close(Instant now) {
        if (endedAt.isPresent()) throw Refusal.of(SittingRefusal.SITTING_CLOSED);
        return copy(tickets, draws, Optional.of(now), postponements, records);
    }

    /**
     * 6.15.2-6.15.3: the student applies to postpone, with a scanned document of {@code documentType}; the application
     * goes to the chair ({@link Postponing}).
     */
    public Sitting applyToPostpone(String student, String reason, String documentType, Instant now) {
        return Postponing.apply(this, student, reason, documentType, now);
    }

    /** 6.15.3: the chair allows ("I" until {@code incompleteUntil}, 6.15.2) or refuses, once ({@link Postponing}). */
    public Sitting decidePostponement(
            String id, boolean allow, String reason, String by, Instant incompleteUntil, Instant now) {
        return Postponing.decide(this, id, allow, reason, by, incompleteUntil, now);
    }

    /** 6.15.4: the student appeals against their result ({@link Appealing}). */
    public Sitting appeal(String student, String reason, Instant now) {
        return Appealing.file(this, student, reason, now);
    }

    /** 6.15.5: the appeal commission's meeting ({@link Appealing}). */
    public Sitting appealMeeting(String appealId, String by, Instant now) {
        return Appealing.meet(this, appealId, by, now);
    }

    /** 6.15.5: the appeal commission's decision: the grade kept, or changed to {@code letter} ({@link Appealing}). */
    public Sitting appealDecision(
            String appealId,
            String by,
            boolean changed,
            String letter,
            String comment,
            GradeScale scale,
            int maxScore,
            Instant now) {
        return Appealing.decide(this, appealId, by, changed, letter, comment, scale, maxScore, now);
    }

    /** 6.15.2: the technical secretary's act stops the exam under way ({@link Acting}). */
    public Sitting act(String student, String by, String description, java.time.ZoneId zone, Instant now) {
        return Acting.drawUp(this, student, by, description, zone, now);
    }

    /** 6.15.2: a member's vote on an act; the last one decides collegially ({@link Acting}). */
    public Sitting vote(String actId, String member, FailureDecision.Choice choice, Instant now) {
        return Acting.vote(this, actId, member, choice, now);
    }

    /** 6.15.1: the media server records a publish into the sitting's room; noted whatever the students' steps. */
    public Sitting recorded(Recording r) {
        List<Recording> all = new ArrayList<>(recordings);
        all.add(r);
        return rebuilt(appeals, acts, all, terms);
    }

    Sitting withAppeals(List<AppealCase> all) {
        return rebuilt(all, acts, recordings, terms);
    }

    Sitting withActs(List<Act> all) {
        return rebuilt(appeals, all, recordings, terms);
    }

    /** This sitting with other appeals, acts, recordings or terms. */
    private Sitting rebuilt(List<AppealCase> appeals, List<Act> acts, List<Recording> recordings, SittingTerms terms) {
        return new Sitting(
                id,
                parts,
                tickets,
                draws,
                withReplacement,
                endedAt,
                postponements,
                appeals,
                acts,
                recordings,
                records,
                unreadable,
                limits,
                terms);
    }

    Sitting copy(
            List<Ticket> tickets,
            List<Draw> draws,
            Optional<Instant> endedAt,
            List<Postponement> postponements,
            Map<String, StudentRecord> records) {
        return new Sitting(
                id,
                parts,
                tickets,
                draws,
                withReplacement,
                endedAt,
                postponements,
                appeals,
                acts,
                recordings,
                records,
                unreadable,
                limits,
                terms);
    }

    Sitting with(String student, StudentRecord r) {
        Map<String, StudentRecord> next = new HashMap<>(records);
        next.put(student, r);
        return copy(tickets, draws, endedAt, postponements, next);
    }
}
