package kz.emtihan.media.objects;

import java.nio.file.Path;
import kz.emtihan.media.recording.RecordingStorage;
import kz.emtihan.media.recording.RecordingStore;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 (1): the storage contract on the local directory (the default adapter and today's recording files). */
class LocalObjectsTest extends ObjectStoreContract {
    @TempDir
    Path dir;

    @Override
    ObjectStore store() throws Exception {
        return new LocalObjects(dir.resolve("objects"));
    }

    @Override
    RecordingStorage recordings() throws Exception {
        return new RecordingStore(dir.resolve("recordings"), 65536);
    }
}
