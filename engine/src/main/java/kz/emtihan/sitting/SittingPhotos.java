package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Role;
import kz.emtihan.http.Rejection;

/**
 * The photographs of the checks before the draw (6.15.6): the student's ID card ({@code id-card}, taken by the student
 * in the waiting room or by the secretary from the video), the secretary's camera snapshot of the student's face
 * beside it ({@code identity}) and of the desk and room ({@code room}). The bytes are kept apart from the sitting's
 * document ({@code sitting:<id>:photo:<student>:<kind>}); the document records who took each, when, and its SHA-256,
 * so an appeal can see what the secretary saw. The identity and room steps require them (SittingSteps).
 */
public final class SittingPhotos {
  static final List<String> KINDS = List.of("id-card", "identity", "room");
  static final int MAX_BYTES = 1024 * 1024;
  private final Sittings sittings;
  private final Redis redis;

  SittingPhotos(Sittings sittings, Redis redis) {
    this.sittings = sittings;
    this.redis = redis;
  }

  static String key(String id, String student, String kind) {
    return SittingStore.key(id) + ":photo:" + student + ":" + kind;
  }

  /** Keeps one photo (JPEG or PNG, at most 1 MB), replacing an earlier one of the same kind before its step is done. */
  public Future<JsonObject> put(Caller caller, String id, String student, String kind, String contentType, Buffer bytes) {
    if (!KINDS.contains(kind)) return Future.failedFuture(Rejection.notFound("photo kind", kind));
    String type = imageType(bytes);
    if (type == null || !type.equals(contentType == null ? "" : contentType.split(";")[0].trim())) {
      return Future.failedFuture(Rejection.badRequest("bad-photo", "a photo is a JPEG or PNG image sent with its own Content-Type"));
    }
    if (bytes.length() > MAX_BYTES) return Future.failedFuture(Rejection.badRequest("bad-photo", "a photo is at most 1 MB"));
    String at = sittings.live().serverNow().toString();
    JsonObject record = new JsonObject().put("at", at).put("by", caller.id()).put("contentType", type)
        .put("bytes", bytes.length()).put("sha256", sha256(bytes));
    return sittings.store().get(id).compose(doc -> {
      check(doc, caller, student, kind); // refused before anything is written
      return redis.send(Request.cmd(Command.SET).arg(key(id, student, kind)).arg(bytes));
    }).compose(v -> sittings.store().update(id, "photo", doc -> {
      check(doc, caller, student, kind);
      JsonObject p = SittingJson.progress(doc, student);
      JsonObject photos = p.getJsonObject("photos");
      if (photos == null) p.put("photos", photos = new JsonObject());
      photos.put(kind, record.copy().put("by", caller.id()));
      return doc;
    })).map(doc -> record);
  }

  private static void check(JsonObject doc, Caller caller, String student, String kind) {
    if (!SittingJson.strings(doc.getJsonArray("students")).contains(student)) throw Rejection.notFound("student of the sitting", student);
    if (doc.getString("endedAt") != null) throw Rejection.conflict("sitting-closed", "the sitting is closed");
    String role = SittingView.roleOf(doc, caller.id());
    boolean ownIdCard = kind.equals("id-card") && caller.id().equals(student);
    if (!"secretary".equals(role) && !ownIdCard) {
      throw Rejection.forbidden("the secretary takes the photos; a student sends only their own ID card");
    }
    JsonObject p = SittingJson.progress(doc.copy(), student);
    String doneBy = kind.equals("room") ? "room" : "identity";
    if (p.getValue(doneBy) != null) throw Rejection.conflict("already", "the " + doneBy + " check is done; its photos are kept as they were");
  }

  /** A photo, for the commission, the secretary, an administrator and the student it shows. */
  public Future<Photo> get(Caller caller, String id, String student, String kind) {
    if (!KINDS.contains(kind)) return Future.failedFuture(Rejection.notFound("photo kind", kind));
    return sittings.store().get(id).compose(doc -> {
      String role = SittingView.roleOf(doc, caller.id());
      boolean commission = List.of("secretary", "chair", "member").contains(role);
      if (!commission && !caller.has(Role.ADMIN) && !caller.id().equals(student)) {
        return Future.failedFuture(Rejection.forbidden("the commission and the student see the photos"));
      }
      JsonObject photos = SittingJson.progress(doc.copy(), student).getJsonObject("photos");
      JsonObject record = photos == null ? null : photos.getJsonObject(kind);
      if (record == null) return Future.failedFuture(Rejection.notFound("photo", kind));
      return redis.send(Request.cmd(Command.GET).arg(key(id, student, kind)))
          .map(r -> new Photo(record.getString("contentType"), r == null ? Buffer.buffer() : r.toBuffer()));
    });
  }

  public record Photo(String contentType, Buffer bytes) {}

  /** "image/jpeg" or "image/png" by the file's own signature, else null. */
  static String imageType(Buffer b) {
    if (b.length() >= 3 && (b.getByte(0) & 0xff) == 0xFF && (b.getByte(1) & 0xff) == 0xD8 && (b.getByte(2) & 0xff) == 0xFF) return "image/jpeg";
    if (b.length() >= 8 && b.getLong(0) == 0x89504E470D0A1A0AL) return "image/png";
    return null;
  }

  private static String sha256(Buffer b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.getBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
