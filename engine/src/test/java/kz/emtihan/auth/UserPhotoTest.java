package kz.emtihan.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import kz.emtihan.upload.ImageBodies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The enrolment photo of an account, kept by an administrator and shown at a sitting's identity check (6.15.6). */
@SharedEngine
class UserPhotoTest {
    static final byte[] FACE = resource("/fixtures/faces/face_grace_hopper.jpg");
    static final byte[] PNG = resource("/fixtures/faces/noface_coffee_640x480.png");
    static TestEngine app;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        app.users("student", "ups1", "ups2", "ups3", "ups4", "ups5");
        app.users("commission", "upc1", "upm1", "upm2", "upac", "upad");
        app.users("secretary", "upsec");
    }

    static byte[] resource(String name) {
        try (InputStream in = UserPhotoTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(String user) {
        return "/api/v1/users/" + user + "/photo";
    }

    private static TestEngine.Reply put(String user, String token, String type, byte[] bytes) {
        return app.send("PUT", path(user), token, type, bytes);
    }

    private static JsonObject listed(String id) {
        JsonArray all = app.get("/api/v1/users", app.admin()).array();
        for (int i = 0; i < all.size(); i++)
            if (id.equals(all.getJsonObject(i).getString("id"))) return all.getJsonObject(i);
        throw new AssertionError(id + " not listed");
    }

    private static boolean stored(String user) {
        return app.redis(Request.cmd(Command.EXISTS).arg(kz.emtihan.auth.AuthKeys.userPhoto(user)))
                                .toInteger()
                        == 1
                || app.redis(Request.cmd(Command.HEXISTS).arg("user:" + user).arg("photo"))
                                .toInteger()
                        == 1;
    }

    @Test
    void anAdministratorKeepsTheEnrolmentPhotoAndThePersonSeesIt() throws Exception {
        String admin = app.admin();
        assertEquals(false, listed("ups1").getBoolean("photo"), "no photo yet");
        assertEquals(404, app.get(path("ups1"), admin).status(), "none kept yet");

        TestEngine.Reply kept = put("ups1", admin, "image/jpeg", FACE);
        assertEquals(200, kept.status(), kept.body());
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(FACE)),
                kept.json().getString("sha256"));
        assertEquals("admin", kept.json().getString("by"));
        assertEquals("image/jpeg", kept.json().getString("contentType"));
        assertEquals(FACE.length, kept.json().getInteger("bytes"));

        assertArrayEquals(FACE, app.getBytes(path("ups1"), admin), "the administrator reads back the same bytes");
        assertArrayEquals(FACE, app.getBytes(path("ups1"), app.loginAs("ups1")), "the person sees their own photo");
        TestEngine.Reply served = app.get(path("ups1"), admin);
        assertEquals("image/jpeg", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals(403, app.get(path("ups1"), app.loginAs("ups2")).status(), "never another user's");
        assertEquals(true, listed("ups1").getBoolean("photo"), "the listing says there is one");
        assertEquals(false, listed("ups2").getBoolean("photo"));
        assertNull(listed("ups1").getValue("hash"), "the listing still never shows the password hash");

        assertEquals(200, put("ups1", admin, "image/png", PNG).status(), "a new photo replaces the old one");
        assertArrayEquals(PNG, app.getBytes(path("ups1"), app.loginAs("ups1")));
        assertEquals(
                "image/png",
                app.get(path("ups1"), admin)
                        .headers()
                        .firstValue("Content-Type")
                        .orElse(""));
        assertEquals(
                200,
                app.post(
                                "/api/v1/auth/login",
                                null,
                                new JsonObject().put("username", "ups1").put("password", "ups1-password"))
                        .status(),
                "the account itself is as it was");

        assertEquals(
                403,
                app.send("DELETE", path("ups1"), app.loginAs("ups1"), null, null)
                        .status(),
                "only an administrator removes it");
        assertEquals(204, app.send("DELETE", path("ups1"), admin, null, null).status());
        assertEquals(404, app.get(path("ups1"), admin).status());
        assertEquals(false, listed("ups1").getBoolean("photo"));
        assertEquals(false, stored("ups1"), "nothing is left in the store");
        assertEquals(404, app.send("DELETE", path("nobody"), admin, null, null).status());
    }

    @Test
    void aRefusedPhotoStoresNothing() {
        String admin = app.admin();
        assertEquals(
                403,
                put("ups3", app.loginAs("ups3"), "image/jpeg", FACE).status(),
                "a user does not set their own photo");
        assertEquals(403, put("ups3", app.loginAs("upsec"), "image/jpeg", FACE).status(), "nor does the secretary");
        assertEquals("bad-photo", put("ups3", admin, "image/png", FACE).error(), "the type must be the file's own");
        assertEquals(
                "bad-photo",
                put("ups3", admin, "image/gif", "GIF89a....".getBytes()).error(),
                "only JPEG or PNG");
        assertEquals(
                "bad-photo",
                put("ups3", admin, "image/jpeg", "not an image".getBytes()).error());
        assertEquals("bad-photo", put("ups3", admin, null, FACE).error(), "the Content-Type is required");
        byte[] huge = new byte[ImageBodies.MAX_PHOTO_BYTES + 1];
        System.arraycopy(FACE, 0, huge, 0, FACE.length);
        TestEngine.Reply tooBig = put("ups3", admin, "image/jpeg", huge);
        assertEquals(400, tooBig.status(), tooBig.body());
        assertEquals("bad-photo", tooBig.error(), "at most 1 MB");
        assertEquals(false, stored("ups3"), "nothing is stored on refusal");
        assertEquals(false, listed("ups3").getBoolean("photo"));
        assertEquals(404, put("nobody", admin, "image/jpeg", FACE).status(), "no such account");
        assertEquals(false, stored("nobody"), "and no account comes of it");
        assertEquals(403, app.get(path("nobody"), app.loginAs("ups3")).status());
        assertEquals(404, app.get(path("nobody"), admin).status());
    }

    @Test
    void theCommissionSeesTheEnrolmentPhotoOfTheirStudentThroughTheSitting() {
        String admin = app.admin();
        JsonObject body = new JsonObject()
                .put("kind", "thesis-defence")
                .put("title", "Defences")
                .put("date", kz.emtihan.sitting.SittingDays.today())
                .put("language", "en")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "upc1")
                                .put("members", new JsonArray().add("upm1").add("upm2"))
                                .put("secretary", "upsec"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "upac")
                                .put("deputy", "upad")
                                .put("members", new JsonArray()))
                .put("students", new JsonArray().add("ups2").add("ups4"));
        TestEngine.Reply created = app.post("/api/v1/sittings", admin, body);
        assertEquals(201, created.status(), created.body());
        String photos = "/api/v1/sittings/" + created.json().getString("id") + "/students/";
        assertEquals(
                404,
                app.get(photos + "ups4/photos/enrolment", app.loginAs("upsec")).status(),
                "no enrolment photo yet");

        assertEquals(200, put("ups4", admin, "image/jpeg", FACE).status());
        assertEquals(200, put("ups5", admin, "image/png", PNG).status(), "ups5 is in no sitting of this commission");
        assertArrayEquals(
                FACE, app.getBytes(photos + "ups4/photos/enrolment", app.loginAs("upsec")), "the secretary sees it");
        assertArrayEquals(FACE, app.getBytes(photos + "ups4/photos/enrolment", app.loginAs("upm1")), "and the members");
        assertArrayEquals(
                FACE, app.getBytes(photos + "ups4/photos/enrolment", app.loginAs("ups4")), "and the student it shows");
        assertArrayEquals(FACE, app.getBytes(photos + "ups4/photos/enrolment", admin), "and an administrator");
        assertEquals(
                403,
                app.get(photos + "ups4/photos/enrolment", app.loginAs("ups2")).status(),
                "never another student");
        assertEquals(
                404,
                app.get(photos + "ups5/photos/enrolment", app.loginAs("upsec")).status(),
                "the sitting shows only its own students' photos");

        TestEngine.Reply refused =
                app.send("PUT", photos + "ups4/photos/enrolment", app.loginAs("upsec"), "image/png", PNG);
        assertEquals(405, refused.status(), refused.body());
        assertArrayEquals(FACE, app.getBytes(path("ups4"), admin), "the sitting does not change the account's photo");
        JsonObject progress = app.get(photos.replace("/students/", ""), admin)
                .json()
                .getJsonObject("progress")
                .getJsonObject("ups4", new JsonObject());
        assertNull(progress.getValue("photos"), "nor keeps a photo of its own");
    }
}
