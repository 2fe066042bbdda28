package kz.emtihan.proctor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import kz.emtihan.config.ObjectSettings;
import kz.emtihan.media.objects.LocalObjects;
import kz.emtihan.media.objects.ObjectStore;
import kz.emtihan.media.objects.S3Objects;
import kz.emtihan.media.recording.ObjectRecordings;
import kz.emtihan.media.recording.RecordingStorage;
import kz.emtihan.media.recording.RecordingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 (1): the storage port as proctoring uses it. {@code objects.store: local} keeps the layout the engine
 * always had under the data directory ({@code proctoring/<attempt>/...} through {@link LocalObjects}, and
 * {@code recordings/<attempt>/<stream>/<n>.webm} appended by {@link RecordingStore}); {@code s3} puts the same keys
 * in the bucket, the recordings one object per chunk ({@link ObjectRecordings}), so every node serves everything.
 */
record MediaStorage(ObjectStore objects, RecordingStorage recordings) implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaStorage.class);

    static MediaStorage open(ObjectSettings settings, Path dataDir, int maxChunkBytes) throws IOException {
        Optional<kz.emtihan.media.objects.S3Location> s3 = settings.s3();
        if (s3.isEmpty())
            return new MediaStorage(
                    new LocalObjects(dataDir), new RecordingStore(dataDir.resolve("recordings"), maxChunkBytes));
        S3Objects bucket = new S3Objects(s3.get());
        try {
            bucket.check(false);
        } catch (IllegalStateException e) {
            bucket.close();
            throw new IllegalStateException("objects.store s3: " + e.getMessage(), e);
        }
        log.info("media kept in {}", bucket.describe());
        return new MediaStorage(bucket, new ObjectRecordings(bucket, maxChunkBytes));
    }

    /** Issue 14 (1): the store is a bucket (not the data directory), so a media server's files are moved there. */
    boolean remote() {
        return !(objects instanceof LocalObjects);
    }

    @Override
    public void close() {
        objects.close();
    }
}
