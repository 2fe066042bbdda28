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
import kz.emtihan.exam.Progress;
import kz.emtihan.proctor.model.Credibility;
import kz.emtihan.proctor.model.FlagKind;

/**
 * The proctor dashboard's starting state (issue 4, 5): every student of the exam with status, time left,
 * connection, identity, latest snapshot and flag counts, riskiest first; live events then keep it current.
 */
final class Dashboard {
  private final Progress progress;
  private final ProctorStore store;
  private final boolean mediaServer;

  /** @param mediaServer a Kurento Media Server records and relays live views (the page watches through it) */
  Dashboard(Progress progress, ProctorStore store, boolean mediaServer) {
    this.progress = progress;
    this.store = store;
    this.mediaServer = mediaServer;
  }

  Future<JsonObject> of(Caller caller, String examId) {
    return progress.of(caller, examId).compose(p -> {
      List<JsonObject> rows = new ArrayList<>();
      p.getJsonArray("students").forEach(o -> rows.add((JsonObject) o));
      List<String> attemptIds = rows.stream().map(r -> r.getString("attemptId")).filter(java.util.Objects::nonNull).toList();
      return store.fieldsOf(attemptIds).map(all -> {
        for (int i = 0; i < attemptIds.size(); i++) {
          String id = attemptIds.get(i);
          JsonObject row = rows.stream().filter(r -> id.equals(r.getString("attemptId"))).findFirst().orElseThrow();
          augment(row, all.get(i));
        }
        for (JsonObject r : rows) if (r.getString("attemptId") == null) augment(r, Map.of());
        rows.sort(Comparator.comparingInt((JsonObject r) -> r.getInteger("risk")).reversed()
            .thenComparing(r -> r.getString("studentId")));
        return p.put("students", new JsonArray(new ArrayList<>(rows))).put("kurento", mediaServer);
      });
    });
  }

  static void augment(JsonObject row, Map<String, String> f) {
    Map<FlagKind, Integer> counts = new EnumMap<>(FlagKind.class);
    JsonObject flagCounts = new JsonObject();
    for (FlagKind k : FlagKind.values()) {
      String n = f.get("count:" + k.code());
      if (n != null) {
        counts.put(k, Integer.parseInt(n));
        flagCounts.put(k.code(), Integer.parseInt(n));
      }
    }
    int risk = Credibility.risk(counts);
    row.put("identityStatus", f.getOrDefault("identityStatus", "none")).put("lastSnapshotAt", f.get("lastSnapshotAt"))
        .put("faces", f.containsKey("faces") ? Integer.parseInt(f.get("faces")) : null).put("flagCounts", flagCounts)
        .put("unclear", Integer.parseInt(f.getOrDefault("unclear", "0")))
        .put("flags", Integer.parseInt(f.getOrDefault("flags", "0"))).put("risk", risk)
        .put("credibility", Credibility.ofCounts(counts)).put("name", row.getString("studentId"))
        .put("verdict", f.containsKey("verdict") ? new JsonObject(f.get("verdict")).getString("verdict") : null);
  }
}
