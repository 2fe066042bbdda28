package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.auth.Caller;
import kz.emtihan.media.vision.FrameAnalysis;
import kz.emtihan.proctor.model.ProctorTexts;
import kz.emtihan.proctor.model.UploadBudget;
import kz.emtihan.refusal.Refusal;

/**
 * The pre-check's face test (issue 10, 4): before anything starts, the page sends one camera frame and the server
 * counts the faces in it (YuNet, off the event loop). No face, and the pre-check refuses the camera. Nothing is
 * stored. A helpful early refusal only: what matters (identity photos before questions) the server enforces anyway.
 * Limited per user and node to {@code proctoring.prechecksPerMinute}.
 */
final class FacePrecheck {
    private static final int MAX_TRACKED = 100_000;
    private final FaceWork faces;
    private final int perMinute;
    private final Map<String, UploadBudget> budgets = new ConcurrentHashMap<>();

    FacePrecheck(FaceWork faces, int perMinute) {
        this.faces = faces;
        this.perMinute = perMinute;
    }

    Future<JsonObject> check(Caller caller, byte[] jpeg) {
        if (budgets.size() > MAX_TRACKED) budgets.clear();
        long now = System.currentTimeMillis();
        UploadBudget b = budgets.computeIfAbsent(caller.id(), id -> new UploadBudget(perMinute, now));
        boolean ok;
        synchronized (b) {
            ok = b.take(now);
        }
        if (!ok) {
            return Future.failedFuture(Refusal.of(ProctorRefusal.TOO_MANY_PRECHECKS, perMinute));
        }
        return faces.analyse(jpeg)
                .recover(err -> Future.failedFuture(
                        err instanceof IllegalArgumentException
                                ? Refusal.of(ProctorRefusal.BAD_IMAGE, ProctorTexts.thing("camera-frame"), "JPEG")
                                : err))
                .map(FacePrecheck::verdict);
    }

    static JsonObject verdict(FrameAnalysis f) {
        String problem = f.faces() > 0 ? null : f.judgeable() ? "no-face" : "too-dark";
        return new JsonObject()
                .put("faces", f.faces())
                .put("judgeable", f.judgeable())
                .put("ok", problem == null)
                .put("problem", problem);
    }
}
