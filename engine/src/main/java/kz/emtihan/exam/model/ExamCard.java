package kz.emtihan.exam.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the student's exam card says before they start (issue 15, 6): whether they are admitted (5.30), what
 * proctoring will ask of them (5.17.2), and where the window they may start in stands with the time left. Only words
 * for the card: start-attempt.lua still decides every start, and refuses the same cases.
 */
public final class ExamCard {
    private ExamCard() {}

    /** 5.30: the clause that admits or refuses by the admission rating. */
    public static final String ADMISSION_RULE = "5.30";

    /**
     * @param rating the student's admission rating on the roster; none: admitted without one
     * @param minimum the regulation's minimum rating
     */
    public record Admission(boolean admitted, Optional<Double> rating, int minimum) {}

    /** 5.30, as start-attempt.lua applies it: a rating below the minimum refuses; no rating admits. */
    public static Admission admission(Optional<Double> rating, int minimum) {
        return new Admission(rating.map(r -> r >= minimum).orElse(true), rating, minimum);
    }

    /** What the student must have ready for a proctored exam (5.17.2). */
    public enum Requirement {
        CAMERA("camera"),
        MICROPHONE("microphone"),
        WHOLE_SCREEN("whole-screen"),
        ID_CARD("id-card");

        private final String code;

        Requirement(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * The camera records with the microphone; the identity photo is taken with the camera beside the ID card; screen
     * proctoring shares the whole screen, never a window (the pre-check refuses anything else).
     */
    public static List<Requirement> requirements(Exam.Proctoring p) {
        List<Requirement> out = new ArrayList<>();
        if (p.camera() || p.identity()) out.add(Requirement.CAMERA);
        if (p.camera()) out.add(Requirement.MICROPHONE);
        if (p.screen()) out.add(Requirement.WHOLE_SCREEN);
        if (p.identity()) out.add(Requirement.ID_CARD);
        return List.copyOf(out);
    }

    public enum Phase {
        UPCOMING("upcoming"),
        OPEN("open"),
        CLOSED("closed");

        private final String code;

        Phase(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A window the student may start in: the exam's, or their individual statement's (5.35). */
    public record Window(Instant opensAt, Instant closesAt) {
        boolean holds(Instant now) {
            return !now.isBefore(opensAt) && now.isBefore(closesAt);
        }
    }

    /**
     * @param window the window the phase is about (the next one when upcoming, the last one when closed)
     * @param personal whether that window is the student's individual statement (5.35)
     * @param secondsLeft until the window opens (upcoming), closes (open), or 0 (closed)
     * @param minutesIfStarted open: how long an attempt started now would last, the duration cut by the close (5.20.3)
     */
    public record Timing(
            Phase phase, Window window, boolean personal, long secondsLeft, Optional<Long> minutesIfStarted) {}

    /**
     * The exam's window, or the individual statement's while it holds or when it is the next to open (5.35, as
     * start-attempt.lua chooses): open, upcoming (the earlier of the two that are still ahead) or closed.
     *
     * @param duration the exam's duration with the student's extra time
     */
    public static Timing timing(Window exam, Optional<Window> statement, Duration duration, Instant now) {
        if (statement.isPresent() && statement.get().holds(now)) return open(statement.get(), true, duration, now);
        if (exam.holds(now)) return open(exam, false, duration, now);
        Optional<Window> next = Optional.empty();
        if (now.isBefore(exam.opensAt())) next = Optional.of(exam);
        if (statement.isPresent()
                && now.isBefore(statement.get().opensAt())
                && next.map(n -> statement.get().opensAt().isBefore(n.opensAt()))
                        .orElse(true)) next = statement;
        if (next.isPresent()) {
            Window w = next.get();
            boolean personal = statement.isPresent() && w == statement.get();
            return new Timing(Phase.UPCOMING, w, personal, seconds(now, w.opensAt()), Optional.empty());
        }
        boolean personal = statement.isPresent() && statement.get().closesAt().isAfter(exam.closesAt());
        return new Timing(Phase.CLOSED, personal ? statement.get() : exam, personal, 0, Optional.empty());
    }

    private static Timing open(Window w, boolean personal, Duration duration, Instant now) {
        Instant end = Deadline.of(now, duration, w.closesAt());
        return new Timing(
                Phase.OPEN,
                w,
                personal,
                seconds(now, w.closesAt()),
                Optional.of(Duration.between(now, end).toMinutes()));
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
