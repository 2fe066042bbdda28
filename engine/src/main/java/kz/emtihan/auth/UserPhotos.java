package kz.emtihan.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.model.Role;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.store.RedisStore;
import kz.emtihan.upload.ImageBodies;

/**
 * The enrolment photo of an account: the photo the university holds of the person, which the secretary sees beside
 * the ID card and the camera snapshot at the identity check of a sitting (6.15.6). An administrator keeps it (a JPEG
 * or PNG, at most 1 MB); the bytes are kept apart from the account ({@code {user:<id>}:photo}, in its slot), the account's hash has
 * {@code photo} = {@code {"contentType", "bytes", "sha256", "at", "by"}} beside them, both written in one MULTI/EXEC (one slot: {@link AuthKeys#userPhoto}).
 */
public final class UserPhotos {
    private static final String FIELD = "photo";
    private final Redis redis;
    private final RedisStore store;
    /** Issue 14 (1): with a bucket, the bytes are there (PhotoObjects); the record stays in the account's hash. */
    private volatile PhotoObjects objects = PhotoObjects.NONE;

    UserPhotos(RedisStore store) {
        this.store = store;
        this.redis = store.redis();
    }

    static String key(String id) {
        return AuthKeys.userPhoto(id);
    }

    /** Issue 14 (1): new photos' bytes go to the bucket; photos kept before are still read from Redis. */
    public void keepBytesIn(kz.emtihan.objects.Blobs blobs) {
        objects = new PhotoObjects(blobs);
    }

    /** A photo as served: its type and bytes. */
    public record Photo(String contentType, Buffer bytes) {}

    /** Keeps (or replaces) the account's photo, for an administrator; 404 for no account, 400 {@code bad-photo}. */
    public Future<JsonObject> put(Caller caller, String id, String contentType, Buffer bytes) {
        if (!caller.has(Role.ADMIN)) return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
        String type;
        try {
            type = ImageBodies.photoType(contentType, bytes);
        } catch (Refusal bad) {
            return Future.failedFuture(bad);
        }
        return exists(id).compose(v -> redis.send(Request.cmd(Command.TIME))).compose(time -> {
            Instant at = Instant.ofEpochSecond(time.get(0).toLong(), time.get(1).toLong() * 1000);
            JsonObject record = new JsonObject()
                    .put("contentType", type)
                    .put("bytes", bytes.length())
                    .put("sha256", ImageBodies.sha256(bytes))
                    .put("at", at.toString())
                    .put("by", caller.id());
            return objects.put(id, record.getString("sha256"), bytes)
                    .compose(inBucket -> store.atomically(List.of(
                            inBucket
                                    ? Request.cmd(Command.DEL).arg(key(id)) // no older bytes left in Redis
                                    : Request.cmd(Command.SET).arg(key(id)).arg(bytes),
                            Request.cmd(Command.HSET)
                                    .arg(AuthKeys.user(id))
                                    .arg(FIELD)
                                    .arg(record.encode()))))
                    .compose(done -> objects.replaced(id, record.getString("sha256")))
                    .map(done -> record);
        });
    }

    /** The account's photo, for an administrator and the person themself; 404 when there is none. */
    public Future<Photo> get(Caller caller, String id) {
        if (!caller.has(Role.ADMIN) && !caller.id().equals(id)) {
            return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
        }
        return read(id).compose(p -> p.map(Future::succeededFuture)
                .orElseGet(() ->
                        Future.failedFuture(Refusal.of(CommonRefusal.NOT_FOUND, AuthTexts.enrolmentPhoto(), id))));
    }

    /** Takes the account's photo away, for an administrator; 404 for no account. */
    public Future<Void> delete(Caller caller, String id) {
        if (!caller.has(Role.ADMIN)) return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
        return exists(id)
                .compose(v -> store.atomically(List.of(
                        Request.cmd(Command.DEL).arg(key(id)),
                        Request.cmd(Command.HDEL).arg(AuthKeys.user(id)).arg(FIELD))))
                .compose(v -> objects.delete(id))
                .mapEmpty();
    }

    /**
     * The account's photo with no check of who asks: for services that have checked already (a sitting shows its
     * students' photos to its commission). Read in one MULTI/EXEC, so the type and the bytes are of the same upload.
     */
    public Future<Optional<Photo>> read(String id) {
        return store.atomically(List.of(
                        Request.cmd(Command.HGET).arg(AuthKeys.user(id)).arg(FIELD),
                        Request.cmd(Command.GET).arg(key(id))))
                .compose(replies -> {
                    Response meta = replies.get(0);
                    Response bytes = replies.get(1);
                    if (meta == null) return Future.succeededFuture(Optional.<Photo>empty());
                    JsonObject record = new JsonObject(meta.toString());
                    if (bytes != null) { // kept in Redis (before the bucket, or objects.store: local)
                        return Future.succeededFuture(
                                Optional.of(new Photo(record.getString("contentType"), bytes.toBuffer())));
                    }
                    return objects.get(id, record.getString("sha256", ""))
                            .map(b -> b.map(found -> new Photo(record.getString("contentType"), found)));
                });
    }

    /** The listing of accounts with {@code "photo": true|false} on each, in one pipelined batch. */
    public Future<JsonArray> flagged(JsonArray accounts) {
        if (accounts.isEmpty()) return Future.succeededFuture(accounts);
        List<Request> batch = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            batch.add(Request.cmd(Command.HEXISTS)
                    .arg(AuthKeys.user(accounts.getJsonObject(i).getString("id")))
                    .arg(FIELD));
        }
        return store.pipeline(batch).map(replies -> {
            for (int i = 0; i < accounts.size(); i++)
                accounts.getJsonObject(i).put("photo", replies.get(i).toInteger() == 1);
            return accounts;
        });
    }

    private Future<Void> exists(String id) {
        if (!Users.ID.matcher(id).matches()) return Future.failedFuture(Users.notFound(id));
        return redis.send(Request.cmd(Command.HEXISTS).arg(AuthKeys.user(id)).arg("name"))
                .compose(r ->
                        r.toInteger() == 1 ? Future.<Void>succeededFuture() : Future.failedFuture(Users.notFound(id)));
    }
}
