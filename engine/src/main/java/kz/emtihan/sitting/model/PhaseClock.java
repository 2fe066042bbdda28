package kz.emtihan.sitting.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * 6.15.6: one student's phases, WAITING → PREPARATION → ANSWER → DONE, timed by the server's clock (every
 * {@code now} is the server's instant; the browser only shows a countdown). Immutable: each step returns a new clock.
 * <ul>
 *   <li>Preparation lasts up to {@link PhaseLimits#preparationMax()}; the secretary may end it sooner (the student
 *       is ready). At its deadline the answer starts by itself, at the deadline instant.</li>
 *   <li>The answer lasts up to {@link PhaseLimits#answerMax()} and ends by itself at its deadline. The secretary may
 *       end it sooner; before {@link PhaseLimits#answerMin()} only with a stated reason ("the student has finished"),
 *       which is kept, so nobody cuts a student short without it being on record. The original says the answer is
 *       given "up to 10-15 minutes", so the minimum is a guard, not an obligation to keep talking.</li>
 * </ul>
 * A deadline is reached at the deadline instant itself ({@code now >= deadline}). An instant earlier than the last
 * recorded one is refused: the server clock does not go back.
 */
public record PhaseClock(
        PhaseLimits limits,
        Phase phase,
        Optional<Instant> preparationStarted,
        Optional<Instant> answerStarted,
        Optional<Instant> answerEnded,
        Optional<String> earlyEndReason) {

    /** A step the current phase does not allow (ending a phase that is not running, going back, ...). */
    public static final class IllegalTransition extends IllegalStateException {
        private final Phase from;

        public IllegalTransition(Phase from, String message) {
            super(message + " (phase is " + from + ")");
            this.from = from;
        }

        public Phase from() {
            return from;
        }
    }

    public PhaseClock {
        boolean prep = preparationStarted.isPresent();
        boolean answer = answerStarted.isPresent();
        boolean done = answerEnded.isPresent();
        boolean consistent = switch (phase) {
            case WAITING -> !prep && !answer && !done;
            case PREPARATION -> prep && !answer && !done;
            case ANSWER -> prep && answer && !done;
            case DONE -> prep && answer && done;
        };
        if (!consistent) throw new IllegalArgumentException("the recorded instants do not fit phase " + phase);
        if (answer && answerStarted.get().isBefore(preparationStarted.get())
                || done && answerEnded.get().isBefore(answerStarted.get())) {
            throw new IllegalArgumentException("the recorded instants are out of order");
        }
        if (earlyEndReason.isPresent() && !done)
            throw new IllegalArgumentException("only an ended answer has a reason");
    }

    /** A student who has not started: identification, room check and the draw come first. */
    public static PhaseClock waiting(PhaseLimits limits) {
        return new PhaseClock(
                limits, Phase.WAITING, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The clock as it stands at {@code now}: a phase whose deadline has been reached has ended at its deadline. */
    public PhaseClock at(Instant now) {
        requireNotBefore(now);
        PhaseClock c = this;
        if (c.phase == Phase.PREPARATION
                && !now.isBefore(c.preparationDeadline().orElseThrow())) {
            c = c.toAnswer(c.preparationDeadline().orElseThrow());
        }
        if (c.phase == Phase.ANSWER && !now.isBefore(c.answerDeadline().orElseThrow())) {
            c = c.toDone(c.answerDeadline().orElseThrow(), Optional.empty());
        }
        return c;
    }

    /** 6.15.6: the ticket's questions are shown; preparation starts now. */
    public PhaseClock startPreparation(Instant now) {
        PhaseClock c = at(now);
        if (c.phase != Phase.WAITING) throw new IllegalTransition(c.phase, "preparation has already started");
        return new PhaseClock(
                limits, Phase.PREPARATION, Optional.of(now), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The secretary ends preparation before its deadline (the student is ready); the answer starts now. */
    public PhaseClock endPreparation(Instant now) {
        PhaseClock c = at(now);
        if (c.phase != Phase.PREPARATION) {
            String why = c.phase == Phase.WAITING ? "preparation has not started" : "preparation has already ended";
            throw new IllegalTransition(c.phase, why);
        }
        return c.toAnswer(now);
    }

    /**
     * The secretary ends the answer before its deadline.
     *
     * @param reason why, recorded with the clock; required when the answer has lasted less than the minimum
     */
    public PhaseClock endAnswer(Instant now, String reason) {
        PhaseClock c = at(now);
        if (c.phase != Phase.ANSWER) {
            String why = c.phase == Phase.DONE ? "the answer has already ended" : "the answer has not started";
            throw new IllegalTransition(c.phase, why);
        }
        Optional<String> stated = Optional.ofNullable(reason).map(String::strip).filter(r -> !r.isEmpty());
        Instant earliest = c.answerStarted.orElseThrow().plus(limits.answerMin());
        if (now.isBefore(earliest) && stated.isEmpty()) {
            throw new IllegalTransition(
                    c.phase,
                    "an answer shorter than " + limits.answerMin().toMinutes()
                            + " minutes can only be ended with a reason");
        }
        return c.toDone(now, stated);
    }

    public Optional<Instant> preparationDeadline() {
        return preparationStarted.map(s -> s.plus(limits.preparationMax()));
    }

    public Optional<Instant> answerDeadline() {
        return answerStarted.map(s -> s.plus(limits.answerMax()));
    }

    /** The deadline of the phase running at {@code now}; empty while waiting or done. */
    public Optional<Instant> deadlineAt(Instant now) {
        PhaseClock c = at(now);
        return switch (c.phase) {
            case PREPARATION -> c.preparationDeadline();
            case ANSWER -> c.answerDeadline();
            case WAITING, DONE -> Optional.empty();
        };
    }

    /** Time left in the phase running at {@code now}; empty while waiting or done. */
    public Optional<Duration> remaining(Instant now) {
        return deadlineAt(now).map(d -> Duration.between(now, d));
    }

    /** Whether the answer was ended before the minimum (then {@link #earlyEndReason()} says why). */
    public boolean endedBeforeMinimum() {
        return answerEnded.isPresent()
                && answerEnded.get().isBefore(answerStarted.orElseThrow().plus(limits.answerMin()));
    }

    private PhaseClock toAnswer(Instant at) {
        return new PhaseClock(
                limits, Phase.ANSWER, preparationStarted, Optional.of(at), Optional.empty(), Optional.empty());
    }

    private PhaseClock toDone(Instant at, Optional<String> reason) {
        return new PhaseClock(limits, Phase.DONE, preparationStarted, answerStarted, Optional.of(at), reason);
    }

    private void requireNotBefore(Instant now) {
        Optional<Instant> last = answerEnded.or(() -> answerStarted).or(() -> preparationStarted);
        if (last.isPresent() && now.isBefore(last.get())) {
            throw new IllegalArgumentException("time went back: " + now + " is before " + last.get());
        }
    }
}
