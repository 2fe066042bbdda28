package kz.emtihan.lti;

import static kz.emtihan.lti.MoodleFixturesTest.TOOL;
import static kz.emtihan.lti.MoodleFixturesTest.check;
import static kz.emtihan.lti.MoodleFixturesTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.model.Launch;
import kz.emtihan.lti.model.LaunchRoles;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (3) for an oral sitting against the real Moodle 4.3 (docs/notes-moodle-sitting.md): what Moodle kept when
 * the sitting's chair saved an activity from Emtihan's deep-linking answer naming a sitting, what it sent when the
 * sitting's student opened it, and the grade rows Moodle wrote for the chair's confirmation and then for an appeal's
 * decision that changed it. Recorded by docs/lti-moodle-sitting.sh (resources kz/emtihan/lti/moodle/README.md).
 */
class MoodleSittingFixturesTest {
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    static final JsonObject RECORDED = fixture("sitting-activity.json");

    static String sitting() {
        return RECORDED.getJsonObject("form_save").getJsonObject("saved").getString("lineItemResourceId");
    }

    @Test
    void moodlesFormKeepsTheSittingAsTheCustomParameterAndTheLineItemsResource() {
        // issue 16 (3): the content item names the sitting; Moodle's own form keeps it as the activity's settings
        JsonObject save = RECORDED.getJsonObject("form_save");
        JsonObject item = save.getJsonObject("contentitem_return")
                .getJsonObject("tool_response_claims")
                .getJsonArray("https://purl.imsglobal.org/spec/lti-dl/claim/content_items")
                .getJsonObject(0);
        assertEquals(sitting(), item.getJsonObject("custom").getString("sitting"));
        assertNull(item.getJsonObject("custom").getString("exam"), "a sitting's link names no exam");
        JsonObject post = save.getJsonObject("modedit_post").getJsonObject("params");
        assertEquals(TOOL + "/lti/launch", post.getString("toolurl"));
        assertEquals("sitting=" + sitting(), post.getString("instructorcustomparameters"));
        assertEquals(sitting(), post.getString("lineitemresourceid"));
        assertEquals("100", post.getString("grade[modgrade_point]"), "the sitting's maximum became the grade");
    }

    @Test
    void theSittingsStudentAndChairOpeningTheActivityLandOnTheirSittingPagesWithItsOwnLineItem() {
        // issue 16 (3): Moodle's launch of the saved activity verifies and opens the sitting, not an exam
        JsonObject saved = RECORDED.getJsonObject("form_save").getJsonObject("saved");
        Launch student = check(RECORDED.getJsonObject("student_launch"));
        assertEquals(Launch.RESOURCE_LINK, student.messageType());
        assertEquals(sitting(), student.custom().get("sitting"), "the custom parameter reaches the launch");
        assertEquals(Optional.of(saved.getString("ltiId")), student.resourceLinkId());
        assertEquals(Optional.of(Role.STUDENT), LaunchRoles.role(student.roles(), false));
        assertEquals(
                "sitting-student.html?sitting=" + sitting(),
                LaunchSignIn.next(student, Role.STUDENT, LaunchSignIn.Placed.sitting(Optional.of(sitting())), "L1"));
        assertEquals(
                "http://127.0.0.1:8765/mod/lti/services.php/2/lineitems/" + saved.getString("gradeItemId")
                        + "/lineitem?type_id=1",
                student.ags().orElseThrow().lineItem(),
                "the grade goes to this activity's own column");

        Launch chair = check(RECORDED.getJsonObject("teacher_launch"));
        Role role = LaunchRoles.role(chair.roles(), false).orElseThrow();
        assertNotEquals(Role.STUDENT, role);
        assertEquals(
                "sitting.html?sitting=" + sitting(),
                LaunchSignIn.next(chair, role, LaunchSignIn.Placed.sitting(Optional.of(sitting())), "L2"));
    }

    @Test
    void moodleKeptTheConfirmedScoreAndThenTheAppealsOutOfTheItemsMaximumWithTheLetterAsFeedback() {
        // issue 16 (3): score scaled to the line item's maximum, the letter in the comment, for both tellings
        JsonArray grades = RECORDED.getJsonArray("grades");
        assertEquals("confirmed", grades.getJsonObject(0).getString("moment"));
        assertEquals("appeal", grades.getJsonObject(1).getString("moment"));
        String itemId =
                RECORDED.getJsonObject("form_save").getJsonObject("saved").getString("gradeItemId");
        for (Object o : grades) {
            JsonObject g = (JsonObject) o;
            JsonObject sent = g.getJsonObject("emtihan");
            JsonObject row = g.getJsonObject("moodle_grade_grades");
            assertEquals("sent", sent.getString("state"));
            assertEquals(itemId, String.valueOf(row.getInteger("itemid")), "that activity's grade item");
            assertEquals(
                    row.getDouble("grademax") * sent.getDouble("scoreGiven") / sent.getDouble("scoreMaximum"),
                    row.getDouble("finalgrade"),
                    1e-6);
            assertEquals(sent.getString("letter"), row.getString("feedback"));
        }
        assertEquals(
                "B+",
                grades.getJsonObject(0).getJsonObject("moodle_grade_grades").getString("feedback"));
        assertEquals(
                "A-",
                grades.getJsonObject(1).getJsonObject("moodle_grade_grades").getString("feedback"));
        assertEquals(
                grades.getJsonObject(0).getJsonObject("emtihan").getString("studentId"),
                grades.getJsonObject(1).getJsonObject("emtihan").getString("studentId"));
    }
}
