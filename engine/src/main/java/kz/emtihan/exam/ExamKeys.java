package kz.emtihan.exam;

import kz.emtihan.store.Ids;

/**
 * Every Redis key and pub/sub channel of the exam context, spelled once (DESIGN.md "Store"). Other contexts that read
 * an exam's or an attempt's data, and the live hub that relays the exam's events, take the names from here. The Lua
 * scripts get them as KEYS and ARGV, never spell them.
 */
public final class ExamKeys {
    private ExamKeys() {}

    /** Set of every exam id. */
    public static String exams() {
        return "exams";
    }

    /** The exam's hash (its JSON, owner, proctors). */
    public static String exam(String id) {
        return "exam:" + id;
    }

    /** The exam's frozen questions: question id -> stored JSON. */
    public static String examQuestions(String id) {
        return "exam:" + id + ":questions";
    }

    /**
     * 5.20.1-5.20.3: the exams of one discipline and kind scheduled in one period, exam id -> the week it opens in;
     * written with the exam in one script (schedule-exam.lua), so two creations cannot both pass a limit.
     */
    public static String schedule(String periodKey, String kind, String discipline) {
        return "schedule:" + periodKey + ":" + kind + ":" + discipline;
    }

    /** 5.36-5.38: the retakes of an exam (the first of its chain), exam id -> the week it opens in. */
    public static String retakes(String firstExamId) {
        return "exam:" + firstExamId + ":retakes";
    }

    /** Set of the students allowed to sit the exam. */
    public static String roster(String id) {
        return "exam:" + id + ":roster";
    }

    /** 5.30: student -> admission rating (absent: admitted). */
    public static String admission(String id) {
        return "exam:" + id + ":admission";
    }

    /**
     * 5.35: student -> their personal window on the exam from an individual statement, {@code fromMs:untilMs}; read by
     * start-attempt.lua with the roster.
     */
    public static String personalWindows(String id) {
        return "exam:" + id + ":personal";
    }

    /** Student -> extra minutes of their accommodation; read by start-attempt.lua with the roster. */
    public static String extraTime(String id) {
        return "exam:" + id + ":extra-time";
    }

    /** 6.10: student -> the two midterm ratings the admission rating is the mean of (JSON list), when the roster gave them. */
    public static String midterms(String id) {
        return "exam:" + id + ":midterms";
    }

    /** Student -> when their page was last connected (written by the live hub). */
    public static String presence(String id) {
        return "exam:" + id + ":presence";
    }

    /** Student -> their one attempt at the exam (5.20.3). */
    public static String examAttempts(String id) {
        return "exam:" + id + ":attempts";
    }

    /** Set of the exams a student is on the roster of. */
    public static String studentExams(String studentId) {
        return "student:" + studentId + ":exams";
    }

    /**
     * Issue 14 (2): a new attempt's id ends with its exam's id after the last {@code -}, so that every key of the
     * attempt carries the exam's hash tag ({@link #slotted}) and a Lua script over them runs on one Redis Cluster slot.
     */
    static String newAttemptId(String examId) {
        return Ids.prefixed("a") + "-" + examId;
    }

    /**
     * The attempt id as its keys spell it: the exam part between braces, a Redis hash tag ({@code a7k..-{e3m..}}), so
     * all keys of one exam's attempts share one Cluster slot. An attempt begun before issue 14 has no exam part and
     * keeps its keys exactly as they were (no rename: a standalone store keeps working as it is).
     */
    public static String slotted(String attemptId) {
        int dash = attemptId.lastIndexOf('-');
        if (dash < 0 || dash == attemptId.length() - 1) return attemptId;
        return attemptId.substring(0, dash + 1) + "{" + attemptId.substring(dash + 1) + "}";
    }

    /** The attempt's hash: status, times, seed, paper, hold, grade. */
    public static String attempt(String id) {
        return "attempt:" + slotted(id);
    }

    /** Question -> {@code seq|at|choices}. */
    public static String answers(String id) {
        return attempt(id) + ":answers";
    }

    /** Set of the questions with a non-empty answer. */
    public static String answered(String id) {
        return attempt(id) + ":answered";
    }

    /** The attempt's hash-chained event log (docs/verification.md). */
    public static String log(String id) {
        return attempt(id) + ":log";
    }

    /** The signed receipt (JSON). */
    public static String receipt(String id) {
        return attempt(id) + ":receipt";
    }

    /** Sorted set: attempt -> deadline (epoch ms); the sweeper's work list. */
    public static String deadlines() {
        return "deadlines";
    }

    /** Set of finalised attempts not graded yet. */
    public static String toGrade() {
        return "to-grade";
    }

    /** The channel of an exam's events (attempt started/finished, answer saved, flags, presence) for its watchers. */
    public static String examChannel(String examId) {
        return examChannelPrefix() + examId;
    }

    /**
     * {@link #examChannel} without the exam id, for a script that learns the exam from the attempt's hash
     * (finalise-attempt.lua) and appends it.
     */
    public static String examChannelPrefix() {
        return ExamFeed.TOPIC.channel("");
    }

    /** The channel of one attempt's events for its student's page (attempt-closed, proctor messages). */
    public static String attemptChannel(String attemptId) {
        return AttemptFeed.TOPIC.channel(attemptId);
    }
}
