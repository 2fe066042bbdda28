package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.store.Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 5.20.3: one attempt, even when a student's browser (or two engine nodes) start it at the same instant. */
class ConcurrencyTest {
  static TestEngine app;

  @BeforeAll
  static void start() {
    app = TestEngine.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void twentySimultaneousStartsBySameStudentMakeOneAttempt() throws Exception {
    app.users("teacher", "t1");
    app.users("student", "twin");
    String teacher = app.loginAs("t1");
    String examId = Fixtures.openExam(app, teacher, Fixtures.validBank(app, teacher), "twin");
    String token = app.loginAs("twin");
    int n = 20;
    CyclicBarrier barrier = new CyclicBarrier(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<CompletableFuture<TestEngine.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        replies.add(CompletableFuture.supplyAsync(() -> {
          try {
            barrier.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return app.post("/api/v1/exams/" + examId + "/attempts", token, null);
        }, pool));
      }
      Set<String> ids = new HashSet<>();
      int created = 0;
      for (var f : replies) {
        TestEngine.Reply r = f.get();
        if (r.status() == 201) created++;
        else assertEquals(200, r.status(), r.body());
        ids.add(r.json().getString("id"));
      }
      assertEquals(1, created, "exactly one request creates the attempt; the others resume it");
      assertEquals(1, ids.size());
      assertEquals(1L, app.redis(Request.cmd(Command.HLEN).arg(Keys.examAttempts(examId))).toLong());
    } finally {
      pool.shutdownNow();
    }
  }
}
