package kz.emtihan.proctor;

import kz.emtihan.exam.ExamKeys;
import kz.emtihan.proctor.model.EvidenceKind;

/**
 * Every Redis key of the proctoring context, spelled once (docs/proctoring.md). Its events go on the exam's and the
 * attempt's channels ({@code exam.ExamKeys}).
 */
public final class ProctorKeys {
    private ProctorKeys() {}

    /**
     * Per attempt: identity, last snapshot, flag counts, missing evidence, verdict. Issue 14 (2): spelled with the
     * attempt's hash tag ({@code ExamKeys.slotted}), so raise-flag.lua and observe.lua run on one Cluster slot.
     */
    public static String proctor(String attemptId) {
        return "proctor:" + ExamKeys.slotted(attemptId);
    }

    /** The attempt's flags, numbered in order. */
    public static String flags(String attemptId) {
        return proctor(attemptId) + ":flags";
    }

    /** The proctoring audit trail, apart from the attempt's own (signed) log. */
    public static String audit(String attemptId) {
        return proctor(attemptId) + ":audit";
    }

    /** Recent snapshot observations (PresenceRule's window). */
    public static String observations(String attemptId) {
        return proctor(attemptId) + ":obs";
    }

    /**
     * Sorted set of the exam's attempts watched for this kind of evidence: attempt -> last seen (epoch ms). Issue 14
     * (2): per exam, in its slot ({@code ExamKeys.evidenceWatched}).
     */
    public static String evidenceWatched(String examId, EvidenceKind kind) {
        return ExamKeys.evidenceWatched(examId, kind.code());
    }

    /** Sorted set of the exam's attempts in a gap of this kind of evidence: attempt -> last seen. */
    public static String evidenceGaps(String examId, EvidenceKind kind) {
        return ExamKeys.evidenceGaps(examId, kind.code());
    }
}
