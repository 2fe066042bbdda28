package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 (2, 5): the chair and the members see, on their consoles, the student's enrolment photo beside the photos the
 * secretary takes at the identity check. The engine lets exactly that sitting's commission (chair, members, secretary),
 * an administrator and the student shown read them, and refuses everyone else a token can belong to: another student
 * of the same sitting, the commission of another sitting, the appeal commission, a proctor, a teacher.
 */
@SharedEngine
class SittingPhotoReadersTest {
    static TestEngine app;
    static String sitting;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        app.users("commission", "prc", "prm1", "prm2", "prac", "prad", "pxc", "pxm1", "pxm2", "pxac", "pxad");
        app.users("secretary", "prsec", "pxsec");
        app.users("student", "prs1", "prs2", "pxs1");
        app.users("proctor", "prp");
        app.users("teacher", "prt");
        sitting = create("prc", "prm1", "prm2", "prsec", "prac", "prad", "prs1", "prs2");
        create("pxc", "pxm1", "pxm2", "pxsec", "pxac", "pxad", "pxs1");
        String admin = app.admin();
        assertEquals(
                200,
                app.send("PUT", "/api/v1/users/prs1/photo", admin, "image/jpeg", SittingRoomTest.FACE)
                        .status());
        assertEquals(
                200,
                app.post("/api/v1/sittings/" + sitting + "/students/prs1/admit", app.loginAs("prsec"), null)
                        .status());
        SittingChecks.photos(app, sitting, "prs1", "prsec", "id-card", "identity");
    }

    private static String create(
            String chair, String m1, String m2, String secretary, String ac, String ad, String... students) {
        JsonObject body = new JsonObject()
                .put("kind", "comprehensive-exam")
                .put("title", "Photos")
                .put("date", SittingDays.today())
                .put("language", "kk")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", chair)
                                .put("members", new JsonArray().add(m1).add(m2))
                                .put("secretary", secretary))
                .put(
                        "appealCommission",
                        new JsonObject().put("chair", ac).put("deputy", ad).put("members", new JsonArray()))
                .put("students", new JsonArray(List.of(students)));
        TestEngine.Reply r = app.post("/api/v1/sittings", app.admin(), body);
        assertEquals(201, r.status(), r.body());
        return r.json().getString("id");
    }

    private static String path(String kind) {
        return "/api/v1/sittings/" + sitting + "/students/prs1/photos/" + kind;
    }

    @Test
    void theChairAndTheMembersSeeTheEnrolmentPhotoBesideTheIdentityPhotos() {
        for (String reader : List.of("prc", "prm1", "prm2", "prsec")) {
            String token = app.loginAs(reader);
            for (String kind : List.of("enrolment", "identity", "id-card")) {
                assertArrayEquals(SittingRoomTest.FACE, app.getBytes(path(kind), token), reader + " reads " + kind);
            }
        }
        assertArrayEquals(SittingRoomTest.FACE, app.getBytes(path("identity"), app.admin()), "and an administrator");
    }

    @Test
    void noOneElseReadsThem() {
        // another student of the same sitting, the commission and secretary of another sitting, this sitting's appeal
        // commission, a proctor, a teacher: each with a valid token of their own
        for (String attacker : List.of("prs2", "pxs1", "pxc", "pxm1", "pxsec", "prac", "prad", "prp", "prt")) {
            String token = app.loginAs(attacker);
            for (String kind : List.of("enrolment", "identity", "id-card")) {
                TestEngine.Reply r = app.get(path(kind), token);
                assertEquals(403, r.status(), attacker + " must not read " + kind + ": " + r.body());
            }
        }
    }

    @Test
    void aMissingEnrolmentPhotoIsA404ThatTheConsoleSaysInWords() {
        TestEngine.Reply r =
                app.get("/api/v1/sittings/" + sitting + "/students/prs2/photos/enrolment", app.loginAs("prc"));
        assertEquals(404, r.status(), r.body());
    }
}
