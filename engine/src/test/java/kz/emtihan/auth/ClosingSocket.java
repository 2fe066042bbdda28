package kz.emtihan.auth;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kz.emtihan.TestEngine;

/** A live-socket client that records how the server closed it. */
final class ClosingSocket implements WebSocket.Listener {
  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile String reason;
  private WebSocket ws;

  static ClosingSocket open(TestEngine node, String token) {
    ClosingSocket s = new ClosingSocket();
    s.ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://localhost:" + node.engine().port() + "/api/v1/ws?token=" + token), s).join();
    return s;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(new JsonObject(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String why) {
    reason = why;
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  void send(JsonObject o) {
    ws.sendText(o.encode(), true).join();
  }

  JsonObject awaitMessage(String type) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < giveUp) {
      JsonObject m = messages.poll(giveUp - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (m != null && type.equals(m.getString("type"))) return m;
    }
    throw new AssertionError("no '" + type + "' message");
  }

  /** The close code the server sent, waiting at most {@code limit}. */
  int awaitClose(Duration limit) throws Exception {
    return closed.get(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  String closeReason() {
    return reason;
  }
}
