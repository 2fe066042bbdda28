package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.grade.model.GradeBand;
import kz.emtihan.grade.model.GradeScale;

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
        /**
         * The grade an appeal commission gave instead (6.15.5): the band's letter, GPA and traditional grade, with the
         * points moved to the nearest percent the band covers ({@link GradeScale#nearestIn}), so they agree.
         */
        public Result changedTo(GradeScale scale, GradeBand band, int maxScore, String appealId) {
            double moved = scale.nearestIn(band, percent);
            double newPoints = Math.round(moved * maxScore) / 100.0;
            return new Result(newPoints, moved, band.letter(), band.gpa(), band.traditional(), Optional.of(appealId));
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
        return with(change -> {
            change.status = Optional.of(s);
            change.updatedAt = Optional.of(now);
        });
    }

    StudentRecord photographed(String kind, Photo photo) {
        Map<String, Photo> next = new java.util.HashMap<>(photos);
        next.put(kind, photo);
        return with(change -> change.photos = next);
    }

    StudentRecord incomplete(Instant until) {
        return with(change -> change.incompleteUntil = Optional.of(until));
    }

    StudentRecord regraded(Result r) {
        return with(change -> change.result = Optional.of(r));
    }

    /** 6.15.2: another time after an act: a new clock, no scores, the ticket kept only if its questions were unseen. */
    StudentRecord retried(boolean keepTicket) {
        return with(change -> {
            change.ticket = keepTicket ? ticket : Optional.empty();
            change.clock = Optional.empty();
            change.scores = Map.of();
        });
    }

    StudentRecord admitted(Instant at) {
        return with(change -> change.admittedAt = Optional.of(at));
    }

    StudentRecord identified(Identity i) {
        return with(change -> change.identity = Optional.of(i));
    }

    StudentRecord roomChecked(RoomCheck r) {
        return with(change -> change.room = Optional.of(r));
    }

    StudentRecord drew(int t) {
        return with(change -> change.ticket = Optional.of(t));
    }

    StudentRecord clocked(PhaseClock c) {
        return with(change -> change.clock = Optional.of(c));
    }

    StudentRecord scored(Map<String, Integer> s) {
        return with(change -> change.scores = s);
    }

    StudentRecord published(String chair, Result r, Instant at) {
        return with(change -> {
            change.confirmedBy = Optional.of(chair);
            change.result = Optional.of(r);
            change.publishedAt = Optional.of(at);
        });
    }

    /** 6.14: removed for a violation: the unexcused absence's result, published at once, confirmed by nobody. */
    StudentRecord removed(Result r, Instant at) {
        return with(change -> {
            change.result = Optional.of(r);
            change.publishedAt = Optional.of(at);
        });
    }

    /** The record with some of its parts changed: each transition below says only what it changes. */
    private StudentRecord with(java.util.function.Consumer<Change> edit) {
        Change c = new Change(this);
        edit.accept(c);
        return new StudentRecord(
                c.status,
                c.admittedAt,
                c.identity,
                c.room,
                c.ticket,
                c.clock,
                c.scores,
                c.confirmedBy,
                c.result,
                c.publishedAt,
                c.photos,
                c.incompleteUntil,
                c.updatedAt);
    }

    /** A copy of a record's parts, changed by one transition (see {@link #with(java.util.function.Consumer)}). */
    private static final class Change {
        Optional<StudentState> status;
        Optional<Instant> admittedAt;
        Optional<Identity> identity;
        Optional<RoomCheck> room;
        Optional<Integer> ticket;
        Optional<PhaseClock> clock;
        Map<String, Integer> scores;
        Optional<String> confirmedBy;
        Optional<Result> result;
        Optional<Instant> publishedAt;
        Map<String, Photo> photos;
        Optional<Instant> incompleteUntil;
        Optional<Instant> updatedAt;

        Change(StudentRecord r) {
            status = r.status;
            admittedAt = r.admittedAt;
            identity = r.identity;
            room = r.room;
            ticket = r.ticket;
            clock = r.clock;
            scores = r.scores;
            confirmedBy = r.confirmedBy;
            result = r.result;
            publishedAt = r.publishedAt;
            photos = r.photos;
            incompleteUntil = r.incompleteUntil;
            updatedAt = r.updatedAt;
        }
    }
}
