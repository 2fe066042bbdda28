package kz.emtihan.exam;

import io.vertx.ext.web.Router;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.Banks;
import kz.emtihan.bank.MediaRoutes;
import kz.emtihan.store.RedisStore;

/** HTTP for the pictures and sounds of a student's own paper (API.md "Attempts", issue 12, 2). Translation only. */
public final class AttemptMediaRoutes {
    private AttemptMediaRoutes() {}

    public static void mount(Router api, ExamModule m, RedisStore redis, Banks banks) {
        AttemptStore store = new AttemptStore(redis.redis());
        AttemptMedia media = new AttemptMedia(new AttemptReads(m.exams(), store), store, banks.media());
        api.get("/attempts/:attemptId/media/:hash").handler(ctx -> {
            Caller c = Caller.require(ctx, Role.STUDENT);
            media.file(c, ctx.pathParam("attemptId"), ctx.pathParam("hash"))
                    .onSuccess(f -> MediaRoutes.send(ctx, f))
                    .onFailure(ctx::fail);
        });
    }
}
