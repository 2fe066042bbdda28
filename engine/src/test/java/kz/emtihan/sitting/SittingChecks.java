package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import kz.emtihan.TestEngine;

/** 6.15.6 through the API, as the technical secretary does it before the draw: admission, the photos, the checks. */
final class SittingChecks {
    private SittingChecks() {}

    /** The secretary admits {@code student}, keeps the photos and confirms identity and the desk-and-room checklist. */
    static void checked(TestEngine app, String sittingId, String student, String secretary) {
        String path = "/api/v1/sittings/" + sittingId + "/students/" + student;
        String token = app.loginAs(secretary);
        assertEquals(200, app.post(path + "/admit", token, null).status());
        photos(app, sittingId, student, secretary, "id-card", "identity");
        assertEquals(
                200,
                app.post(path + "/identity", token, new JsonObject().put("confirmed", true))
                        .status());
        photos(app, sittingId, student, secretary, "room");
        JsonObject all = new JsonObject();
        for (String item : SittingSteps.ROOM_CHECKLIST) all.put(item, true);
        assertEquals(
                200,
                app.post(path + "/room", token, new JsonObject().put("checklist", all))
                        .status());
    }

    /** The secretary's photos of the checks (a real JPEG from the shared fixtures). */
    static void photos(TestEngine app, String sittingId, String student, String secretary, String... kinds) {
        for (String kind : kinds) {
            TestEngine.Reply r = app.send(
                    "PUT",
                    "/api/v1/sittings/" + sittingId + "/students/" + student + "/photos/" + kind,
                    app.loginAs(secretary),
                    "image/jpeg",
                    SittingRoomTest.FACE);
            assertEquals(200, r.status(), r.body());
        }
    }
}
