package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kz.emtihan.config.ProctorSettings;
import kz.emtihan.exam.AttemptExtras;
import kz.emtihan.exam.model.Exam;

/**
 * Proctoring's part of an attempt view (docs/proctoring.md): what the page must record and how, the identity
 * state, and, under the {@code wait} policy, no questions until a proctor has approved the student (5.17.2).
 */
final class ProctorExtras implements AttemptExtras {
  private final ProctorSettings settings;
  private final ProctorStore store;

  ProctorExtras(ProctorSettings settings, ProctorStore store) {
    this.settings = settings;
    this.store = store;
  }

  static boolean proctored(Exam exam) {
    Exam.Proctoring p = exam.proctoring();
    return p.camera() || p.screen() || p.identity();
  }

  @Override
  public boolean holdAtStart(Exam exam) {
    return exam.proctoring().identity() && settings.identityPolicy() == ProctorSettings.IdentityPolicy.WAIT;
  }

  @Override
  public Future<JsonObject> decorate(JsonObject view, Exam exam, boolean held) {
    if (!proctored(exam)) return Future.succeededFuture(view.putNull("proctoring"));
    return store.fields(view.getString("id")).map(f -> {
      JsonObject p = settings.toJson().put("camera", exam.proctoring().camera()).put("screen", exam.proctoring().screen())
          .put("identity", exam.proctoring().identity()).put("identityStatus", f.getOrDefault("identityStatus", "none"))
          .put("held", held);
      if (held) view.put("questions", new JsonArray()).put("answers", new JsonObject());
      return view.put("proctoring", p);
    });
  }
}
