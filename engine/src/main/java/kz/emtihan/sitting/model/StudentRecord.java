package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One student's record in a sitting (6.15.6): the stored state, the facts of each check, the ticket, the phase clock,
 * the members' scores and the confirmed result. Immutable; {@link Sitting}'s transitions make the next one. What the
 * acts, postponements and appeals add (6.15.2-6.15.5) is kept in the stored document beside it; of that, only what
 * the order depends on is read here ({@link #photos}, {@link #incompleteUntil}).
 *
 * @param status    the stored state; empty for a word the engine does not know (a document edited by hand)
 * @param clock     the phase clock; empty before the preparation starts
 * @param photos    the check photos taken, by kind (id-card, identity, room); the bytes are kept apart
 * @param updatedAt the server's time of the last step
 */
public record StudentRecord(
        Optional<StudentState> status,
        Optional<Instant> admittedAt,
        Optional<Identity> identity,
        Optional<RoomCheck> room,
        Optional<Integer> ticket,
        Optional<PhaseClock> clock,
        Map<String, Integer> scores,
        Optional<String> confirmedBy,
        Optional<Result> result,
        Optional<Instant> publishedAt,
        Map<String, Photo> photos,
        Optional<Instant> incompleteUntil,
        Optional<Instant> updatedAt) {

    public StudentRecord {
        scores = Map.copyOf(scores);
        photos = Map.copyOf(photos);
    }

    /** What is kept of one check photo (6.15.6): when and by whom it was taken, its type, size and SHA-256. */
    public record Photo(Instant at, String by, String contentType, long bytes, String sha256) {}

    /** The identity check (6.15.6): who confirmed it, when, with their note. */
    public record Identity(String by, Instant at, String note) {}

    /** The desk and room check (6.15.6): who confirmed it, when, and the items confirmed. */
    public record RoomCheck(String by, Instant at, List<String> checklist) {
        public RoomCheck {
            checklist = List.copyOf(checklist);
        }
    }

    /** The confirmed result (6.15.6, 5.28); an appeal may change its letter (6.15.5). */
    public record Result(
            double points,
            double percent,
            String letter,
            double gpa,
            String traditional,
            Optional<String> changedByAppeal) {
        /** The letter an appeal commission gave instead (6.15.5). */
        public Result changedTo(String newLetter, String appealId) {
            return new Result(points, percent, newLetter, gpa, traditional, Optional.of(appealId));
        }
    }

    /** A student nothing has happened to yet. */
    public static StudentRecord waiting() {
        return new StudentRecord(
                Optional.of(StudentState.WAITING),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                Optional.empty());
    }

    /** The stored state, or for an unknown word the furthest step the facts show. */
    public StudentState stored() {
        return status.orElseGet(() -> {
            if (publishedAt.isPresent()) return StudentState.GRADED;
            if (incompleteUntil.isPresent()) return StudentState.POSTPONED;
            if (ticket.isPresent()) return StudentState.DRAWN;
            if (room.isPresent()) return StudentState.CHECKED;
            if (identity.isPresent()) return StudentState.IDENTIFIED;
            if (admittedAt.isPresent()) return StudentState.ADMITTED;
            return StudentState.WAITING;
        });
    }

    /** The phase clock at {@code now} (6.15.6: preparation and answer end by themselves on the server's clock). */
    public PhaseClock clockAt(PhaseLimits limits, Instant now) {
        return clock.orElseGet(() -> PhaseClock.waiting(limits)).at(now);
    }

    /** Where the student stands at {@code now}: the stored state with the phase the server's clock has reached. */
    public StudentState stateAt(PhaseLimits limits, Instant now) {
        try {
            return stored().onClock(clockAt(limits, now).phase());
        } catch (RuntimeException unreadableClock) { // a clock edited by hand: the stored state stands
            return stored();
        }
    }

    StudentRecord with(StudentState s, Instant now) {
        return new StudentRecord(
                Optional.of(s),
                admittedAt,
                identity,
                room,
                ticket,
                clock,
                scores,
                confirmedBy,
                result,
                publishedAt,
                photos,
                incompleteUntil,
                Optional.of(now));
    }

    StudentRecord photographed(String kind, Photo photo) {
        Map<String, Photo> next = new java.util.HashMap<>(photos);
        next.put(kind, photo);
        return new StudentRecord(
                status,
                admittedAt,
                identity,
                room,
                ticket,
                clock,
                scores,
                confirmedBy,
                result,
                publishedAt,
                next,
                incompleteUntil,
                updatedAt);
    }

    StudentRecord incomplete(Instant until) {
        return new StudentRecord(
                status,
                admittedAt,
                identity,
                room,
                ticket,
                clock,
                scores,
                confirmedBy,
                result,
                publishedAt,
                photos,
                Optional.of(until),
                updatedAt);
    }

    StudentRecord regraded(Result r) {
        return new StudentRecord(
                status,
                admittedAt,
                identity,
                room,
                ticket,
                clock,
                scores,
                confirmedBy,
                Optional.of(r),
                publishedAt,
                photos,
                incompleteUntil,
                updatedAt);
    }

    /** 6.15.2: another time after an act: a new clock, no scores, the ticket kept only if its questions were unseen. */
    StudentRecord retried(boolean keepTicket) {
        return new StudentRecord(
                status,
                admittedAt,
                identity,
                room,
                keepTicket ? ticket : Optional.empty(),
                Optional.empty(),
                Map.of(),
                confirmedBy,
                result,
                publishedAt,
                photos,
                incompleteUntil,
                updatedAt);
    }

    StudentRecord admitted(Instant at) {
        return new StudentRecord(
                status,
                Optional.of(at),
                identity,
                room,
                ticket,
                clock,
                scores,
                confirmedBy,
                result,
                publishedAt,
                photos,
                incompleteUntil,
                updatedAt);
    }

    StudentRecord identified(Identity i) {
        return new StudentRecord(
                status,
                admittedAt,
                Optional.of(i),
                room,
                ticket,
                clock,
                scores,
                confirmedBy,
                result,
                publishedAt,
                photos,
                incompleteUntil,
                updatedAt);
    }

    StudentRecord roomChecked(RoomCheck r) {
        return new StudentRecord(
                status,
                admittedAt,
                identity,
                Optional.of(r),
                ticket,
                clock,
                scores,
                confirmedBy,
                result,
                publishedAt,
                photos,
                incompleteUntil,
                updatedAt);
    }

    StudentRecord drew(int t) {
        return new StudentRecord(
                status,
                admittedAt,
                identity,
                room,
                Optional.of(t),
                clock,
                scores,
                confirmedBy,
                result,
                publishedAt,
                photos,
                incompleteUntil,
                updatedAt);
    }

    StudentRecord clocked(PhaseClock c) {
        return new StudentRecord(
                status,
                admittedAt,
                identity,
                room,
                ticket,
                Optional.of(c),
                scores,
                confirmedBy,
                result,
                publishedAt,
                photos,
                incompleteUntil,
                updatedAt);
    }

    StudentRecord scored(Map<String, Integer> s) {
        return new StudentRecord(
                status,
                admittedAt,
                identity,
                room,
                ticket,
                clock,
                s,
                confirmedBy,
                result,
                publishedAt,
                photos,
                incompleteUntil,
                updatedAt);
    }

    StudentRecord published(String chair, Result r, Instant at) {
        return new StudentRecord(
                status,
                admittedAt,
                identity,
                room,
                ticket,
                clock,
                scores,
                Optional.of(chair),
                Optional.of(r),
                Optional.of(at),
                photos,
                incompleteUntil,
                updatedAt);
    }
}
