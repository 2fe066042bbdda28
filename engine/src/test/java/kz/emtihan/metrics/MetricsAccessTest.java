package kz.emtihan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * issue 14 (5): who may scrape. With {@code metrics.token} only a scrape with that bearer token gets the text (the
 * API's own JWT does not, nor a near miss); with {@code metrics.port} the metrics leave the API's port for their own;
 * with {@code metrics.enabled: false} there is no /metrics and the engine works as before.
 */
class MetricsAccessTest {
    static final String TOKEN = "scrape-token-0123456789abcdef";
    final HttpClient http = HttpClient.newHttpClient();

    int status(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (authorization != null) b.header("Authorization", authorization);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) PrometheusText.parse(r.body());
        else assertTrue(r.statusCode() == 404 || r.body().isEmpty(), "a refusal tells nothing: " + r.body());
        return r.statusCode();
    }

    @Test
    void aTokenGuardsTheMetricsOnTheirOwnPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (TestEngine app = TestEngine.start(
                Map.of("EMTIHAN_METRICS_TOKEN", TOKEN, "EMTIHAN_METRICS_PORT", Integer.toString(port)))) {
            String own = "http://localhost:" + port + "/metrics";
            assertEquals(401, status(own, null));
            assertEquals(401, status(own, "Bearer " + TOKEN.substring(1)));
            assertEquals(401, status(own, "Bearer " + app.admin()), "the API's JWT is not the scrape token");
            assertEquals(200, status(own, "Bearer " + TOKEN));
            assertEquals(404, status(app.base() + "/metrics", "Bearer " + TOKEN), "not on the API's port");
        }
    }

    @Test
    void disabledThereIsNoMetricsAndTheEngineWorks() throws Exception {
        try (TestEngine app = TestEngine.start(Map.of("EMTIHAN_METRICS_ENABLED", "false"))) {
            assertEquals(404, status(app.base() + "/metrics", null));
            app.users("student", "metrics-off-s1");
            assertEquals(
                    200, app.get("/api/v1/me", app.loginAs("metrics-off-s1")).status());
        }
    }
}
