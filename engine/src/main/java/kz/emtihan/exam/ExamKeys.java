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

    /**
     * Issue 14 (2): the prefix of the exam's keys that a Lua script touches together with its attempts' keys: the exam
     * id as a Redis hash tag, the same tag {@link #slotted} gives every key of its attempts, so start-attempt.lua,
     * finalise-attempt.lua, release-hold.lua and the evidence scripts run on one Cluster slot. Keys read or written on
     * their own (the exam's hash, its questions, presence) keep their names.
     */
    private static String tagged(String id) {
        return "exam:{" + id + "}";
    }

    /** Set of the students allowed to sit the exam. */
    public static String roster(String id) {
        return tagged(id) + ":roster";
    }

    /** 5.30: student -> admission rating (absent: admitted). */
    public static String admission(String id) {
        return tagged(id) + ":admission";
    }

    /**
     * 5.35: student -> their personal window on the exam from an individual statement, {@code fromMs:untilMs}; read by
     * start-attempt.lua with the roster.
     */
    public static String personalWindows(String id) {
        return tagged(id) + ":personal";
    }

    /** Student -> extra minutes of their accommodation; read by start-attempt.lua with the roster. */
    public static String extraTime(String id) {
        return tagged(id) + ":extra-time";
    }

    /**
     * 6.10: student -> the two midterm ratings the admission rating is the mean of (JSON list), when the roster gave
     * them. Tagged like the roster and the admission ratings, which one MULTI replaces with it.
     */
    public static String midterms(String id) {
        return tagged(id) + ":midterms";
    }

    /** Student -> when their page was last connected (written by the live hub). */
    public static String presence(String id) {
        return "exam:" + id + ":presence";
    }

    /** Student -> their one attempt at the exam (5.20.3). */
    public static String examAttempts(String id) {
        return tagged(id) + ":attempts";
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

    /**
     * The exam an attempt's id names (issue 14, 2: {@link #newAttemptId}); empty for an attempt begun before, whose
     * exam only its hash knows.
     */
    public static java.util.Optional<String> examOf(String attemptId) {
        int dash = attemptId.lastIndexOf('-');
        if (dash < 0 || dash == attemptId.length() - 1) return java.util.Optional.empty();
        return java.util.Optional.of(attemptId.substring(dash + 1));
    }

    /** Sorted set of the exam's open attempts: attempt -> deadline (epoch ms); the sweeper's work list (issue 14, 2). */
    public static String deadlines(String examId) {
        return tagged(examId) + ":deadlines";
    }

    /** Set of the exam's finalised attempts not graded yet (issue 14, 2). */
    public static String toGrade(String examId) {
        return tagged(examId) + ":to-grade";
    }

    /**
     * Sorted set of the exam's attempts watched for one kind of evidence ({@code proctor.model.EvidenceKind} code):
     * attempt -> last seen (epoch ms). Issue 14 (2): in the exam's slot, beside the attempts the evidence scripts read.
     */
    public static String evidenceWatched(String examId, String kindCode) {
        return tagged(examId) + ":evidence:" + kindCode;
    }

    /** Sorted set of the exam's attempts in a gap of one kind of evidence: attempt -> last seen. */
    public static String evidenceGaps(String examId, String kindCode) {
        return evidenceWatched(examId, kindCode) + ":gap";
    }

    /**
     * Issue 14 (2): sorted set of the exams that may have open, ungraded or watched attempts, exam id -> when a node
     * last added it (epoch ms); the sweeper and the evidence scan walk these exams' sets ({@link SweepIndex}).
     */
    public static String sweepExams() {
        return "sweep:exams";
    }

    /** Before issue 14 (2): one sorted set of every open attempt; emptied into {@link #deadlines(String)}. */
    public static String deadlines() {
        return "deadlines";
    }

    /** Before issue 14 (2): one set of every attempt to grade; emptied into {@link #toGrade(String)}. */
    public static String toGrade() {
        return "to-grade";
    }

    /** Before issue 14 (2): one watched set per evidence kind; emptied into {@link #evidenceWatched(String, String)}. */
    public static String evidenceWatched(String kindCode) {
        return "evidence:" + kindCode;
    }

    /** Before issue 14 (2): one gap set per evidence kind; emptied into {@link #evidenceGaps(String, String)}. */
    public static String evidenceGaps(String kindCode) {
        return "evidence:" + kindCode + ":gap";
    }

    /** Marker of the one-time renaming of the exam keys of a store written before issue 14 (2) (ExamKeysMigration). */
    public static String examKeysMigrated() {
        return "migrated:exam-keys-v2";
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
