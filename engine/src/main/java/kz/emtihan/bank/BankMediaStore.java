package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.bank.media.ImportMedia;
import kz.emtihan.bank.media.MediaLimits;
import kz.emtihan.bank.media.MediaRefs;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.QuestionDraft;
import kz.emtihan.objects.Blobs;
import kz.emtihan.refusal.Problem;

/**
 * A bank's pictures and sounds in Redis ({@link BankKeys#bankMedia}), content-addressed: the same bytes are stored
 * once per bank, and a file is never changed nor deleted (a question deleted or edited may still be on an exam's frozen
 * paper, which shows the file from here). What may be stored (type, size) is decided before {@link #put}
 * ({@code bank.media}).
 */
public final class BankMediaStore {
    private final Redis redis;
    private final MediaLimits limits;
    /** Issue 14 (1): with a bucket, the bytes are there ({@code bank-media/<sha256>}), the types stay in Redis. */
    private volatile Optional<Blobs> bucket = Optional.empty();

    public BankMediaStore(Redis redis) {
        this(redis, MediaLimits.DEFAULT);
    }

    /** @param limits what one file and one import may hold ({@code bankMedia} in emtihan.yaml) */
    public BankMediaStore(Redis redis, MediaLimits limits) {
        this.redis = redis;
        this.limits = limits;
    }

    public MediaLimits limits() {
        return limits;
    }

    /**
     * Issue 14 (1): new files' bytes go to the bucket, content-addressed across banks ({@code bank-media/<sha256>}: the
     * same bytes once), while the bank's hash keeps {@code <hash>:type}, which says the bank has the file. Files stored
     * before are still read from Redis.
     */
    public void keepBytesIn(Blobs blobs) {
        bucket = Optional.of(blobs);
    }

    static String objectKey(String hash) {
        return "bank-media/" + hash;
    }

    /** Stores the files (one HSET: all land or none); a file already there is written again unchanged. */
    public Future<Void> put(String bankId, Collection<MediaFile> files) {
        if (files.isEmpty()) return Future.succeededFuture();
        Optional<Blobs> objects = bucket;
        Request r = Request.cmd(Command.HSET).arg(BankKeys.bankMedia(bankId));
        for (MediaFile f : files) {
            if (objects.isEmpty()) r.arg(f.hash()).arg(Buffer.buffer(f.bytes()));
            r.arg(f.hash() + ":type").arg(f.type());
        }
        if (objects.isEmpty()) return redis.send(r).mapEmpty();
        // the bytes first: a type in the bank's hash always names bytes the bucket has
        return Future.all(files.stream()
                        .map(f -> objects.get().put(objectKey(f.hash()), Buffer.buffer(f.bytes())))
                        .toList())
                .compose(stored -> redis.send(r))
                .mapEmpty();
    }

    /**
     * What refers to a file the bank does not have, in questions sent as JSON (the bank editor's {@code <img
     * data-media>}): one problem per file and question, by the question's index. Empty when every file is there.
     */
    public Future<List<Problem>> unknownIn(String bankId, List<QuestionDraft> drafts) {
        Map<Integer, java.util.Set<String>> wanted = new LinkedHashMap<>();
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            java.util.Set<String> hashes = new java.util.LinkedHashSet<>();
            for (String html : ImportMedia.texts(drafts.get(i))) hashes.addAll(MediaRefs.hashes(html));
            if (!hashes.isEmpty()) wanted.put(i, hashes);
            all.addAll(hashes);
        }
        if (all.isEmpty()) return Future.succeededFuture(List.of());
        List<String> asked = new ArrayList<>(all);
        Request r = Request.cmd(Command.HMGET).arg(BankKeys.bankMedia(bankId));
        for (String h : asked) r.arg(h + ":type");
        return redis.send(r).map(types -> {
            java.util.Set<String> missing = new java.util.HashSet<>();
            for (int i = 0; i < asked.size(); i++) if (types.get(i) == null) missing.add(asked.get(i));
            List<Problem> out = new ArrayList<>();
            wanted.forEach((index, hashes) -> hashes.stream()
                    .filter(missing::contains)
                    .forEach(h -> out.add(Problem.index(index, ImportMedia.unknownFile(h)))));
            return out;
        });
    }

    /** The named files the bank has, by hash; a hash it does not have is absent from the map. */
    public Future<Map<String, MediaFile>> get(String bankId, Collection<String> hashes) {
        if (hashes.isEmpty()) return Future.succeededFuture(Map.of());
        List<String> wanted = new ArrayList<>(hashes);
        Request r = Request.cmd(Command.HMGET).arg(BankKeys.bankMedia(bankId));
        for (String h : wanted) r.arg(h).arg(h + ":type");
        Optional<Blobs> objects = bucket;
        return redis.send(r).compose(values -> {
            Map<String, MediaFile> out = new LinkedHashMap<>();
            List<Future<Optional<Buffer>>> fetched = new ArrayList<>();
            List<String> inBucket = new ArrayList<>();
            for (int i = 0; i < wanted.size(); i++) {
                Response bytes = values.get(2 * i);
                Response type = values.get(2 * i + 1);
                if (type == null) continue;
                if (bytes != null) { // stored in Redis (before the bucket, or with objects.store: local)
                    out.put(wanted.get(i), new MediaFile(wanted.get(i), type.toString(), bytes.toBytes()));
                } else if (objects.isPresent()) {
                    inBucket.add(wanted.get(i));
                    fetched.add(objects.get().get(objectKey(wanted.get(i))));
                    out.put(wanted.get(i), null); // keeps the asked order
                }
            }
            if (fetched.isEmpty()) return Future.succeededFuture(out);
            return Future.all(fetched).map(done -> {
                for (int i = 0; i < inBucket.size(); i++) {
                    String h = inBucket.get(i);
                    Optional<Buffer> b = done.resultAt(i);
                    String type = values.get(2 * wanted.indexOf(h) + 1).toString();
                    if (b.isPresent()) out.put(h, new MediaFile(h, type, b.get().getBytes()));
                    else out.remove(h);
                }
                return out;
            });
        });
    }
}
