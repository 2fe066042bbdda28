package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.http.Bodies;
import kz.emtihan.proctor.model.ProctorTexts;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;

/**
 * HTTP for proctoring (API.md "Proctoring", docs/proctoring.md). Translation only: it also picks the caller's
 * language for the sentences of an answer (flag details, the credibility explanation, identity problems).
 */
public final class ProctorRoutes {
    private ProctorRoutes() {}

    public static void mount(Router api, ProctorModule m) {
        api.get("/proctoring/settings").respond(ctx -> {
            Caller.of(ctx);
            return Future.succeededFuture(m.settings().toJson());
        });
        api.post("/proctoring/bandwidth").respond(ctx -> {
            Caller.of(ctx);
            return Future.succeededFuture(
                    new JsonObject().put("bytes", ctx.body().length()));
        });
        api.post("/proctoring/precheck/face").respond(ctx -> m.precheck().check(Caller.of(ctx), image(ctx, m)));
        api.post("/attempts/:attemptId/identity").respond(ctx -> {
            Caller caller = Caller.of(ctx);
            return Future.all(upload(ctx, "face", m), upload(ctx, "document", m))
                    .compose(photos -> m.identity()
                            .submit(caller, id(ctx), photos.resultAt(0), photos.resultAt(1), language(ctx)));
        });
        api.get("/attempts/:attemptId/identity").respond(ctx -> m.identity().view(Caller.of(ctx), id(ctx)));
        api.post("/attempts/:attemptId/identity/decision")
                .respond(ctx -> m.identity()
                        .decide(Caller.require(ctx, ExamAccess.watchingRoles()), id(ctx), Bodies.object(ctx)));
        api.get("/attempts/:attemptId/identity/:which")
                .handler(ctx -> image(ctx, m.identity().image(Caller.of(ctx), id(ctx), ctx.pathParam("which"))));
        api.post("/attempts/:attemptId/snapshots")
                .respond(ctx -> m.watching().snapshot(Caller.of(ctx), id(ctx), image(ctx, m), language(ctx)));
        api.get("/attempts/:attemptId/snapshots/latest")
                .handler(ctx -> image(ctx, m.watching().latest(Caller.of(ctx), id(ctx))));
        api.get("/attempts/:attemptId/snapshots/:snapshotId")
                .handler(
                        ctx -> image(ctx, m.watching().evidence(Caller.of(ctx), id(ctx), ctx.pathParam("snapshotId"))));
        api.post("/attempts/:attemptId/events")
                .respond(ctx -> m.watching().event(Caller.of(ctx), id(ctx), Bodies.object(ctx), language(ctx)));
        api.get("/attempts/:attemptId/flags")
                .respond(ctx -> m.watching().flags(Caller.of(ctx), id(ctx), language(ctx)));
        api.put("/attempts/:attemptId/recordings/:stream/:segment/:chunk")
                .respond(ctx -> m.recordings()
                        .put(
                                Caller.of(ctx),
                                id(ctx),
                                ctx.pathParam("stream"),
                                ctx.pathParam("segment"),
                                ctx.pathParam("chunk"),
                                ctx.request().getHeader("X-Segment-Start"),
                                bytes(ctx)));
        api.get("/attempts/:attemptId/recordings").respond(ctx -> m.recordings().list(Caller.of(ctx), id(ctx)));
        api.get("/attempts/:attemptId/recordings/:stream/:segment")
                .handler(ctx -> m.recordings()
                        .file(Caller.of(ctx), id(ctx), ctx.pathParam("stream"), ctx.pathParam("segment"))
                        .onSuccess(f -> SegmentServing.send(ctx, f))
                        .onFailure(ctx::fail));
        api.post("/attempts/:attemptId/messages")
                .respond(ctx -> m.actions().message(Caller.of(ctx), id(ctx), Bodies.object(ctx)));
        api.post("/attempts/:attemptId/terminate")
                .respond(ctx -> m.actions()
                        .terminate(Caller.require(ctx, ExamAccess.watchingRoles()), id(ctx), Bodies.object(ctx)));
        api.get("/attempts/:attemptId/review").respond(ctx -> m.review().get(Caller.of(ctx), id(ctx), language(ctx)));
        api.post("/attempts/:attemptId/review")
                .respond(ctx -> m.review()
                        .decide(
                                Caller.require(ctx, ExamAccess.watchingRoles()),
                                id(ctx),
                                Bodies.object(ctx),
                                language(ctx)));
        api.get("/exams/:examId/proctoring")
                .respond(ctx ->
                        m.dashboard().of(Caller.require(ctx, ExamAccess.watchingRoles()), ctx.pathParam("examId")));
    }

    /** The caller's language for the sentences of an answer ({@code Accept-Language}, saved choice, English). */
    static Language language(RoutingContext ctx) {
        return kz.emtihan.http.Languages.of(ctx);
    }

    private static String id(RoutingContext ctx) {
        return ctx.pathParam("attemptId");
    }

    private static byte[] bytes(RoutingContext ctx) {
        Buffer b = ctx.body().buffer();
        return b == null ? new byte[0] : b.getBytes();
    }

    /** A snapshot body: JPEG only (the browser's canvas gives it; OpenCV here cannot decode WebM frames). */
    private static byte[] image(RoutingContext ctx, ProctorModule m) {
        String type = String.valueOf(ctx.request().getHeader("Content-Type"));
        if (!type.startsWith("image/jpeg")) throw Refusal.of(CommonRefusal.UNSUPPORTED_MEDIA_TYPE);
        byte[] b = bytes(ctx);
        if (b.length == 0) throw Refusal.of(ProctorRefusal.EMPTY_IMAGE, ProctorTexts.thing("snapshot"));
        if (b.length > m.settings().maxImageBytes()) throw Refusal.of(CommonRefusal.BODY_TOO_LARGE);
        return b;
    }

    private static Future<byte[]> upload(RoutingContext ctx, String field, ProctorModule m) {
        FileUpload file = ctx.fileUploads().stream()
                .filter(f -> f.name().equals(field))
                .findFirst()
                .orElseThrow(() -> Refusal.of(
                        field.equals("face") ? ProctorRefusal.MISSING_FACE : ProctorRefusal.MISSING_DOCUMENT));
        if (file.size() > m.settings().maxImageBytes()) throw Refusal.of(CommonRefusal.BODY_TOO_LARGE);
        if (file.size() == 0) throw Refusal.of(ProctorRefusal.EMPTY_IMAGE, Identity.photoName(field));
        return ctx.vertx().fileSystem().readFile(file.uploadedFileName()).map(Buffer::getBytes);
    }

    private static void image(RoutingContext ctx, Future<byte[]> bytes) {
        bytes.onSuccess(b -> ctx.response()
                        .putHeader("Content-Type", "image/jpeg")
                        .putHeader("Cache-Control", "no-store")
                        .end(Buffer.buffer(b)))
                .onFailure(ctx::fail);
    }
}
