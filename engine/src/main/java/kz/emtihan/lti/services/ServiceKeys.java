package kz.emtihan.lti.services;

/**
 * Every Redis key of grades back and rosters from the course (issue 16, 3-4), spelled once. All share the hash tag
 * {@code {lti-services}}: on a Cluster (issue 14, 2) they live in one slot, so each script runs there whatever the
 * exam. The volume is small (one hash per graded student of a linked exam), so one slot carries it.
 */
final class ServiceKeys {
    private static final String P = "lti:{lti-services}:";

    private ServiceKeys() {}

    /** A student's grade on its way to the platform: the score, its state, the platform's last answer. */
    static String grade(String examId, String studentId) {
        return P + "grade:" + examId + ":" + studentId;
    }

    /** The queue member of a grade job, and the key back from it. */
    static String member(String examId, String studentId) {
        return examId + " " + studentId;
    }

    static String[] ofMember(String member) {
        return member.split(" ", 2);
    }

    /** Set of the queue members of one exam's grades (what the results page lists). */
    static String gradesOfExam(String examId) {
        return P + "exam:" + examId + ":grades";
    }

    /** Sorted set of grade jobs, member -> when (epoch ms) it is due: queued, retried, or its lease ends. */
    static String due() {
        return P + "due";
    }

    /** Sorted set of the exams whose roster is kept in sync with their course, exam -> when the last sync began. */
    static String syncedExams() {
        return P + "synced-exams";
    }

    /** Set of the students a sync put on the exam's roster (the only ones a later sync may take off). */
    static String synced(String examId) {
        return P + "exam:" + examId + ":synced";
    }

    /** A short lock: one node syncs one exam's roster at a time. */
    static String syncLock(String examId) {
        return P + "exam:" + examId + ":sync-lock";
    }

    /** Issue 16 (1): held while a launch or a sync changes the exam's roster ({@link RosterLock}). */
    static String rosterLock(String examId) {
        return P + "exam:" + examId + ":roster-lock";
    }

    /** The exam's audit trail of grades back and roster syncs: JSON events, oldest first. */
    static String audit(String examId) {
        return P + "exam:" + examId + ":audit";
    }
}
