package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 5.20.3: one attempt, even when a student's browser (or two engine nodes) start it at the same instant. */
class ConcurrencyTest {
    static TestEngine app;

    static TestEngine secondNode;
    static final String SHARED_SECRET = "a-secret-both-nodes-share-0123456789";

    @BeforeAll
    static void start() {
        app = TestEngine.start(Map.of("EMTIHAN_AUTH_JWT_SECRET", SHARED_SECRET));
        String url = app.engine().embeddedRedis().orElseThrow().url();
        secondNode = TestEngine.start(Map.of("EMTIHAN_REDIS_URL", url, "EMTIHAN_AUTH_JWT_SECRET", SHARED_SECRET));
    }

    @AfterAll
    static void stop() {
        secondNode.close();
        app.close();
    }

    /** Sends a start to each node at the same instant (all threads released by one barrier); the replies. */
    static List<TestEngine.Reply> startAtOnce(List<TestEngine> nodes, String examId, String token) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(nodes.size());
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<CompletableFuture<TestEngine.Reply>> replies = new ArrayList<>();
            for (TestEngine node : nodes) {
                replies.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                barrier.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return node.post("/api/v1/exams/" + examId + "/attempts", token, null);
                        },
                        pool));
            }
            List<TestEngine.Reply> out = new ArrayList<>();
            for (var f : replies) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void startsOnTwoEngineNodesAtTheSameInstantMakeOneAttempt() throws Exception {
        app.users("teacher", "t2");
        app.users("student", "n1", "n2", "n3", "n4", "n5");
        String teacher = app.loginAs("t2");
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), "n1", "n2", "n3", "n4", "n5");
        for (String student : List.of("n1", "n2", "n3", "n4", "n5")) {
            List<TestEngine.Reply> replies = startAtOnce(List.of(app, secondNode), examId, app.loginAs(student));
            TestEngine.Reply a = replies.get(0);
            TestEngine.Reply b = replies.get(1);
            assertEquals(Set.of(200, 201), Set.of(a.status(), b.status()), a.body() + " / " + b.body());
            assertEquals(a.json().getString("id"), b.json().getString("id"));
            assertEquals(
                    a.json().getJsonArray("questions"),
                    b.json().getJsonArray("questions"),
                    "the same paper from both nodes");
        }
        assertEquals(
                5L,
                app.redis(Request.cmd(Command.HLEN).arg(ExamKeys.examAttempts(examId)))
                        .toLong());
    }

    @Test
    void twentySimultaneousStartsBySameStudentMakeOneAttempt() throws Exception {
        app.users("teacher", "t1");
        app.users("student", "twin");
        String teacher = app.loginAs("t1");
        String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), "twin");
        List<TestEngine> twenty = java.util.Collections.nCopies(20, app);
        Set<String> ids = new HashSet<>();
        int created = 0;
        for (TestEngine.Reply r : startAtOnce(twenty, examId, app.loginAs("twin"))) {
            if (r.status() == 201) created++;
            else assertEquals(200, r.status(), r.body());
            ids.add(r.json().getString("id"));
        }
        assertEquals(1, created, "exactly one request creates the attempt; the others resume it");
        assertEquals(1, ids.size());
        assertEquals(
                1L,
                app.redis(Request.cmd(Command.HLEN).arg(ExamKeys.examAttempts(examId)))
                        .toLong());
    }
}
