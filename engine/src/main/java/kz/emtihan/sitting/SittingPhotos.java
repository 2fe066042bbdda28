package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.UserPhotos;
import kz.emtihan.auth.model.Role;
import kz.emtihan.objects.Blobs;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.Sitting;
import kz.emtihan.sitting.model.SittingRole;
import kz.emtihan.sitting.model.SittingWords;
import kz.emtihan.sitting.model.StudentRecord;
import kz.emtihan.sitting.model.StudentStep;
import kz.emtihan.upload.ImageBodies;

/**
 * The photographs of the checks before the draw (6.15.6): the student's ID card ({@code id-card}, taken by the student
 * in the waiting room or by the secretary from the video), the secretary's camera snapshot of the student's face
 * beside it ({@code identity}) and of the desk and room ({@code room}). The bytes are kept apart from the sitting's
 * document ({@code sitting:<id>:photo:<student>:<kind>}); the document records who took each, when, and its SHA-256,
 * so an appeal can see what the secretary saw. The identity and room steps require them (SittingSteps). Beside them
 * the student's enrolment photo ({@code enrolment}), kept with the account (UserPhotos), is read here by those who see
 * the sitting's photos, never written: the sitting does not change accounts.
 */
public final class SittingPhotos {
    /** The kinds taken at the checks, kept with the sitting. */
    static final List<String> KINDS = List.of("id-card", "identity", "room");
    /** The kind read from the student's account. */
    static final String ENROLMENT = "enrolment";

    static final int MAX_BYTES = ImageBodies.MAX_PHOTO_BYTES;
    private final Sittings sittings;
    private final Redis redis;
    private final UserPhotos enrolment;
    /** Issue 14 (1): with a bucket, the bytes are there, named by their SHA-256 (recorded in the sitting). */
    private volatile java.util.Optional<Blobs> bucket = java.util.Optional.empty();

    SittingPhotos(Sittings sittings, Redis redis, UserPhotos enrolment) {
        this.sittings = sittings;
        this.redis = redis;
        this.enrolment = enrolment;
    }

    static String key(String id, String student, String kind) {
        return SittingKeys.photo(id, student, kind);
    }

    /**
     * Issue 14 (1): new photos' bytes go to the bucket as {@code sitting-photos/<sitting>/<student>/<kind>/<sha256>}
     * (ids base64url); photos taken before are still read from Redis.
     */
    public void keepBytesIn(Blobs blobs) {
        bucket = java.util.Optional.of(blobs);
    }

    static String folder(String id, String student, String kind) {
        return "sitting-photos/" + Blobs.part(id) + "/" + Blobs.part(student) + "/" + kind + "/";
    }

    /**
     * Keeps one photo (JPEG or PNG, at most 1 MB), replacing an earlier one of the same kind before its step is done.
     * The enrolment photo is refused before this, at the edge (405 read-only-photo, SittingRoutes).
     */
    public Future<JsonObject> put(
            Caller caller, String id, String student, String kind, String contentType, Buffer bytes) {
        if (!KINDS.contains(kind)) return Future.failedFuture(notFound("photo-kind", kind));
        String type;
        try {
            type = ImageBodies.photoType(contentType, bytes);
        } catch (RuntimeException bad) {
            return Future.failedFuture(bad);
        }
        Instant now = sittings.live().serverNow();
        StudentRecord.Photo photo =
                new StudentRecord.Photo(now, caller.id(), type, bytes.length(), ImageBodies.sha256(bytes));
        UnaryOperator<Sitting> take = sitting -> sitting.photograph(
                student,
                kind,
                photo,
                sitting.requirePart(
                        caller.id(), kind.equals("room") ? StudentStep.ROOM_PHOTO : StudentStep.IDENTITY_PHOTO),
                now);
        return sittings.store()
                .get(id)
                .compose(doc -> {
                    take.apply(SittingJson.read(doc, sittings.rules())); // refused before anything is written
                    return bucket.isPresent()
                            ? bucket.get().put(folder(id, student, kind) + photo.sha256(), bytes)
                            : redis.send(Request.cmd(Command.SET)
                                            .arg(key(id, student, kind))
                                            .arg(bytes))
                                    .mapEmpty();
                })
                .compose(v -> sittings.apply(id, "photo", take))
                .compose(doc -> bucket.isEmpty() // a photo replaced before its step was done: its older bytes go
                        ? Future.succeededFuture(doc)
                        : bucket.get()
                                .deleteOthers(folder(id, student, kind), folder(id, student, kind) + photo.sha256())
                                .map(doc))
                .map(doc -> new JsonObject()
                        .put("at", now.toString())
                        .put("by", caller.id())
                        .put("contentType", type)
                        .put("bytes", bytes.length())
                        .put("sha256", photo.sha256()));
    }

    /** A photo, for the commission, the secretary, an administrator and the student it shows. */
    public Future<Photo> get(Caller caller, String id, String student, String kind) {
        if (!KINDS.contains(kind) && !kind.equals(ENROLMENT)) return Future.failedFuture(notFound("photo-kind", kind));
        return sittings.store().get(id).compose(doc -> {
            String role = SittingView.roleOf(doc, caller.id());
            boolean commission = SittingJson.parts(doc)
                    .roleOf(caller.id())
                    .map(SittingRole::examines)
                    .orElse(false);
            if (!commission && !caller.has(Role.ADMIN) && !(caller.id().equals(student) && "student".equals(role))) {
                return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN)); // the commission and the student
            }
            if (kind.equals(ENROLMENT)) {
                if (!SittingJson.strings(doc.getJsonArray("students")).contains(student)) {
                    return Future.failedFuture(notFound("student", student));
                }
                return enrolment
                        .read(student)
                        .compose(p -> p.map(e -> Future.succeededFuture(new Photo(e.contentType(), e.bytes())))
                                .orElseGet(() -> Future.failedFuture(notFound("photo", kind))));
            }
            JsonObject photos = SittingJson.progress(doc.copy(), student).getJsonObject("photos");
            JsonObject record = photos == null ? null : photos.getJsonObject(kind);
            if (record == null) return Future.failedFuture(notFound("photo", kind));
            String type = record.getString("contentType");
            String sha = record.getString("sha256", "");
            if (bucket.isPresent() && sha.matches("[0-9a-f]{64}")) {
                return bucket.get()
                        .get(folder(id, student, kind) + sha)
                        .compose(b -> b.isPresent()
                                ? Future.succeededFuture(new Photo(type, b.get()))
                                : fromRedis(id, student, kind, type)); // taken before the bucket
            }
            return fromRedis(id, student, kind, type);
        });
    }

    private Future<Photo> fromRedis(String id, String student, String kind, String type) {
        return redis.send(Request.cmd(Command.GET).arg(key(id, student, kind)))
                .map(r -> new Photo(type, r == null ? Buffer.buffer() : r.toBuffer()));
    }

    public record Photo(String contentType, Buffer bytes) {}

    private static Refusal notFound(String what, String id) {
        return Refusal.of(CommonRefusal.NOT_FOUND, SittingWords.thing(what), id);
    }
}
