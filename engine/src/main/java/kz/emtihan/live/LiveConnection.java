package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.auth.Caller;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.refusal.RefusalCode;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;

/**
 * One open socket as the features see it: who is on it, in which language they read, what it follows, and a few
 * values the features share ({@link Key}: the exam context says which attempt a student's page follows, and the
 * proctoring context reads it). Used on the socket's event loop.
 */
public final class LiveConnection {
    private final ServerWebSocket ws;
    private final Caller caller;
    private final Language language;
    private final LiveHub hub;
    private final Set<Topic> topics;
    private final Map<Key<?>, Object> values = new ConcurrentHashMap<>();

    LiveConnection(ServerWebSocket ws, Caller caller, Language language, LiveHub hub, Set<Topic> topics) {
        this.ws = ws;
        this.caller = caller;
        this.language = language;
        this.hub = hub;
        this.topics = topics;
    }

    /** A value one feature keeps on the socket for others to read; keys compare by identity. */
    public static final class Key<T> {
        private final String name;

        public Key(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public Caller caller() {
        return caller;
    }

    /** The language of the socket's user: the upgrade request's {@code Accept-Language}, else English (as HTTP). */
    public Language language() {
        return language;
    }

    public Instant serverNow() {
        return hub.serverNow();
    }

    public boolean isClosed() {
        return ws.isClosed();
    }

    /** Writes one message to the page, unless the socket has closed. */
    public void send(JsonObject message) {
        if (!ws.isClosed()) ws.writeTextMessage(message.encode());
    }

    /** The socket receives every event of the topic's channel for {@code id} until it unfollows or closes. */
    public Future<Void> follow(Topic topic, String id) {
        return hub.follow(declared(topic).channel(id), ws);
    }

    public void unfollow(Topic topic, String id) {
        hub.unfollow(declared(topic).channel(id), ws);
    }

    private Topic declared(Topic topic) {
        if (!topics.contains(topic))
            throw new IllegalStateException("the topic '" + topic.name() + "' is declared by no registered feature");
        return topic;
    }

    public <T> void put(Key<T> key, T value) {
        values.put(key, value);
    }

    @SuppressWarnings("unchecked") // put() admits only a T under a Key<T>
    public <T> Optional<T> get(Key<T> key) {
        return Optional.ofNullable((T) values.get(key));
    }

    /** Tells the page a message was refused: {@code {"type":"error","error":code,"message","args"}}. */
    public void refuse(Refusal refusal) {
        send(error(refusal, language));
    }

    /**
     * Tells the page a message was refused with {@code code} (a code whose one argument is the {@code reason}), for
     * the reason {@code why} failed: a refusal of that code is sent as it is, another refusal's sentence becomes the
     * reason, and any other failure's own words.
     */
    public void refuse(RefusalCode code, Throwable why) {
        if (why instanceof Refusal r && r.code() == code) refuse(r);
        else refuse(Refusal.of(code, reason(why)));
    }

    /** Why something failed, in the socket's language (the reason of {@code room-left}). */
    public String say(Throwable why) {
        return Catalogue.render(reason(why), language);
    }

    static Text reason(Throwable why) {
        return why instanceof Refusal r ? r.text() : LiveReasons.asGiven(String.valueOf(why.getMessage()));
    }

    static JsonObject error(Refusal refusal, Language language) {
        JsonObject message = new JsonObject()
                .put("type", "error")
                .put("error", refusal.code().code())
                .put("message", refusal.message(language));
        JsonObject args = new JsonObject();
        refusal.args()
                .forEach((name, value) ->
                        args.put(name, value instanceof Text text ? Catalogue.render(text, language) : value));
        if (!args.isEmpty()) message.put("args", args);
        refusal.details().forEach(message::put);
        return message;
    }
}
