package kz.emtihan.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves {@code openapi.yaml} (the whole API, kept next to the code) as YAML or, converted, as JSON. */
public final class OpenApi {
    private static final String YAML = read();
    private static final String JSON = toJson(YAML);

    private OpenApi() {}

    public static void serve(RoutingContext ctx) {
        boolean yaml = ctx.request().path().endsWith(".yaml");
        ctx.response()
                .putHeader("Content-Type", yaml ? "application/yaml; charset=utf-8" : "application/json")
                .end(yaml ? YAML : JSON);
    }

    private static String read() {
        try (InputStream in = OpenApi.class.getResourceAsStream("/kz/emtihan/http/openapi.yaml")) {
            if (in == null) throw new IllegalStateException("openapi.yaml is missing from the engine jar");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toJson(String yaml) {
        try {
            return new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml is not valid YAML", e);
        }
    }
}
