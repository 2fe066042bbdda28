package kz.emtihan.media.objects;

import java.nio.file.Path;
import kz.emtihan.media.recording.ObjectRecordings;
import kz.emtihan.media.recording.RecordingStorage;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 (1): the chunk-per-object recordings kept by the S3 adapter also hold on the local adapter of the port. */
class ObjectRecordingsOnLocalTest extends ObjectStoreContract {
    @TempDir
    Path dir;

    @Override
    ObjectStore store() throws Exception {
        return new LocalObjects(dir.resolve("objects"));
    }

    @Override
    RecordingStorage recordings() throws Exception {
        return new ObjectRecordings(store(), 65536);
    }
}
