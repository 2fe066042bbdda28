package kz.emtihan.bank;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.model.MediaFile;

/** HTTP for a bank's pictures and sounds (API.md "Question banks", issue 12, 2). Translation only. */
public final class MediaRoutes {
    private MediaRoutes() {}

    public static void mount(Router api, Banks banks) {
        MediaFiles files = new MediaFiles(banks);
        api.get("/banks/:bankId/media/:hash").handler(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.EXPERT, Role.HEAD);
            files.file(c, ctx.pathParam("bankId"), ctx.pathParam("hash"))
                    .onSuccess(f -> send(ctx, f))
                    .onFailure(ctx::fail);
        });
        api.post("/banks/:bankId/media").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            Buffer body = ctx.body().buffer();
            return files.add(c, ctx.pathParam("bankId"), body == null ? new byte[0] : body.getBytes())
                    .map(f -> {
                        ctx.response().setStatusCode(201);
                        return new JsonObject().put("hash", f.hash()).put("type", f.type());
                    });
        });
    }

    /**
     * A stored file as its bytes, with the type read from them when it was stored; never sniffed by the browser,
     * shown inline, kept by the browser alone (the name is the content: it never changes), and inert if opened on
     * its own (no script, no plug-in, a sandbox).
     */
    public static void send(RoutingContext ctx, MediaFile f) {
        ctx.response()
                .putHeader("Content-Type", f.type())
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Disposition", "inline")
                .putHeader("Cache-Control", "private, max-age=31536000, immutable")
                .putHeader("ETag", "\"" + f.hash() + "\"")
                .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
                .end(Buffer.buffer(f.bytes()));
    }
}
