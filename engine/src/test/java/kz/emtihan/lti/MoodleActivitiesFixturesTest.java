package kz.emtihan.lti;

import static kz.emtihan.lti.MoodleFixturesTest.TOOL;
import static kz.emtihan.lti.MoodleFixturesTest.check;
import static kz.emtihan.lti.MoodleFixturesTest.fixture;
import static kz.emtihan.lti.MoodleFixturesTest.idToken;
import static kz.emtihan.lti.MoodleFixturesTest.moodle;
import static kz.emtihan.lti.MoodleFixturesTest.receivedAt;
import static kz.emtihan.lti.MoodleFixturesTest.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.model.Launch;
import kz.emtihan.lti.model.LaunchRoles;
import kz.emtihan.lti.model.LtiRefusal;
import kz.emtihan.lti.model.Platform;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "How to test it against the real thing", second walk (docs/notes-moodle-real-2.md): what a real Moodle 4.3
 * sent when a teacher saved a deep-linked activity through Moodle's own form, when a student opened it, and when a
 * student opened an activity of the tool type Moodle made by dynamic registration (activated, embedded in Moodle's
 * page). Recorded from the browser's requests (resources kz/emtihan/lti/moodle/README.md).
 */
class MoodleActivitiesFixturesTest {
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

    static JsonObject claims(JsonObject launch) {
        return launch.getJsonObject("id_token_claims");
    }

    @Test
    void moodlesFormSavedFromTheDeepLinkingAnswerMakesAnActivityWithThePickedExamAndItsOwnLineItem() {
        // issue 16 (2): Deep Linking lets a teacher pick an exam from inside Moodle, and Moodle's own form keeps it
        JsonObject saved = fixture("deeplink-form-save.json");
        JsonObject item = saved.getJsonObject("contentitem_return")
                .getJsonObject("tool_response_claims")
                .getJsonArray("https://purl.imsglobal.org/spec/lti-dl/claim/content_items")
                .getJsonObject(0);
        String exam = item.getJsonObject("custom").getString("exam");
        assertEquals(exam, item.getJsonObject("lineItem").getString("resourceId"));

        JsonObject post = saved.getJsonObject("modedit_post").getJsonObject("params");
        assertEquals(TOOL + "/lti/launch", post.getString("toolurl"));
        assertEquals(
                "exam=" + exam,
                post.getString("instructorcustomparameters"),
                "the custom parameter, as Moodle's form keeps it");
        assertEquals(exam, post.getString("lineitemresourceid"));
        assertEquals(item.getString("title"), post.getString("name"), "the activity is named by the tool's title");
        assertEquals("100", post.getString("grade[modgrade_point]"), "the line item's scoreMaximum became the grade");
        assertEquals("1", post.getString("typeid"), "the recipe's tool type");
        assertEquals("1", post.getString("launchcontainer"), "Moodle 4.3: 'default', the tool type decides");

        JsonObject rows = saved.getJsonObject("line_item_rows");
        JsonObject service = rows.getJsonObject("mdl_ltiservice_gradebookservices");
        JsonObject gradeItem = rows.getJsonObject("mdl_grade_items");
        assertEquals(exam, service.getString("resourceid"), "Moodle's line item carries the exam as its resourceId");
        assertEquals(gradeItem.getString("id"), service.getString("gradeitemid"));
        assertEquals(saved.getJsonObject("saved").getString("ltiId"), gradeItem.getString("iteminstance"));
        assertEquals("100.00", gradeItem.getString("grademax"));
    }

