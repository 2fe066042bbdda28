package kz.emtihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's walkthrough under issue 10 (3): the demo proctor watches both demo exams, the demo expert reviews the bank. */
class DemoAccessTest {
  static TestEngine demo;

  @BeforeAll
  static void start() {
    demo = TestEngine.startDemo();
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void theDemoPeopleSeeWhatTheWalkthroughShows() {
    String proctor = demo.login("proctor", "demo-proctor");
    JsonArray exams = demo.get("/api/v1/exams", proctor).array();
    assertEquals(2, exams.size(), "the demo proctor is assigned to both demo exams: " + exams);
    for (Object o : exams) {
      String examId = ((JsonObject) o).getString("id");
      assertEquals(200, demo.get("/api/v1/exams/" + examId + "/proctoring", proctor).status());
      assertEquals(List.of("proctor"), demo.get("/api/v1/exams/" + examId + "/proctors", proctor).json().getJsonArray("proctors").getList());
    }
    String expert = demo.login("expert", "demo-expert");
    JsonArray banks = demo.get("/api/v1/banks", expert).array();
    assertEquals(1, banks.size());
    String bankId = banks.getJsonObject(0).getString("id");
    assertTrue(demo.get("/api/v1/banks/" + bankId + "/questions", expert).array().getJsonObject(0).containsKey("correct"));
    assertEquals(403, demo.post("/api/v1/banks/" + bankId + "/questions", expert, new JsonArray()).status(), "an expert reviews, never edits");
    String registrar = demo.login("registrar", "demo-registrar");
    assertEquals(403, demo.get("/api/v1/banks/" + bankId, registrar).status());
    String student = demo.login("student1", "demo-student");
    String attempt = demo.post("/api/v1/exams/" + exams.getJsonObject(0).getString("id") + "/attempts", student, null).json().getString("id");
    assertEquals(200, demo.get("/api/v1/attempts/" + attempt, proctor).status(), "the proctor reads an attempt of an exam they proctor");
  }
}
