package kz.emtihan.statement;

import kz.emtihan.exam.ExamKeys;
import kz.emtihan.store.Ids;
import kz.emtihan.store.Slots;

/**
 * Every Redis key of the statement context, spelled once. Issue 14 (2): a new statement's id ends with its exam's id
 * ({@code st<random>-<examId>}) and its keys carry, as a hash tag, what decides the slot of the exam's personal windows
 * ({@link ExamKeys#personalWindows}), so replace-statement.lua (the statement, its audit, the open guard and the
 * personal window the issue opens) runs on one Cluster slot. A statement made before has an id without {@code -} and
 * keeps its keys exactly as they were.
 */
public final class StatementKeys {
    private StatementKeys() {}

    /** A new statement's id: random, then {@code -} and the exam's id. */
    public static String newId(String examId) {
        return Ids.prefixed("st") + "-" + examId;
    }

    /** The statement's hash (version, doc). */
    public static String statement(String id) {
        int dash = id.lastIndexOf('-');
        if (dash < 0 || dash == id.length() - 1) return "statement:" + id;
        String examId = id.substring(dash + 1);
        return "statement:" + id.substring(0, dash + 1) + "{" + Slots.hashed(ExamKeys.personalWindows(examId)) + "}";
    }

    /** The scanned document (bytes, never in the document). */
    public static String scan(String id) {
        return statement(id) + ":scan";
    }

    /** Every step with who and when. */
    public static String audit(String id) {
        return statement(id) + ":audit";
    }

    /** The set of every statement's id. */
    public static String all() {
        return "statements";
    }

    /** The student's statements' ids. */
    public static String ofStudent(String studentId) {
        return "student:" + studentId + ":statements";
    }

    /** The id of the student's open application on the exam (5.34), in the slot of the exam's personal windows. */
    public static String openGuard(String examId, String studentId) {
        return Slots.beside(ExamKeys.personalWindows(examId), ":open:" + studentId);
    }

    /** The guard's name before issue 14 (renamed once by {@code upgrade.SlottedKeys}; a fixed old name). */
    public static String openGuardBefore14(String examId, String studentId) {
        return "exam:" + examId + ":statement-open:" + studentId;
    }

    /** The audit of an exam's accommodations (extra time), in the slot of its extra-time hash: one MULTI writes both. */
    public static String accommodationsAudit(String examId) {
        return Slots.beside(ExamKeys.extraTime(examId), ":audit");
    }

    /** That audit's name before issue 14 (renamed once by {@code upgrade.SlottedKeys}; a fixed old name). */
    public static String accommodationsAuditBefore14(String examId) {
        return "exam:" + examId + ":accommodations:audit";
    }
}
