package kz.emtihan.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 10, 2: a normal sign-in's latency while 20 wrong passwords a second arrive, at the production bcrypt cost 10.
 * Not part of the suite (no "Test" suffix, and it needs -Dbench.login=true); run it alone, as the README ("Security") says:
 * {@code mvn -B -q -o -pl engine -am verify -Dtest=LoginStormBench -Dbench.login=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * Three phases of {@link #SAMPLES} sequential honest sign-ins each: no storm; a storm on one account from one address
 * (a classmate); a storm from a new address and an unknown account each time (nothing to throttle: every attempt
 * costs a full bcrypt).
 */
@EnabledIfSystemProperty(named = "bench.login", matches = "true")
class LoginStormBench {
    static final int SAMPLES = Integer.getInteger("bench.samples", 200);
    static final int STORM_PER_SECOND = 20;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void honestSignInLatencyDuringAStormOfWrongPasswords() throws Exception {
        try (TestEngine app = TestEngine.start(
                Map.of("EMTIHAN_AUTH_BCRYPT_COST", "10", "EMTIHAN_AUTH_LOGIN_CLIENT_ADDRESS_HEADER", "X-Real-IP"))) {
            JsonArray users = new JsonArray();
            for (String id : List.of("honest", "victim")) {
                users.add(new JsonObject()
                        .put("id", id)
                        .put("name", id)
                        .put("roles", new JsonArray().add("student"))
                        .put("password", id + "-password"));
            }
            assertTrue(app.post("/api/v1/users", app.admin(), users).status() == 200);
            for (int i = 0; i < 20; i++) signIn(app, "honest", "honest-password", "10.0.0.1"); // warm-up (JIT)
            List<String> report = new ArrayList<>();
            report.add(phase(app, "no storm", null));
            report.add(phase(app, "storm: one account, one address", n -> new String[] {"victim", "10.66.0.1"}));
            report.add(phase(app, "storm: new address and unknown account each time", n ->
                    new String[] {"ghost" + n, "10.77." + (n / 250) + "." + (n % 250)}));
            System.out.println("\n=== LoginStormBench (bcrypt cost 10, "
                    + Runtime.getRuntime().availableProcessors() + " cores, " + SAMPLES
                    + " honest sign-ins per phase, storm " + STORM_PER_SECOND + "/s) ===");
            report.forEach(System.out::println);
        }
    }

    private String phase(TestEngine app, String name, java.util.function.IntFunction<String[]> storm) throws Exception {
        Map<Integer, AtomicInteger> stormStatus = new ConcurrentHashMap<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        if (storm != null) {
            timer.scheduleAtFixedRate(
                    () -> {
                        String[] who = storm.apply(sent.getAndIncrement());
                        http.sendAsync(
                                        request(app, who[0], "wrong-password", who[1]),
                                        HttpResponse.BodyHandlers.discarding())
                                .thenAccept(r -> stormStatus
                                        .computeIfAbsent(r.statusCode(), s -> new AtomicInteger())
                                        .incrementAndGet());
                    },
                    0,
                    1000 / STORM_PER_SECOND,
                    TimeUnit.MILLISECONDS);
            Thread.sleep(
                    2_000); // the storm is in full flow before measuring (a warm-up of the load, not a synchronisation)
        }
        List<Long> millis = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < SAMPLES; i++) {
            long t0 = System.nanoTime();
            int status = signIn(app, "honest", "honest-password", "10.0.0.1");
            millis.add((System.nanoTime() - t0) / 1_000_000);
            if (status != 200) throw new AssertionError(name + ": the honest sign-in was refused with " + status);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        timer.shutdownNow();
        Collections.sort(millis);
        return String.format(
                "%-52s p50 %4d ms  p99 %4d ms  max %4d ms  (storm sent %d in %.0f s: %s)",
                name,
                millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
                millis.get(millis.size() - 1),
                sent.get(),
                seconds,
                new java.util.TreeMap<>(stormStatus));
    }

    private int signIn(TestEngine app, String user, String password, String address) throws Exception {
        return http.send(request(app, user, password, address), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpRequest request(TestEngine app, String user, String password, String address) {
        return HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/auth/login"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Real-IP", address)
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                        .put("username", user)
                        .put("password", password)
                        .encode()))
                .build();
    }
}
