package kz.emtihan.lti;

import io.vertx.core.Vertx;
import java.util.LinkedHashSet;
import java.util.Set;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.model.PlatformCheck;

/**
 * Issue 16 (5): the origins of the registered platforms (their issuer's and their authorisation endpoint's), for the
 * CSP's {@code frame-ancestors} and {@code form-action}: an LMS shows the pages in an iframe and receives the
 * deep-linking answer by a form post. Kept on each node and read on every response without a store round trip;
 * refreshed when this node changes a registration and every {@link #REFRESH_MILLIS} for the others' changes.
 */
public final class FrameAncestors {
    static final long REFRESH_MILLIS = 30_000;
    private final RedisLtiDirectory directory;
    private volatile String origins = "";

    FrameAncestors(RedisLtiDirectory directory) {
        this.directory = directory;
    }

    /** Space-separated origins, or empty: what follows 'self' in frame-ancestors and form-action. */
    public String origins() {
        return origins;
    }

    void watch(Vertx vertx) {
        refresh();
        vertx.setPeriodic(REFRESH_MILLIS, t -> refresh());
    }

    io.vertx.core.Future<Void> refresh() {
        return directory
                .platforms()
                .map(all -> {
                    Set<String> out = new LinkedHashSet<>();
                    for (Platform p : all) {
                        for (String url : new String[] {p.issuer(), p.authUrl()}) {
                            String o = PlatformCheck.origin(url);
                            if (!o.isEmpty()) out.add(o);
                        }
                    }
                    origins = String.join(" ", out);
                    return (Void) null;
                })
                .otherwiseEmpty();
    }
}
