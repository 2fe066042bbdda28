package kz.emtihan.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import kz.emtihan.text.Language;

/**
 * The language a request is answered in: the first of ours in its {@code Accept-Language}, else the signed-in user's
 * saved choice (put on the request by the token check), else English. Refusals, problems and every other sentence
 * the engine renders for the caller use this one answer.
 */
public final class Languages {
    private static final String SAVED = "emtihan.language";

    private Languages() {}

    public static Language of(RoutingContext ctx) {
        return Language.fromAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                .orElseGet(() -> ctx.get(SAVED) instanceof Language saved ? saved : Language.EN);
    }

    /** The signed-in user's saved choice, for requests that name none of ours. */
    public static void saved(RoutingContext ctx, Language language) {
        ctx.put(SAVED, language);
    }
}
