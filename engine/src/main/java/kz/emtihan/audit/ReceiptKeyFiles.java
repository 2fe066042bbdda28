package kz.emtihan.audit;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import kz.emtihan.audit.model.KeyRing;
import kz.emtihan.audit.model.ReceiptKey;

/**
 * The receipt keys in the data directory, which every engine node shares:
 * <ul>
 *   <li>{@code receipt-ed25519.key} (PKCS#8, base64) and {@code receipt-ed25519.pub} (X.509, base64): the current
 *       pair, as before key rings existed;</li>
 *   <li>{@code receipt-keys.json}: the published list, every key with its period;</li>
 *   <li>{@code receipt-keys/<keyId>.key}: the private halves of retired keys, kept so that an attempt finished
 *       before a rotation is signed with the key of its period; delete one after a compromise.</li>
 * </ul>
 * A data directory of an older engine (the pair without a list) gets a list whose one key is valid from the start
 * of the UTC day its files were written, so receipts it already signed stay valid.
 */
final class ReceiptKeyFiles {
    static final String PRIVATE = "receipt-ed25519.key";
    static final String PUBLIC = "receipt-ed25519.pub";
    static final String LIST = "receipt-keys.json";
    static final String RETIRED = "receipt-keys";
    static final String LOCK = "receipt-keys.lock";
    /** A file lock is held per process: threads (and test engines) of one JVM take turns here first. */
    private static final Object IN_THIS_JVM = new Object();

    /** The ring with the private keys at hand, and the list file's time when read. */
    record Loaded(KeyRing ring, Map<String, PrivateKey> privateKeys, FileTime listTime) {}

    private final Path dir;

    ReceiptKeyFiles(Path dir) {
        this.dir = dir;
    }

    /** Reads the keys, making the first pair and list if there are none; under the data directory's lock. */
    Loaded load() {
        synchronized (IN_THIS_JVM) {
            try (Locked ignored = lock()) {
                return loadLocked();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the receipt keys in " + dir, e);
            }
        }
    }

    /** A lock file held across processes: nodes sharing the directory make one pair and one list, not one each. */
    private record Locked(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private Locked lock() throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return new Locked(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private Loaded loadLocked() {
        try {
            Path priv = dir.resolve(PRIVATE);
            Path pub = dir.resolve(PUBLIC);
            Path list = dir.resolve(LIST);
            Instant since;
            if (Files.exists(priv) && Files.exists(pub)) {
                FileTime a = Files.getLastModifiedTime(priv);
                FileTime b = Files.getLastModifiedTime(pub);
                since = (a.compareTo(b) < 0 ? a : b).toInstant();
            } else {
                writePair(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
                since = Instant.now();
            }
            String publicKey = Files.readString(pub).trim();
            KeyRing ring;
            if (Files.exists(list)) {
                ring = KeyRingJson.fromJson(new JsonObject(Files.readString(list)));
                if (!ring.current().keyId().equals(ReceiptKey.idOf(publicKey))) {
                    throw new IllegalStateException("the current key in " + list + " is "
                            + ring.current().keyId() + " but " + pub + " holds " + ReceiptKey.idOf(publicKey)
                            + ": restore the pair or the list");
                }
            } else {
                ring = KeyRing.of(ReceiptKey.of(publicKey, since.truncatedTo(ChronoUnit.DAYS)));
                writeList(ring);
            }
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            Map<String, PrivateKey> privates = new HashMap<>();
            privates.put(ring.current().keyId(), privateKey(kf, priv));
            for (ReceiptKey k : ring.keys()) {
                Path retired = dir.resolve(RETIRED).resolve(k.keyId() + ".key");
                if (!k.current() && Files.exists(retired)) privates.put(k.keyId(), privateKey(kf, retired));
            }
            return new Loaded(ring, Map.copyOf(privates), Files.getLastModifiedTime(list));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the receipt keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /** Whether the list changed on disk since {@code l} was read (another node rotated the key). */
    boolean changedSince(Loaded l) {
        try {
            return !Files.getLastModifiedTime(dir.resolve(LIST)).equals(l.listTime());
        } catch (IOException e) {
            return false;
        }
    }

    /** Keeps the current private key as retired, makes a new pair current from {@code at}, then writes the list. */
    ReceiptKey rotate(Instant when) {
        Instant at = when.truncatedTo(ChronoUnit.MILLIS); // the precision of every time a receipt carries
        synchronized (IN_THIS_JVM) {
            return rotateLocked(at);
        }
    }

    private ReceiptKey rotateLocked(Instant at) {
        try (Locked ignored = lock()) {
            Loaded before = loadLocked();
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            KeyRing next = before.ring()
                    .rotate(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), at);
            Files.createDirectories(dir.resolve(RETIRED));
            writeSecret(
                    dir.resolve(RETIRED).resolve(before.ring().current().keyId() + ".key"),
                    Files.readString(dir.resolve(PRIVATE)).trim());
            writePair(pair);
            writeList(next);
            return next.current();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the receipt keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    private void writePair(KeyPair pair) throws IOException {
        Files.createDirectories(dir);
        writeSecret(
                dir.resolve(PRIVATE),
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        writeAtomically(
                dir.resolve(PUBLIC),
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }

    private void writeList(KeyRing ring) throws IOException {
        writeAtomically(dir.resolve(LIST), KeyRingJson.toJson(ring).encodePrettily() + "\n");
    }

    private static PrivateKey privateKey(KeyFactory kf, Path file) throws IOException, GeneralSecurityException {
        return kf.generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(Files.readString(file).trim())));
    }

    private static void writeSecret(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        move(tmp, file);
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        move(tmp, file);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
