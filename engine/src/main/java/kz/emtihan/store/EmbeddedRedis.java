package kz.emtihan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The Redis server shipped inside {@code com.github.codemonstur:embedded-redis}, started as a child
 * process: loopback only, a generated password, AOF persistence in {@code <dataDir>/redis} with the
 * configured {@code appendfsync} (DESIGN.md "Durability": {@code always} by default).
 */
public final class EmbeddedRedis implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
  private final RedisServer server;
  private final int port;
  private final String password;

  private EmbeddedRedis(RedisServer server, int port, String password) {
    this.server = server;
    this.port = port;
    this.password = password;
  }

  public static EmbeddedRedis start(Path dataDir, String appendfsync) {
    try {
      Path dir = dataDir.resolve("redis").toAbsolutePath();
      Files.createDirectories(dir);
      int port = freePort();
      byte[] secret = new byte[24];
      new SecureRandom().nextBytes(secret);
      String password = HexFormat.of().formatHex(secret);
      RedisServer server = RedisServer.newRedisServer()
          .port(port)
          .bind("127.0.0.1")
          .setting("protected-mode yes")
          .setting("requirepass " + password)
          .setting("dir " + dir)
          .setting("appendonly yes")
          .setting("appendfsync " + appendfsync)
          .setting("save \"\"")
          .setting("maxclients 10000")
          .onShutdownForceStop(true)
          .build();
      server.start();
      log.info("embedded Redis on 127.0.0.1:{} (AOF appendfsync {}, files in {})", port, appendfsync, dir);
      return new EmbeddedRedis(server, port, password);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded Redis did not start", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public String url() {
    return "redis://:" + password + "@127.0.0.1:" + port + "/0";
  }

  public int port() {
    return port;
  }

  /** Stops the server process (a test uses this with {@link #restart()} to check reconnection). */
  public void stop() {
    try {
      if (server.isActive()) server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void restart() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
