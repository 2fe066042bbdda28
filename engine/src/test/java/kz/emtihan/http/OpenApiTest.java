package kz.emtihan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import kz.emtihan.ApiRouter;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is served without a token and describes exactly the routes the engine mounts. */
@SharedEngine
class OpenApiTest {
    private static final String PREFIX = "/api/v1";
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static TestEngine engine;
    private static JsonObject doc;

    @BeforeAll
    static void start(TestEngine shared) {
        engine = shared;
        TestEngine.Reply r = engine.get(PREFIX + "/openapi.json", null);
        assertEquals(200, r.status(), r.body());
        doc = new JsonObject(r.body());
    }

    @Test
    void jsonIsServedWithoutTokenAndIsOpenApi3() {
        TestEngine.Reply r = engine.get(PREFIX + "/openapi.json", null);
        assertEquals(200, r.status());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject parsed = r.json();
        assertTrue(parsed.getString("openapi", "").startsWith("3."), "openapi: " + parsed.getValue("openapi"));
        assertNotNull(parsed.getJsonObject("info"), "info");
        assertNotNull(parsed.getJsonObject("paths"), "paths");
    }

    @Test
    void yamlIsServedWithoutTokenAndSaysTheSame() throws Exception {
        TestEngine.Reply r = engine.get(PREFIX + "/openapi.yaml", null);
        assertEquals(200, r.status());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        JsonNode fromYaml = new ObjectMapper(new YAMLFactory()).readTree(r.body());
        JsonNode fromJson = new ObjectMapper().readTree(doc.encode());
        assertEquals(fromJson, fromYaml);
    }

    @Test
    void bearerJwtSchemeAndErrorSchema() {
        JsonObject components = doc.getJsonObject("components");
        JsonObject scheme = components.getJsonObject("securitySchemes").getJsonObject("bearerAuth");
        assertEquals("http", scheme.getString("type"));
        assertEquals("bearer", scheme.getString("scheme"));
        assertEquals("JWT", scheme.getString("bearerFormat"));
        assertTrue(
                doc.getJsonArray("security").getJsonObject(0).containsKey("bearerAuth"), "bearer auth is the default");
        JsonObject error = components.getJsonObject("schemas").getJsonObject("Error");
        assertEquals(new JsonArray().add("error").add("message"), error.getJsonArray("required"));
        assertTrue(error.getJsonObject("properties").fieldNames().containsAll(Set.of("error", "message", "problems")));
    }

    @Test
    void everyMountedRouteIsDocumented() {
        List<String> missing = new ArrayList<>();
        for (String[] route : mounted()) {
            JsonObject item = doc.getJsonObject("paths").getJsonObject(route[0]);
            if (item == null || (route[1] != null && !item.containsKey(route[1]))) {
                missing.add((route[1] == null ? "*" : route[1].toUpperCase(Locale.ROOT)) + " " + route[0]);
            }
        }
        assertTrue(missing.isEmpty(), "mounted but not in openapi.yaml: " + missing);
    }

    @Test
    void everyDocumentedOperationIsMounted() {
        Set<String> mounted = new TreeSet<>();
        Set<String> mountedAnyMethod = new TreeSet<>();
        for (String[] route : mounted()) {
            if (route[1] == null) mountedAnyMethod.add(route[0]);
            else mounted.add(route[1] + " " + route[0]);
        }
        List<String> extra = new ArrayList<>();
        for (String[] op : documented()) {
            if (op[0].equals("/metrics")) continue; // issue 14 (5): on the root router (or its own port); MetricsTest
            if (op[0].startsWith("/health")) continue; // issue 14 (4): /health, /health/live, /health/ready
            if (op[0].startsWith("/lti/") || op[0].startsWith("/.well-known/")) continue; // issue 16: root router
            if (!mounted.contains(op[1] + " " + op[0]) && !mountedAnyMethod.contains(op[0])) {
                extra.add(op[1].toUpperCase(Locale.ROOT) + " " + op[0]);
            }
        }
        assertTrue(extra.isEmpty(), "in openapi.yaml but not mounted: " + extra);
        assertTrue(doc.getJsonObject("paths").containsKey("/health"), "/health is documented");
    }

