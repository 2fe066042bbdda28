package kz.emtihan.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import kz.emtihan.audit.model.Receipt;

/**
 * Ed25519 (JDK) signatures over receipts. The key pair is generated once and kept in
 * {@code <dataDir>/receipt-ed25519.key} (PKCS#8) and {@code .pub} (X.509); Ed25519 is deterministic, so
 * signing the same receipt twice gives the same signature.
 */
public final class ReceiptSigner {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  public ReceiptSigner(KeyPair pair) {
    this.privateKey = pair.getPrivate();
    this.publicKey = pair.getPublic();
  }

  public static ReceiptSigner fromDataDir(Path dataDir) {
    Path priv = dataDir.resolve("receipt-ed25519.key");
    Path pub = dataDir.resolve("receipt-ed25519.pub");
    try {
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      if (Files.exists(priv) && Files.exists(pub)) {
        return new ReceiptSigner(new KeyPair(
            kf.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(Files.readString(pub).trim()))),
            kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(priv).trim())))));
      }
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Files.createDirectories(dataDir);
      Files.writeString(priv, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
      try {
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      Files.writeString(pub, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
      return new ReceiptSigner(pair);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the receipt key in " + dataDir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
  }

  public String sign(Receipt r) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(r.signedText().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks a signature with a public key given as base64 X.509, as printed on the receipt. */
  public static boolean verify(Receipt r, String signature, String publicKeyBase64) {
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(r.signedText().getBytes(StandardCharsets.UTF_8));
      return s.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }
}
