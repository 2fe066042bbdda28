package kz.emtihan.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The socket's own part (issue 11, 3 and 7): it authenticates the upgrade, answers {@code ping}, and refuses what no
 * feature handles, in the language of the upgrade's {@code Accept-Language} (else English, as HTTP).
 */
class LiveSocketTest {
    static TestEngine node;
    static String token;

    @BeforeAll
    static void start() {
        node = TestEngine.start();
        node.users("student", "ls1");
        token = node.loginAs("ls1");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** A socket whose upgrade says {@code Accept-Language: language} (none if null). */
    private static Queue open(String language) {
        return open(language, "");
    }

    /** The same with more query parameters ({@code &lang=kk}, as the pages name their language). */
    private static Queue open(String language, String query) {
        Queue q = new Queue();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (language != null) b.header("Accept-Language", language);
        q.ws = b.buildAsync(
                        URI.create("ws://localhost:" + node.engine().port() + "/api/v1/ws?token=" + token + query), q)
                .join();
        return q;
    }

    @Test
    void aTypeNoFeatureHandlesIsRefusedInTheSocketsLanguage() throws Exception {
        Queue ru = open("ru-RU,ru;q=0.9,en;q=0.5");
        ru.next("time");
        ru.send(new JsonObject().put("type", "dance"));
        JsonObject refused = ru.next("error");
        assertEquals("unknown-type", refused.getString("error"));
        assertEquals("Сообщений типа «dance» не бывает.", refused.getString("message"));
        assertEquals("dance", refused.getJsonObject("args").getString("type"));

        Queue kk = open("kk");
        kk.send(new JsonObject().put("type", "dance"));
        assertEquals("«dance» түріндегі хабарлама болмайды.", kk.next("error").getString("message"));

        Queue none = open(null);
        none.send(new JsonObject().put("type", "dance"));
        assertEquals(
                "There is no message of the type \"dance\".", none.next("error").getString("message"));
        none.ws.sendText("{not json", true).join();
        JsonObject bad = none.next("error");
        assertEquals("bad-json", bad.getString("error"));
        assertFalse(bad.getString("message").isBlank());
        // a browser's WebSocket cannot set Accept-Language: the page's language in the query wins over the browser's
        Queue page = open("en-US,en;q=0.9", "&lang=kk");
        page.send(new JsonObject().put("type", "dance"));
        assertEquals("«dance» түріндегі хабарлама болмайды.", page.next("error").getString("message"));
        page.ws.abort();
        none.ws.abort();
        kk.ws.abort();
        ru.ws.abort();
    }

    @Test
    void pingIsAnsweredWithTheStoresTime() throws Exception {
        Queue s = open(null);
        s.next("time");
        s.send(new JsonObject().put("type", "ping"));
        JsonObject time = s.next("time");
        assertFalse(time.getString("serverTime").isEmpty());
        s.ws.abort();
    }

    @Test
    void theUpgradeIsRefusedWithoutAValidTokenOrWithoutTheUpgrade() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + node.engine().port() + "/api/v1/ws?token=";
        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(URI.create(base + "forged"))
                        .header("Accept-Language", "ru")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, forged.statusCode());
        JsonObject unauthorized = new JsonObject(forged.body());
        assertEquals("unauthorized", unauthorized.getString("error"));
        assertEquals("Войдите в систему: сеанс завершён или не был начат.", unauthorized.getString("message"));

        HttpResponse<String> plain = http.send(
                HttpRequest.newBuilder(URI.create(base + token))
                        .header("Accept-Language", "kk")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, plain.statusCode());
        JsonObject required = new JsonObject(plain.body());
        assertEquals("websocket-required", required.getString("error"));
        assertEquals(
                "Бұл мекенжай WebSocket қосылымын ашады; қарапайым сұраныстарға мұнда жауап берілмейді.",
                required.getString("message"));
    }

    /** The messages of one socket, in order. */
    private static final class Queue implements WebSocket.Listener {
        private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;

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

        void send(JsonObject message) {
            ws.sendText(message.encode(), true).join();
        }

        /** The next message of this type, skipping others; fails after 10 s. */
        JsonObject next(String type) throws InterruptedException {
            long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < giveUp) {
                JsonObject m = messages.poll(giveUp - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m != null && type.equals(m.getString("type"))) return m;
            }
            throw new AssertionError("no '" + type + "' message within 10 s");
        }
    }
}