    @Test
    void everyOperationHasASuccessAndProtectedOnesDeclare401() {
        List<String> wrong = new ArrayList<>();
        Set<String> publicOps = new TreeSet<>();
        for (String[] op : documented()) {
            JsonObject operation = operation(op);
            JsonObject responses = operation.getJsonObject("responses", new JsonObject());
            String name = op[1].toUpperCase(Locale.ROOT) + " " + op[0];
            boolean handOver = op[0].startsWith("/lti/") && responses.containsKey("303"); // issue 16: to a page
            if (!handOver
                    && responses.fieldNames().stream().noneMatch(code -> code.startsWith("2") || code.equals("101"))) {
                wrong.add(name + ": no 2xx (or 101 upgrade) response");
            }
            if (isProtected(operation)) {
                if (!responses.containsKey("401")) wrong.add(name + ": protected but no 401");
            } else {
                publicOps.add(name);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(
                new TreeSet<>(Set.of(
                        "GET /health",
                        "GET /metrics",
                        "GET /health/live",
                        "GET /health/ready",
                        "POST /api/v1/auth/login",
                        "GET /api/v1/openapi.json",
                        "GET /api/v1/openapi.yaml",
                        "GET /api/v1/receipt-keys",
                        // issue 16: the LMS's entries and the launch (the platform's signed id_token is the credential)
                        "GET /.well-known/jwks.json",
                        "GET /lti/jwks.json",
                        "GET /lti/login",
                        "POST /lti/login",
                        "POST /lti/launch",
                        "POST /lti/deeplink",
                        "GET /lti/register",
                        "POST /api/v1/lti/login",
                        "POST /api/v1/lti/launch",
                        "POST /api/v1/lti/register")),
                publicOps,
                "the public operations");
    }

    /** What the document says about tokens holds on the wire: protected operations refuse a request without one. */
    @Test
    void protectedOperationsAnswer401WithoutToken() {
        List<String> wrong = new ArrayList<>();
        for (String[] op : documented()) {
            String path = op[0].replaceAll("\\{[^}]+}", "x");
            TestEngine.Reply r = engine.send(op[1].toUpperCase(Locale.ROOT), path, null, "application/json", null);
            String name = op[1].toUpperCase(Locale.ROOT) + " " + op[0];
            if (isProtected(operation(op))) {
                if (r.status() != 401 || !"unauthorized".equals(r.error()))
                    wrong.add(name + " -> " + r.status() + " " + r.body());
            } else if (r.status() == 401) {
                wrong.add(name + " is documented as public but answers 401");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void operationsSayWhichRolesMayCallThem() {
        List<String> silent = new ArrayList<>();
        for (String[] op : documented()) {
            JsonObject operation = operation(op);
            if (!isProtected(operation)) continue;
            if (!operation.getString("description", "").contains("Roles:")) silent.add(op[1] + " " + op[0]);
        }
        assertTrue(silent.isEmpty(), "protected operations without 'Roles:' in the description: " + silent);
        assertNotEquals(0, documented().size());
    }

    /** {path in OpenAPI form with the /api/v1 prefix, lower-case method or null for any}. */
    private static List<String[]> mounted() {
        List<Route> routes = ApiRouter.api(
                        engine.engine().vertx(), engine.engine().services())
                .getRoutes();
        List<String[]> out = new ArrayList<>();
        for (Route route : routes) {
            String path = route.getPath();
            if (path == null) continue;
            String documented = PREFIX + path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            Set<HttpMethod> methods = route.methods();
            if (methods == null || methods.isEmpty()) {
                out.add(new String[] {documented, null});
            } else {
                for (HttpMethod m : methods)
                    out.add(new String[] {documented, m.name().toLowerCase(Locale.ROOT)});
            }
        }
        for (Route route : ApiRouter.create(
                        engine.engine().vertx(), engine.engine().services())
                .getRoutes()) {
            String path = route.getPath(); // routes mounted on the root router itself, such as the WebSocket upgrade
            if (path != null && path.startsWith(PREFIX + "/") && route.methods() != null) {
                for (HttpMethod m : route.methods())
                    out.add(new String[] {path, m.name().toLowerCase(Locale.ROOT)});
            }
        }
        assertTrue(out.size() > 5, "the API router mounts routes: " + out.size());
        return out;
    }

    /** {path, lower-case method} of every operation in the document. */
    private static List<String[]> documented() {
        List<String[]> out = new ArrayList<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String key : paths.getJsonObject(path).fieldNames()) {
                if (HTTP_METHODS.contains(key)) out.add(new String[] {path, key});
            }
        }
        return out;
    }

    private static JsonObject operation(String[] op) {
        return doc.getJsonObject("paths").getJsonObject(op[0]).getJsonObject(op[1]);
    }

    private static boolean isProtected(JsonObject operation) {
        JsonArray security =
                operation.containsKey("security") ? operation.getJsonArray("security") : doc.getJsonArray("security");
        return security != null && !security.isEmpty();
    }
}
