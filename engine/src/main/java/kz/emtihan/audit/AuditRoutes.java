package kz.emtihan.audit;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Issue 10: the engine's receipt keys, public and without a token, so that a receipt can be checked against the
 * engine's keys rather than the copy it carries (docs/verification.md "The key list").
 */
public final class AuditRoutes {
    /** The well-known address of the key list, outside /api/v1. */
    public static final String WELL_KNOWN = "/.well-known/emtihan-receipt-keys.json";

    private AuditRoutes() {}

    /** {@value #WELL_KNOWN} on the root router. */
    public static void mountWellKnown(Router root, ReceiptSigner signer) {
        root.get(WELL_KNOWN).handler(ctx -> serve(ctx, signer));
    }

    /** {@code /api/v1/receipt-keys}, the same list; mount before the token check. */
    public static void mountPublic(Router api, ReceiptSigner signer) {
        api.get("/receipt-keys").handler(ctx -> serve(ctx, signer));
    }

    private static void serve(RoutingContext ctx, ReceiptSigner signer) {
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "public, max-age=300")
                .putHeader("Access-Control-Allow-Origin", "*") // public data: an auditor's own page may read it
                .end(signer.published().encodePrettily());
    }
}
