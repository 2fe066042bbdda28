package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Role;
import kz.emtihan.grade.model.Grade;
import kz.emtihan.http.Rejection;
import kz.emtihan.sitting.model.IncompleteGrade;

/**
 * 6.15.2-6.15.3: a student who cannot sit remotely, or is absent for a valid reason, applies with a scanned document;
 * the chair allows or refuses; an allowed postponement gives the grade "I" with a deadline (a master's applicant by
 * 10 July, from config), which turns into "F" by itself once the deadline passes without a result. The scan is kept
 * apart from the sitting's document ({@code sitting:<id>:postponement:<n>}).
 */
public final class SittingPostponements {
  private static final int MAX_SCAN_BYTES = 700 * 1024;
  private static final Set<String> SCAN_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
  private final Sittings sittings;
  private final Redis redis;

  SittingPostponements(Sittings sittings, Redis redis) {
    this.sittings = sittings;
    this.redis = redis;
  }

  /** {@code {"reason", "document": {"contentType", "base64"}}} from a student of the sitting, before its result. */
  public Future<JsonObject> apply(Caller caller, String id, JsonObject body) {
    String reason = body.getValue("reason") instanceof String r ? r.trim() : "";
    if (reason.isEmpty() || reason.length() > 4000) return Future.failedFuture(Rejection.badRequest("bad-field", "'reason' is text of 1 to 4000 characters"));
    JsonObject document = body.getValue("document") instanceof JsonObject d ? d : null;
    byte[] scan;
    try {
      scan = document == null ? null : Base64.getDecoder().decode(document.getString("base64", ""));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(Rejection.badRequest("bad-document", "'document.base64' is not base64"));
    }
    if (scan == null || scan.length == 0 || scan.length > MAX_SCAN_BYTES || !SCAN_TYPES.contains(document.getString("contentType", ""))) {
      return Future.failedFuture(Rejection.badRequest("bad-document",
          "the scanned document (PDF, JPEG or PNG, at most 700 KB) is required as {contentType, base64}"));
    }
    Instant now = sittings.live().serverNow();
    String[] pid = new String[1];
    return sittings.store().update(id, "postponement", doc -> {
      if (!"student".equals(SittingView.roleOf(doc, caller.id()))) throw Rejection.forbidden("a student of the sitting applies");
      if (SittingJson.progress(doc, caller.id()).getValue("result") != null) throw Rejection.conflict("graded", "the exam is already graded");
      pid[0] = "pp-" + (doc.getJsonArray("postponements").size() + 1);
      doc.getJsonArray("postponements").add(new JsonObject().put("id", pid[0]).put("studentId", caller.id()).put("reason", reason)
          .put("appliedAt", now.toString()).put("documentType", document.getString("contentType"))
          .put("to", doc.getJsonObject("commission").getString("chair")));
      return doc;
    }).compose(doc -> redis.send(Request.cmd(Command.SET).arg(SittingStore.key(id) + ":postponement:" + pid[0]).arg(Buffer.buffer(scan)))
        .map(x -> SittingAfter.find(doc.getJsonArray("postponements"), pid[0], "postponement")));
  }

  /** The chair allows (the grade becomes "I" with its deadline) or refuses, with a reason. */
  public Future<JsonObject> decide(Caller caller, String id, String pid, JsonObject body) {
    if (!(body.getValue("allowed") instanceof Boolean allowed)) return Future.failedFuture(Rejection.badRequest("bad-field", "'allowed' is true or false"));
    String reason = body.getValue("reason") instanceof String r ? r.trim() : "";
    if (!allowed && reason.isEmpty()) return Future.failedFuture(Rejection.badRequest("reason-required", "say why the postponement is refused"));
    Instant now = sittings.live().serverNow();
    return sittings.store().update(id, "postponement-decided", doc -> {
      if (!"chair".equals(SittingView.roleOf(doc, caller.id()))) throw Rejection.forbidden("the chair decides (6.15.3)");
      JsonObject p = SittingAfter.find(doc.getJsonArray("postponements"), pid, "postponement");
      if (p.getValue("allowed") != null) throw Rejection.conflict("decided", "the chair has decided");
      p.put("allowed", allowed).put("decisionReason", reason).put("decidedAt", now.toString()).put("decidedBy", caller.id());
      if (allowed) {
        var rules = sittings.rules();
        IncompleteGrade i = IncompleteGrade.forMastersApplicant(p.getString("studentId"), rules.calendar().dayOf(now),
            rules.mastersDeadline(), rules.calendar().zone());
        SittingJson.progress(doc, p.getString("studentId")).put("incomplete", new JsonObject().put("deadline", i.deadline().toString()))
            .put("status", "postponed");
      }
      return doc;
    }).map(doc -> SittingAfter.find(doc.getJsonArray("postponements"), pid, "postponement"));
  }

  /** The scan, for the chair, the secretary, an administrator and the student who sent it. */
  public Future<Buffer> document(Caller caller, String id, String pid) {
    return sittings.store().get(id).compose(doc -> {
      JsonObject p = SittingAfter.find(doc.getJsonArray("postponements"), pid, "postponement");
      String role = SittingView.roleOf(doc, caller.id());
      if (!caller.has(Role.ADMIN) && !"chair".equals(role) && !"secretary".equals(role) && !caller.id().equals(p.getString("studentId"))) {
        return Future.failedFuture(Rejection.forbidden("the chair, the secretary and the applicant see the document"));
      }
      return redis.send(Request.cmd(Command.GET).arg(SittingStore.key(id) + ":postponement:" + pid))
          .map(r -> r == null ? Buffer.buffer() : r.toBuffer());
    });
  }

  /** "I", "F" once its deadline passed without a result, or the letter of a result published in time (6.15.3). */
  static Optional<JsonObject> standing(JsonObject progress, Instant now, int maxScore) {
    JsonObject incomplete = progress.getJsonObject("incomplete");
    if (incomplete == null) return Optional.empty();
    Instant deadline = Instant.parse(incomplete.getString("deadline"));
    IncompleteGrade i = IncompleteGrade.until(progress.getString("studentId", "student"), deadline);
    JsonObject result = progress.getJsonObject("result");
    if (result != null && progress.getString("publishedAt") != null && Instant.parse(progress.getString("publishedAt")).isBefore(deadline)) {
      i = i.graded(new Grade(result.getDouble("points"), maxScore, result.getDouble("percent"), result.getString("letter"),
          result.getDouble("gpa"), result.getString("traditional")), Instant.parse(progress.getString("publishedAt")));
    }
    IncompleteGrade.Standing s = i.at(now);
    return Optional.of(new JsonObject().put("letter", s.letter()).put("status", s.status().name().toLowerCase(java.util.Locale.ROOT))
        .put("deadline", deadline.toString()));
  }
}
