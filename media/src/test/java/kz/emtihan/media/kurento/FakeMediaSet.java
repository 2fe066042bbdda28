package kz.emtihan.media.kurento;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The stand-in server's media objects (its {@code MediaSet}): what exists, how it is connected, what it
 * was told, and the events it raises. Object ids, error codes, messages and event shapes follow Kurento
 * Media Server 7.1 ({@code MediaSet.cpp}, {@code ServerMethods.cpp}, {@code KurentoException.hpp}); no
 * media flows. Thread-safe: every method is synchronized.
 */
public final class FakeMediaSet {
    /** A Kurento error as the server returns it: {@code {code, message, data: {type}}}. */
    static final class Failure extends RuntimeException {
        final int code;
        final String type;

        Failure(int code, String type, String message) {
            super(message);
            this.code = code;
            this.type = type;
        }

        static Failure notFound(String id) {
            return new Failure(40101, "MEDIA_OBJECT_NOT_FOUND", "Object '" + id + "' not found");
        }
    }

    /** Sends an {@code onEvent} notification's {@code value} to a session. */
    interface Events {
        void emit(String sessionId, JsonObject value);
    }

    /** A copy of one media object's state, for tests to inspect. */
    record Snapshot(
            String id,
            String type,
            String pipeline,
            JsonObject constructorParams,
            Set<String> sinks,
            List<JsonObject> remoteCandidates,
            List<String> operations,
            String recorderState) {}

    private static final class Obj {
        final String id;
        final String type;
        final String pipeline;
        final JsonObject constructorParams;
        final Set<String> sinks = new LinkedHashSet<>();
        final List<JsonObject> remoteCandidates = new ArrayList<>();
        final List<String> operations = new ArrayList<>();
        List<FakeSdp.Section> negotiated;
        String recorderState = "STOPPED";

        Obj(String id, String type, String pipeline, JsonObject constructorParams) {
            this.id = id;
            this.type = type;
            this.pipeline = pipeline;
            this.constructorParams = constructorParams;
        }
    }

    private record Subscription(String id, String object, String type, String session) {}

    private static final Map<String, Set<String>> EVENTS = Map.of(
            "MediaPipeline", Set.of("Error"),
            "WebRtcEndpoint",
                    Set.of(
                            "Error",
                            "ElementConnected",
                            "ElementDisconnected",
                            "MediaFlowInStateChanged",
                            "MediaFlowOutStateChanged",
                            "IceCandidateFound",
                            "IceGatheringDone",
                            "IceComponentStateChanged",
                            "NewCandidatePairSelected",
                            "ConnectionStateChanged",
                            "MediaStateChanged"),
            "RecorderEndpoint",
                    Set.of(
                            "Error",
                            "ElementConnected",
                            "ElementDisconnected",
                            "MediaFlowInStateChanged",
                            "Recording",
                            "Paused",
                            "Stopped",
                            "UriEndpointStateChanged"));

    private final Events events;
    private final Map<String, Obj> objects = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private int nextPort = 40000;

    FakeMediaSet(Events events) {
        this.events = events;
    }

    synchronized String create(String type, JsonObject params) {
        if (!EVENTS.containsKey(type)) {
            throw new Failure(40100, "MEDIA_OBJECT_TYPE_NOT_FOUND", "Factory '" + type + "' not found");
        }
        String suffix = UUID.randomUUID() + "_kurento." + type;
        if (type.equals("MediaPipeline")) {
            objects.put(suffix, new Obj(suffix, type, null, params));
            return suffix;
        }
        String pipeline = params.getString("mediaPipeline");
        Obj owner = objects.get(pipeline);
        if (owner == null || !owner.type.equals("MediaPipeline")) {
            throw Failure.notFound(pipeline);
        }
        if (type.equals("RecorderEndpoint") && !params.getString("uri", "").startsWith("file:///")) {
            throw new Failure(40107, "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR", "Invalid URI");
        }
        String id = pipeline + "/" + suffix;
        objects.put(id, new Obj(id, type, pipeline, params));
        return id;
    }

    synchronized Object invoke(String id, String operation, JsonObject params) {
        Obj o = find(id);
        o.operations.add(operation);
        switch (operation) {
            case "getMediaPipeline":
                return o.pipeline == null ? o.id : o.pipeline;
            case "connect":
                Obj sink = find(params.getString("sink"));
                if (o.pipeline == null || !o.pipeline.equals(sink.pipeline)) {
                    throw new Failure(40107, "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR", "Elements are in different pipelines");
                }
                o.sinks.add(sink.id);
                return null;
            case "disconnect":
                o.sinks.remove(params.getString("sink"));
                return null;
            default:
                if (o.type.equals("WebRtcEndpoint")) {
                    return webRtc(o, operation, params);
                }
                if (o.type.equals("RecorderEndpoint")) {
                    return recorder(o, operation);
                }
                throw methodNotFound(o, operation);
        }
    }

    synchronized String subscribe(String id, String type, String session) {
        Obj o = find(id);
        if (!EVENTS.get(o.type).contains(type)) {
            throw new Failure(40106, "MEDIA_OBJECT_EVENT_NOT_SUPPORTED", "Event '" + type + "' not supported");
        }
        Subscription s = new Subscription(UUID.randomUUID().toString(), id, type, session);
        subscriptions.put(s.id(), s);
        return s.id();
    }

    synchronized void unsubscribe(String subscription) {
        subscriptions.remove(subscription);
    }

