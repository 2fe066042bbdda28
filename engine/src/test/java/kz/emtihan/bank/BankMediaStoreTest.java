package kz.emtihan.bank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.store.ScriptRedis;
import org.junit.jupiter.api.Test;

class BankMediaStoreTest {
    static final String PNG = "a".repeat(64);
    static final String MP3 = "b".repeat(64);

    @Test
    void filesComeBackByteForByteAndOnlyFromTheirOwnBank() throws Exception {
        BankMediaStore store = new BankMediaStore(ScriptRedis.shared().redis());
        byte[] picture = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, 13, 10};
        store.put("media-test-1", List.of(new MediaFile(PNG, "image/png", picture)))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        Map<String, MediaFile> found = store.get("media-test-1", List.of(PNG, MP3))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertEquals(List.of(PNG), List.copyOf(found.keySet()), "a file the bank does not have is absent");
        assertArrayEquals(picture, found.get(PNG).bytes(), "binary bytes survive, zero and 0xff included");
        assertEquals("image/png", found.get(PNG).type());
        Map<String, MediaFile> other = store.get("media-test-2", List.of(PNG))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertEquals(Map.of(), other, "another bank does not see it");
    }
}
