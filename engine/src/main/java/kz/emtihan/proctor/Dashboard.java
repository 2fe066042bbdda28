package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.Exams;
import kz.emtihan.exam.Progress;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.proctor.model.Credibility;
import kz.emtihan.proctor.model.EvidenceKind;
import kz.emtihan.proctor.model.FlagKind;
import kz.emtihan.proctor.model.Stage;

/**
 * The proctor dashboard's starting state (issue 4, 5): every student of the exam with status, time left,
 * connection, identity, latest snapshot, flag counts and the evidence missing now. Students stuck before their
 * questions (identity missing, rejected or pending, no snapshot yet) come first, then the riskiest (issue 10, 4);
 * live events then keep it current.
 */
final class Dashboard {
    private final Progress progress;
    private final ProctorStore store;
    private final boolean mediaServer;
    private final Exams exams;

    /** @param mediaServer a Kurento Media Server records and relays live views (the page watches through it) */
    Dashboard(Progress progress, ProctorStore store, boolean mediaServer, Exams exams) {
        this.progress = progress;
        this.store = store;
        this.mediaServer = mediaServer;
        this.exams = exams;
    }

    Future<JsonObject> of(Caller caller, String examId) {
        return progress.of(caller, examId)
                .compose(p -> exams.exam(examId).compose(exam -> {
                    List<JsonObject> rows = new ArrayList<>();
                    p.getJsonArray("students").forEach(o -> rows.add((JsonObject) o));
                    List<String> attemptIds = rows.stream()
                            .map(r -> r.getString("attemptId"))
                            .filter(java.util.Objects::nonNull)
                            .toList();
                    return store.fieldsOf(attemptIds).map(all -> {
                        for (int i = 0; i < attemptIds.size(); i++) {
                            String id = attemptIds.get(i);
                            JsonObject row = rows.stream()
                                    .filter(r -> id.equals(r.getString("attemptId")))
                                    .findFirst()
                                    .orElseThrow();
                            augment(row, all.get(i), exam.proctoring());
                        }
                        for (JsonObject r : rows)
                            if (r.getString("attemptId") == null) augment(r, Map.of(), exam.proctoring());
                        rows.sort(Comparator.comparing((JsonObject r) -> !r.getBoolean("stuck"))
                                .thenComparing(Comparator.comparingInt((JsonObject r) -> r.getInteger("risk"))
                                        .reversed())
                                .thenComparing(r -> r.getString("studentId")));
                        return p.put("students", new JsonArray(new ArrayList<>(rows)))
                                .put("kurento", mediaServer)
                                .put(
                                        "proctoring",
                                        new JsonObject()
                                                .put("camera", exam.proctoring().camera())
                                                .put("screen", exam.proctoring().screen())
                                                .put(
                                                        "identity",
                                                        exam.proctoring().identity()));
                    });
                }));
    }

    static void augment(JsonObject row, Map<String, String> f, Exam.Proctoring proctoring) {
        Map<FlagKind, Integer> counts = new EnumMap<>(FlagKind.class);
        JsonObject flagCounts = new JsonObject();
        for (FlagKind k : FlagKind.values()) {
            String n = f.get("count:" + k.code());
            if (n != null) {
                counts.put(k, Integer.parseInt(n));
                flagCounts.put(k.code(), Integer.parseInt(n));
            }
        }
        JsonArray missing = new JsonArray();
        for (EvidenceKind k : EvidenceKind.values()) if (f.containsKey("missing:" + k.code())) missing.add(k.code());
        String identityStatus = f.getOrDefault("identityStatus", "none");
        Stage stage = Stage.of(
                row.getString("status"),
                row.containsKey("hold"),
                identityStatus,
                proctoring.camera(),
                f.containsKey("lastSnapshotAt"));
        boolean recordingMissing = missing.contains(EvidenceKind.CAMERA_RECORDING.code())
                || missing.contains(EvidenceKind.SCREEN_RECORDING.code());
        boolean snapshotsMissing = missing.contains(EvidenceKind.SNAPSHOTS.code()) || stage == Stage.NO_SNAPSHOT;
        boolean photosMissing =
                proctoring.identity() && stage != Stage.NOT_STARTED && !f.containsKey("identitySubmittedAt");
        Credibility.Evidence evidence =
                new Credibility.Evidence(recordingMissing ? 0 : 1, snapshotsMissing ? 0 : 1, photosMissing ? 0 : 1);
        int risk = Credibility.risk(counts);
        row.put("identityStatus", identityStatus)
                .put("lastSnapshotAt", f.get("lastSnapshotAt"))
                .put("faces", f.containsKey("faces") ? Integer.parseInt(f.get("faces")) : null)
                .put("flagCounts", flagCounts)
                .put("unclear", Integer.parseInt(f.getOrDefault("unclear", "0")))
                .put("flags", Integer.parseInt(f.getOrDefault("flags", "0")))
                .put("risk", risk)
                .put("stage", stage.code())
                .put("stuck", stage.stuck())
                .put("missing", missing)
                .put("credibility", Credibility.ofCounts(counts, evidence))
                .put("name", row.getString("name", row.getString("studentId"))) // issue 15 (2): Progress names it
                .put(
                        "verdict",
                        f.containsKey("verdict") ? new JsonObject(f.get("verdict")).getString("verdict") : null);
    }
}
