package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kz.emtihan.TestEngine;

/**
 * A sitting driven through the API to a final result, for the tests of what follows it (issue 16, 3: the LMS's
 * gradebook): the commission of {@link SittingBodies} (chair {@code chair}, members m1 and m2, secretary sec1,
 * appeal chair ac1 and deputy ad1), whose accounts {@link #people} makes.
 */
public final class SittingThrough {
    private SittingThrough() {}

    /** The commission's accounts (the chair's own is the caller's business when it is not c1). */
    public static void people(TestEngine app) {
        app.users("commission", "c1", "m1", "m2", "ac1", "ad1");
        app.users("secretary", "sec1");
    }

    /** A sitting today with this chair and these students, its tickets set; its id. */
    public static String create(TestEngine app, String title, String chair, String... students) {
        JsonObject body =
                SittingBodies.body("comprehensive-exam", title, SittingDays.today(), "kk", (Object[]) students);
        body.getJsonObject("commission").put("chair", chair);
        TestEngine.Reply made = app.post("/api/v1/sittings", app.admin(), body);
        assertEquals(201, made.status(), made.body());
        String id = made.json().getString("id");
        JsonArray tickets = new JsonArray();
        for (int n = 1; n <= 5; n++)
            tickets.add(new JsonObject().put("number", n).put("questions", new JsonArray().add("Question " + n)));
        assertEquals(
                200,
                app.put("/api/v1/sittings/" + id + "/tickets", app.loginAs("sec1"), tickets)
                        .status());
        return id;
    }

    /** 6.15.6 from admission to the chair's confirmation: m1, m2 and the chair score; the confirmed progress. */
    public static JsonObject confirmed(
            TestEngine app, String id, String chair, String student, int m1, int m2, int byChair) {
        SittingChecks.checked(app, id, student, "sec1");
        String path = "/api/v1/sittings/" + id + "/students/" + student;
        String sec = app.loginAs("sec1");
        String c = app.loginAs(chair);
        assertEquals(
                200,
                app.post(path + "/draw", c, new JsonObject().put("word", "almaty"))
                        .status());
        for (String action : new String[] {"start-preparation", "end-preparation"})
            assertEquals(
                    200,
                    app.post(path + "/phase", sec, new JsonObject().put("action", action))
                            .status());
        assertEquals(
                200,
                app.post(
                                path + "/phase",
                                sec,
                                new JsonObject().put("action", "end-answer").put("reason", "the answer is complete"))
                        .status());
        assertEquals(
                200,
                app.put(path + "/score", app.loginAs("m1"), new JsonObject().put("points", m1))
                        .status());
        assertEquals(
                200,
                app.put(path + "/score", app.loginAs("m2"), new JsonObject().put("points", m2))
                        .status());
        assertEquals(
                200,
                app.put(path + "/score", c, new JsonObject().put("points", byChair))
                        .status());
        TestEngine.Reply confirmed = app.post(path + "/confirm", c, null);
        assertEquals(200, confirmed.status(), confirmed.body());
        return confirmed.json();
    }

    /** The secretary closes the sitting (the 48 hours to appeal start, 6.15.4). */
    public static void close(TestEngine app, String id) {
        TestEngine.Reply r = app.post("/api/v1/sittings/" + id + "/close", app.loginAs("sec1"), null);
        assertEquals(200, r.status(), r.body());
    }

    /**
     * The student appeals, the appeal commission meets and decides (6.15.4-6.15.5): {@code letter} null keeps the
     * grade, otherwise changes it to that letter. The decided appeal.
     */
    public static JsonObject appealDecided(TestEngine app, String id, String student, String letter) {
        String base = "/api/v1/sittings/" + id + "/appeals";
        TestEngine.Reply filed =
                app.post(base, app.loginAs(student), new JsonObject().put("reason", "the second question"));
        assertEquals(201, filed.status(), filed.body());
        String appealId = filed.json().getString("id");
        assertEquals(
                200,
                app.post(base + "/" + appealId + "/meeting", app.loginAs("ad1"), null)
                        .status());
        JsonObject decision = letter == null
                ? new JsonObject().put("decision", "kept")
                : new JsonObject().put("decision", "changed").put("letter", letter);
        TestEngine.Reply decided = app.post(base + "/" + appealId + "/decision", app.loginAs("ac1"), decision);
        assertEquals(200, decided.status(), decided.body());
        return decided.json();
    }
}
