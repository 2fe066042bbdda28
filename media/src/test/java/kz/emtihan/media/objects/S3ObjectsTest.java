package kz.emtihan.media.objects;

import java.util.concurrent.atomic.AtomicInteger;
import kz.emtihan.media.recording.ObjectRecordings;
import kz.emtihan.media.recording.RecordingStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Issue 14 (1): the storage contract on a real S3 server (s3proxy, started here), a new bucket per test. */
class S3ObjectsTest extends ObjectStoreContract {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    static TestS3 s3;
    S3Objects current;

    @BeforeAll
    static void startS3() {
        s3 = TestS3.start();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @AfterEach
    void closeClient() {
        if (current != null) current.close();
    }

    @Override
    ObjectStore store() {
        current = s3.bucket("contract-" + BUCKETS.incrementAndGet());
        return current;
    }

    @Override
    RecordingStorage recordings() {
        return new ObjectRecordings(store(), 65536);
    }
}
