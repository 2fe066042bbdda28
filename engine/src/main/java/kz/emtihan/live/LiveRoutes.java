package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import kz.emtihan.auth.Caller;

/** HTTP for the live side: {@code GET /api/v1/live/ice-servers}, the signed-in user's STUN/TURN servers (IceServers). */
public final class LiveRoutes {
    private LiveRoutes() {}

    public static void mount(Router api, IceServers ice, LiveHub hub) {
        api.get("/live/ice-servers")
                .respond(
                        ctx -> Future.succeededFuture(ice.forUser(Caller.of(ctx).id(), hub.serverNow())));
    }
}