    @Test
    void aStudentOpeningTheDeepLinkedActivityLandsOnThePickedExamAndItsGradeGoesToThatColumn() {
        // issue 16 (2, 3): the resource link opens its exam; the launch names the line item the deep link made
        JsonObject saved = fixture("deeplink-form-save.json");
        JsonObject recorded = fixture("deeplinked-student-launch.json");
        String exam = saved.getJsonObject("saved").getString("lineItemResourceId");
        Launch l = check(recorded);
        assertEquals(Launch.RESOURCE_LINK, l.messageType());
        assertEquals(exam, l.custom().get("exam"), "the custom parameter from the deep link reaches the launch");
        assertEquals(Optional.of(saved.getJsonObject("saved").getString("ltiId")), l.resourceLinkId());
        assertEquals(Optional.of(Role.STUDENT), LaunchRoles.role(l.roles(), false));
        assertEquals("rules.html?exam=" + exam, LaunchSignIn.next(l, Role.STUDENT, Optional.of(exam), "L3"));

        String gradeItem = saved.getJsonObject("line_item_rows")
                .getJsonObject("mdl_grade_items")
                .getString("id");
        String lineItem = l.ags().orElseThrow().lineItem();
        assertEquals(
                "http://127.0.0.1:8765/mod/lti/services.php/2/lineitems/" + gradeItem + "/lineitem?type_id=1",
                lineItem);
        assertNotEquals(
                claims(fixture("student-launch.json")).getJsonObject(AGS).getString("lineitem"),
                lineItem,
                "its own column, not the recipe activity's");
        assertEquals(lineItem, LaunchSignIn.link(l, exam).lineItemUrl(), "the link keeps that line item for the grade");
        assertEquals(
                "window",
                claims(recorded).getJsonObject(LTI + "launch_presentation").getString("document_target"),
                "the recipe's tool type opens in a new window (launch container 4)");
        JsonObject grade = saved.getJsonArray("grade_after_submit").getJsonObject(0);
        assertEquals("student1", grade.getString("username"));
        assertEquals(
                l.sub(),
                fixture("platform.json")
                        .getJsonObject("users")
                        .getInteger("student1")
                        .toString());
        assertTrue(
                List.of("A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "F")
                        .contains(grade.getString("feedback")),
                "the letter in the comment");
    }

    static Platform registered(JsonObject recorded) {
        JsonObject reg = recorded.getJsonObject("registration");
        return moodle(
                reg.getString("client_id"), reg.getJsonArray("deployment_ids").getList());
    }

    @Test
    void theDynamicallyRegisteredClientsLaunchVerifiesForThatClientAndItsDeploymentOnly() {
        // issue 16 (1): a platform registered through LTI Dynamic Registration, activated, launches with its own client
        JsonObject recorded = fixture("dynamic-client-embedded-launch.json");
        JsonObject reg = recorded.getJsonObject("registration");
        assertEquals("1", reg.getJsonObject("mdl_lti_types").getString("state"), "activated (2 was pending)");
        assertEquals(
                reg.getString("client_id"), reg.getJsonObject("mdl_lti_types").getString("clientid"));
        assertNotEquals(fixture("platform.json").getString("client_id"), reg.getString("client_id"));
        assertEquals(
                TOOL + "/lti/login", reg.getJsonObject("mdl_lti_types_config").getString("initiatelogin"));

        Launch l = check(recorded, registered(recorded), idToken(recorded), TOOL, receivedAt(recorded));
        assertEquals(reg.getJsonArray("deployment_ids").getString(0), l.deploymentId());
        assertEquals("5", l.sub(), "student2");
        assertEquals(Optional.of(Role.STUDENT), LaunchRoles.role(l.roles(), false));
        assertTrue(l.custom().containsKey("exam"), "the activity was deep-linked through the new client too");

        long t = receivedAt(recorded);
        String token = idToken(recorded);
        assertEquals(
                LtiRefusal.WRONG_AUDIENCE,
                refusal(() -> check(recorded, moodle(), token, TOOL, t)),
                "the recipe's client does not take the new client's launch");
        assertEquals(
                LtiRefusal.UNKNOWN_DEPLOYMENT,
                refusal(() -> check(recorded, moodle(reg.getString("client_id"), List.of("1")), token, TOOL, t)));
    }

    @Test
    void theEmbeddedLaunchSaysIframeAndMoodlesOriginIsWhatFrameAncestorsMustName() {
        // issue 16 (5): Moodle shows the tool in its page's iframe; the CSP must let Moodle's origin frame the pages
        JsonObject recorded = fixture("dynamic-client-embedded-launch.json");
        JsonObject presentation = claims(recorded).getJsonObject(LTI + "launch_presentation");
        assertEquals("iframe", presentation.getString("document_target"));
        assertTrue(presentation.getString("return_url").contains("launch_container=3"), "Embed, without blocks");
        // issue 16 (2): Moodle sends its language pack's bare code as the locale, the user's language (here "ru")
        assertEquals(recorded.getString("moodle_user_lang"), presentation.getString("locale"));
        assertEquals("ru", presentation.getString("locale"));
        assertEquals(
                "3",
                recorded.getJsonObject("registration")
                        .getJsonObject("mdl_lti_types_config")
                        .getString("launchcontainer"),
                "a dynamically registered tool type defaults to Embed without blocks");
        assertEquals(
                "http://127.0.0.1:8765",
                kz.emtihan.lti.model.PlatformCheck.origin(registered(recorded).issuer()),
                "the origin the CSP's frame-ancestors names for this platform");
        assertEquals(
                TOOL + "/lti/login",
                recorded.getJsonObject("login_initiation").getString("url"),
                "the iframe's first step: Moodle's launch.php posting the login initiation to the tool");
        JsonArray grades = recorded.getJsonArray("grade_after_submit");
        assertEquals(
                "student2", grades.getJsonObject(0).getString("username"), "the grade reached that activity's column");
    }
}