    /** Releases an object; a pipeline takes everything in it along. */
    synchronized void release(String id) {
        Obj o = find(id);
        Set<String> gone = new LinkedHashSet<>();
        gone.add(o.id);
        if (o.pipeline == null) {
            objects.values().stream().filter(x -> o.id.equals(x.pipeline)).forEach(x -> gone.add(x.id));
        }
        objects.keySet().removeAll(gone);
        objects.values().forEach(x -> x.sinks.removeAll(gone));
        subscriptions.values().removeIf(s -> gone.contains(s.object()));
    }

    synchronized JsonObject describe(String id) {
        Obj o = find(id);
        return new JsonObject()
                .put("type", o.type)
                .put("qualifiedType", "kurento." + o.type)
                .put(
                        "hierarchy",
                        new JsonArray(
                                o.pipeline == null
                                        ? List.of("kurento.MediaObject")
                                        : List.of("kurento.Endpoint", "kurento.MediaElement", "kurento.MediaObject")));
    }

    /** Id → type of every object that exists. */
    public synchronized Map<String, String> types() {
        Map<String, String> out = new LinkedHashMap<>();
        objects.values().forEach(o -> out.put(o.id, o.type));
        return out;
    }

    /** The objects of one type, in creation order. */
    synchronized List<Snapshot> ofType(String type) {
        return objects.values().stream()
                .filter(o -> o.type.equals(type))
                .map(o -> new Snapshot(
                        o.id,
                        o.type,
                        o.pipeline,
                        o.constructorParams.copy(),
                        Set.copyOf(o.sinks),
                        o.remoteCandidates.stream().map(JsonObject::copy).toList(),
                        List.copyOf(o.operations),
                        o.recorderState))
                .toList();
    }

    /** Forgets every object without telling anyone, as a server that collected them would. */
    synchronized void dropAll() {
        objects.clear();
        subscriptions.clear();
    }

    private Object webRtc(Obj o, String operation, JsonObject params) {
        switch (operation) {
            case "setMaxVideoRecvBandwidth": // issue 17 (2): a property of the real server's endpoints
                return null;
            case "processOffer":
                List<FakeSdp.Section> offered = FakeSdp.sections(params.getString("offer"));
                if (offered.isEmpty()) {
                    throw new Failure(40201, "SDP_PARSE_ERROR", "Error parsing SDP");
                }
                if (o.negotiated != null) {
                    throw new Failure(40208, "SDP_END_POINT_ALREADY_NEGOTIATED", "Endpoint already negotiated");
                }
                o.negotiated = offered;
                JsonObject ctor = o.constructorParams;
                String mode = ctor.getBoolean("recvonly", false)
                        ? "recvonly"
                        : ctor.getBoolean("sendonly", false) ? "sendonly" : "sendrecv";
                return FakeSdp.answer(offered, mode);
            case "gatherCandidates":
                if (o.negotiated == null) {
                    throw new Failure(40400, "ICE_GATHER_CANDIDATES_ERROR", "Error gathering candidates");
                }
                for (int i = 0; i < o.negotiated.size(); i++) {
                    String line = "candidate:1 1 UDP 2015363327 127.0.0.1 " + nextPort++ + " typ host";
                    emit(
                            o,
                            "IceCandidateFound",
                            new JsonObject()
                                    .put(
                                            "candidate",
                                            new JsonObject()
                                                    .put("__module__", "kurento")
                                                    .put("__type__", "IceCandidate")
                                                    .put("candidate", line)
                                                    .put(
                                                            "sdpMid",
                                                            o.negotiated.get(i).mid())
                                                    .put("sdpMLineIndex", i)));
                }
                emit(o, "IceGatheringDone", new JsonObject());
                return null;
            case "addIceCandidate":
                JsonObject c = params.getJsonObject("candidate");
                if (c == null || !"IceCandidate".equals(c.getString("__type__")) || c.getString("candidate") == null) {
                    throw new Failure(40107, "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR", "Invalid candidate");
                }
                o.remoteCandidates.add(c);
                return null;
            default:
                throw methodNotFound(o, operation);
        }
    }

    private Object recorder(Obj o, String operation) {
        switch (operation) {
            case "record":
                o.recorderState = "RECORDING";
                emit(o, "Recording", new JsonObject());
                return null;
            case "stop":
            case "stopAndWait":
                o.recorderState = "STOPPED";
                emit(o, "Stopped", new JsonObject());
                return null;
            case "getUri":
                return o.constructorParams.getString("uri");
            default:
                throw methodNotFound(o, operation);
        }
    }

    private void emit(Obj source, String type, JsonObject payload) {
        for (Subscription s : subscriptions.values()) {
            if (s.object().equals(source.id) && s.type().equals(type)) {
                JsonObject data = payload.copy()
                        .put("source", source.id)
                        .put("tags", new JsonArray())
                        .put("timestampMillis", Long.toString(System.currentTimeMillis()))
                        .put("type", type);
                events.emit(
                        s.session(),
                        new JsonObject()
                                .put("data", data)
                                .put("object", source.id)
                                .put("type", type));
            }
        }
    }

    private Obj find(String id) {
        Obj o = id == null ? null : objects.get(id);
        if (o == null) {
            throw Failure.notFound(id);
        }
        return o;
    }

    private static Failure methodNotFound(Obj o, String operation) {
        return new Failure(40105, "MEDIA_OBJECT_METHOD_NOT_FOUND", "Method '" + operation + "' not found in " + o.type);
    }
}
