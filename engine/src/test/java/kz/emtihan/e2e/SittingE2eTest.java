package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.emtihan.TestEngine;
import kz.emtihan.sitting.SittingBodies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 5 item 9 in headless Chromium against the real engine: the technical secretary, the chair, two members and a
 * student, each in their own browser, through a whole sitting of the oral final attestation (6.15.6: admission,
 * identity, room check, the chair's draw, preparation, answer, independent scores, confirmation, the result on the
 * student's page), a technical failure with an act, the members' votes and the decision (6.15.2), the sitting closed
 * with its seed revealed, an appeal filed in time and decided by the appeal commission, and one refused as too late
 * (6.15.4-6.15.5). Every page follows the sitting over the live socket, so each browser waits for what another did.
 */
class SittingE2eTest {
    static final Duration LIVE = Duration.ofSeconds(10);
    static TestEngine app;

    @BeforeAll
    static void start() {
        app = TestEngine.start();
        app.users("commission", "c1", "m1", "m2", "ac1", "ad1");
        app.users("secretary", "sec1");
        app.users("student", "st1", "st2");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aWholeSittingInFiveBrowsers() {
        String admin = app.admin();
        JsonObject body = SittingBodies.body(
                "comprehensive-exam",
                "Information systems — comprehensive exam",
                kz.emtihan.sitting.SittingDays.today(),
                "kk",
                "st1",
                "st2");
        TestEngine.Reply created = app.post("/api/v1/sittings", admin, body);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        JsonArray tickets = new JsonArray();
        for (int n = 1; n <= 5; n++) {
            tickets.add(new JsonObject()
                    .put("number", n)
                    .put(
                            "questions",
                            new JsonArray()
                                    .add("Ticket " + n + ": databases and normal forms")
                                    .add("Ticket " + n + ": design a REST API for a library")
                                    .add("Ticket " + n + ": explain a B-tree index")));
        }
        assertEquals(
                200,
                app.put("/api/v1/sittings/" + id + "/tickets", admin, tickets).status());
        // st1's enrolment photo, kept with the account by an administrator; st2 has none
        assertEquals(
                200,
                app.send(
                                "PUT",
                                "/api/v1/users/st1/photo",
                                admin,
                                "image/jpeg",
                                resource("/fixtures/faces/face_grace_hopper.jpg"))
                        .status());
        String console = "/sitting.html?sitting=" + id;

        try (Browser sec = Browser.withFakeMedia(app.base(), 1366, 1000);
                Browser chair = Browser.withFakeMedia(app.base(), 1366, 768); // issue 15 (5): the chair's laptop
                Browser m1 = Browser.open(app.base(), 1280, 900);
                Browser m2 = Browser.open(app.base(), 1280, 900);
                Browser student = Browser.withFakeMedia(app.base(), 1024, 900)) {
            // the secretary lands on their sittings; everyone opens the sitting
            ProctoringE2eTest.signInStaff(sec, "sec1");
            sec.waitUntil("my sittings", () -> sec.driver().getCurrentUrl().contains("sittings.html"), LIVE);
            sec.waitForState("ready");
            assertEquals(
                    "secretary",
                    sec.driver()
                            .findElement(By.cssSelector("tr[data-sitting='" + id + "']"))
                            .getAttribute("data-role"));
            sec.screenshot("sitting-01-list");
            Accessibility.check(sec, "sittings (secretary)"); // issue 15 (8)
            sec.driver()
                    .findElement(By.cssSelector("tr[data-sitting='" + id + "'] a"))
                    .click();
            sec.waitForState("ready");
            assertEquals("secretary", role(sec));
            assertTrue(
                    !sec.driver().findElement(By.id("video-link")).isDisplayed(),
                    "no external platform: the engine's own room");
            for (var pair : List.of(List.of(chair, "c1"), List.of(m1, "m1"), List.of(m2, "m2"))) {
                Browser b = (Browser) pair.get(0);
                ProctoringE2eTest.signInStaff(b, (String) pair.get(1));
                b.go(console);
                b.waitForState("ready");
            }
            assertEquals("chair", role(chair));
            assertEquals("member", role(m1));
            StudentFlowE2eTest.signIn(student, "st1", "en");
            student.driver().findElement(By.id("sittings-link")).click();
            student.waitForState("ready");
            student.driver()
                    .findElement(By.cssSelector("tr[data-sitting='" + id + "'] a"))
                    .click();
            student.waitForState("ready");
            assertEquals("waiting", studentStatus(student));
            for (Browser b : List.of(sec, chair, m1, m2, student)) waitLive(b);

            // the commission sits in the engine's video room; the student waits outside with the camera on and the ID
            // card photographed
            for (Browser b : List.of(sec, chair)) {
                click(b, "room-join");
                b.waitUntil(
                        "in the room",
                        () -> "in"
                                .equals(b.driver()
                                        .findElement(By.id("room-state"))
                                        .getAttribute("data-room")),
                        LIVE);
            }
            tilePlaying(chair, "sec1");
            click(student, "room-join");
            student.waitUntil(
                    "the camera on",
                    () -> student.driver()
                            .findElement(By.id("snap-own-id-card"))
                            .isEnabled(),
                    LIVE);
            assertEquals(
                    "off",
                    student.driver().findElement(By.id("room-state")).getAttribute("data-room"),
                    "6.15.6: not in the room before admission");
            click(student, "snap-own-id-card");
            student.waitUntil(
                    "the ID card photo kept",
                    () -> !sha(student, "photo-own-id-card").isEmpty(),
                    LIVE);
            student.screenshot("sitting-02-student-waiting");
            Accessibility.check(student, "sitting-student, waiting"); // issue 15 (8)

            // 6.15.6: admission, identity, room: the secretary's steps; the student's page follows
            assertEquals("st1", current(sec, "data-student"), "the console opens on the first student");
            sec.screenshot("sitting-03-secretary-admit");
            Accessibility.check(sec, "sitting, the secretary admits"); // issue 15 (8)
            click(sec, "admit");
            student.waitUntil("admitted on the student's page", () -> "admitted".equals(studentStatus(student)), LIVE);
            student.waitUntil(
                    "the student in the room",
                    () -> "in"
                            .equals(student.driver()
                                    .findElement(By.id("room-state"))
                                    .getAttribute("data-room")),
                    LIVE);
            tilePlaying(sec, "st1");
            tilePlaying(chair, "st1");
            tilePlaying(student, "c1");
            waitStep(sec, "identity");
            sec.waitUntil(
                    "the student's ID card beside the snapshot",
                    () -> !photoSha(sec, "id-card").isEmpty(),
                    LIVE);
            sec.waitUntil(
                    "the enrolment photo beside them",
                    () -> "true"
                            .equals(sec.driver()
                                    .findElement(By.id("photo-enrolment"))
                                    .getAttribute("data-loaded")),
                    LIVE);
            assertTrue(
                    sec.driver().findElement(By.id("photo-enrolment")).isDisplayed(),
                    "6.15.6: the enrolment photo is shown at the identity check");
            assertTrue(
                    !sec.driver().findElement(By.id("identity-confirm")).isEnabled(),
                    "no identity check without the face snapshot");
            click(sec, "snap-identity");
            sec.waitUntil("the face snapshot", () -> !photoSha(sec, "identity").isEmpty(), LIVE);
            sec.screenshot("sitting-03b-secretary-identity");
            // issue 15 (2, 5): the chair sees the same photos, read-only, while the secretary checks
            chair.waitUntil(
                    "the chair sees the enrolment photo",
                    () -> "true"
                            .equals(chair.driver()
                                    .findElement(By.id("photo-enrolment"))
                                    .getAttribute("data-loaded")),
                    LIVE);
            chair.waitUntil(
                    "and the face snapshot beside it",
                    () -> !photoSha(chair, "identity").isEmpty(),
                    LIVE);
            assertTrue(chair.driver().findElement(By.id("photo-enrolment")).isDisplayed());
            assertTrue(chair.driver().findElement(By.id("photo-identity")).isDisplayed());
            assertEquals(
                    "true", chair.driver().findElement(By.id("identity-photos")).getAttribute("data-read-only"));
            assertTrue(
                    !chair.driver().findElement(By.id("snap-identity")).isDisplayed()
                            && !chair.driver()
                                    .findElement(By.id("file-identity"))
                                    .isDisplayed(),
                    "the chair takes no photo");
            chair.screenshot("sitting-03c-chair-identity");
            Accessibility.check(chair, "sitting, the chair sees the identity photos"); // issue 15 (8)
            click(sec, "identity-confirm");
            waitStep(sec, "room");
            // issue 15 (5): the label says what has happened, not "Not started" for an admitted, identified student
            assertEquals(
                    "identified", sec.driver().findElement(By.id("phase-name")).getAttribute("data-label"));
            assertEquals(
                    "Identity confirmed; the desk and room not yet checked",
                    sec.driver().findElement(By.id("phase-name")).getText());
            click(sec, "snap-room");
            sec.waitUntil("the room snapshot", () -> !photoSha(sec, "room").isEmpty(), LIVE);
            JsonObject photos = app.get("/api/v1/sittings/" + id, admin)
                    .json()
                    .getJsonObject("progress")
                    .getJsonObject("st1")
                    .getJsonObject("photos");
            assertEquals(
                    photoSha(sec, "identity"),
                    photos.getJsonObject("identity").getString("sha256"),
                    "the console shows the photo the engine keeps");
            assertEquals(
                    "st1",
                    photos.getJsonObject("id-card").getString("by"),
                    "the ID card came from the student's own page");
            sec.driver().findElement(By.id("room-desk-clear")).click();
            click(sec, "room-submit");
            sec.waitUntil(
                    "the checklist refused",
                    () -> sec.driver().findElement(By.id("step-error")).isDisplayed(),
                    LIVE);
            assertEquals("room", current(sec, "data-step"), "not all items ticked: no step");
            for (String item : List.of("room-alone", "no-devices", "camera-shows-room"))
                sec.driver().findElement(By.id("room-" + item)).click();
            sec.screenshot("sitting-04-secretary-room");
            click(sec, "room-submit");
            waitStep(sec, "draw");
            assertTrue(
                    sec.driver()
                            .findElements(By.cssSelector("#chair-draw:not([hidden])"))
                            .isEmpty(),
                    "the secretary does not draw");

            // the chair draws in front of the student
            waitStep(chair, "draw");
            besideTheVideo(chair, "draw");
            chair.driver().findElement(By.id("draw-word")).sendKeys("almaty");
            chair.screenshot("sitting-05-chair-draw");
            Accessibility.check(chair, "sitting, the chair draws"); // issue 15 (8)
            click(chair, "draw");
            student.waitUntil("the ticket on the student's page", () -> "drawn".equals(studentStatus(student)), LIVE);
            List<WebElement> questions = student.driver().findElements(By.cssSelector("#ticket-questions li"));
            assertEquals(3, questions.size());
            assertTrue(
                    questions.get(0).getText().startsWith("Ticket "),
                    questions.get(0).getText());
            sec.waitUntil(
                    "the draw in the table",
                    () -> sec.driver()
                                    .findElements(By.cssSelector("#draws-body tr"))
                                    .size()
                            == 1,
                    LIVE);
            assertEquals(
                    "almaty",
                    sec.driver()
                            .findElement(By.cssSelector("#draws-body tr td:nth-child(3)"))
                            .getText());
            assertEquals(
                    64,
                    sec.driver()
                            .findElement(By.id("commitment"))
                            .getAttribute("textContent")
                            .length(),
                    "the commitment is shown from the start");
            // issue 15 (5): a short form on screen, the whole value folded under it
            assertTrue(
                    sec.driver()
                            .findElement(By.id("commitment-short"))
                            .getText()
                            .matches("[0-9a-f]{8}…[0-9a-f]{4}"),
                    sec.driver().findElement(By.id("commitment-short")).getText());
            assertTrue(!sec.driver().findElement(By.id("commitment")).isDisplayed(), "folded");
            assertEquals("false", sec.driver().findElement(By.id("seed")).getAttribute("data-revealed"));

            // preparation and answer on the server's clock
            waitStep(sec, "start-preparation");
            click(sec, "start-preparation");
            student.waitUntil(
                    "preparation",
                    () -> "PREPARATION"
                            .equals(student.driver()
                                    .findElement(By.id("sitting-student"))
                                    .getAttribute("data-phase")),
                    LIVE);
            student.waitUntil(
                    "the timer counts down from 20 minutes",
                    () -> {
                        String timer = student.driver()
                                .findElement(By.id("phase-timer"))
                                .getText();
                        return timer.matches("(19:[0-5]\\d|20:00)");
                    },
                    LIVE);
            student.screenshot("sitting-06-student-preparation");
            chair.go("/sitting-presentation.html?sitting=" + id);
            chair.waitForState("ready");
            assertEquals(
                    "PREPARATION",
                    chair.driver().findElement(By.id("presentation")).getAttribute("data-phase"));
            assertEquals(
                    3,
                    chair.driver()
                            .findElements(By.cssSelector("#presentation-questions li"))
                            .size());
            chair.screenshot("sitting-07-presentation");
            Accessibility.check(chair, "sitting-presentation"); // issue 15 (8)
            chair.go(console);
            chair.waitForState("ready");
            waitLive(chair);
            waitStep(sec, "end-preparation");
            assertTrue(sec.driver().findElement(By.id("phase-timer")).getText().matches("(19:[0-5]\\d|20:00)"));
            click(sec, "end-preparation");
            waitStep(sec, "end-answer");
            click(sec, "end-answer");
            sec.waitUntil(
                    "ending early needs a reason",
                    () -> sec.driver().findElement(By.id("step-error")).isDisplayed(),
                    LIVE);
            assertEquals(
                    "wrong-order", sec.driver().findElement(By.id("step-error")).getAttribute("data-error"));
            sec.driver().findElement(By.id("end-reason")).sendKeys("The student finished the answer");
            sec.screenshot("sitting-08-secretary-answer");
            click(sec, "end-answer");
            waitStep(sec, "score");

            // every member scores on their own; the others' scores appear only once all have scored
            score(m1, "80");
            m1.waitUntil(
                    "my score shown",
                    () -> m1.driver().findElement(By.id("my-score")).isDisplayed(),
                    LIVE);
            assertTrue(
                    !m1.driver().findElement(By.id("scores-table")).isDisplayed(), "m1 does not see other scores yet");
            m2.waitUntil(
                    "one member has scored",
                    () -> m2.driver()
                            .findElement(By.id("scored-count"))
                            .getText()
                            .startsWith("1 of 3"),
                    LIVE);
            assertEquals(
                    0,
                    m2.driver().findElements(By.cssSelector("#scores-body tr")).size(),
                    "m2 does not see m1's score");
            m2.driver().findElement(By.id("score-input")).sendKeys("101");
            m2.driver().findElement(By.id("score-submit")).click();
            m2.waitUntil(
                    "101 refused in the page",
                    () -> m2.driver().findElement(By.id("step-error")).isDisplayed(),
                    LIVE);
            m2.driver().findElement(By.id("score-input")).clear();
            m2.screenshot("sitting-09-member-score");
            Accessibility.check(m2, "sitting, a member scores"); // issue 15 (8)
            score(m2, "85");
            waitStep(chair, "score");
            score(chair, "90");
            m1.waitUntil(
                    "all three scores visible",
                    () -> m1.driver()
                                    .findElements(By.cssSelector("#scores-body tr"))
                                    .size()
                            == 3,
                    LIVE);
            m1.screenshot("sitting-10-member-all-scores");
            waitStep(chair, "confirm");
            chair.waitUntil(
                    "the confirm button",
                    () -> chair.driver().findElement(By.id("confirm")).isDisplayed(),
                    LIVE);
            besideTheVideo(chair, "confirm");
            chair.screenshot("sitting-11-chair-confirm");
            click(chair, "confirm");
            // issue 15 (5): the confirmed result stays in view until the chair moves on
            chair.waitUntil(
                    "the result shown",
                    () -> chair.driver().findElement(By.id("result")).isDisplayed(),
                    LIVE);
            chair.waitUntil("the result held", () -> "true".equals(current(chair, "data-held")), LIVE);
            assertEquals("st1", current(chair, "data-student"), "the panel does not jump to the next student");
            assertEquals("confirmed", current(chair, "data-label"));
            assertTrue(chair.driver().findElement(By.id("phase-name")).getText().startsWith("Result confirmed: B+"));
            assertEquals(
                    "st2", chair.driver().findElement(By.id("next-student")).getAttribute("data-student"));
            chair.screenshot("sitting-11b-chair-result-held");
            click(chair, "next-student");
            chair.waitUntil("the chair moved on", () -> "st2".equals(current(chair, "data-student")), LIVE);
            assertEquals("not-admitted", current(chair, "data-label"));
            student.waitUntil(
                    "the result on the student's page",
                    () -> "B+"
                            .equals(student.driver()
                                    .findElement(By.id("result-box"))
                                    .getAttribute("data-letter")),
                    LIVE);
            assertEquals("graded", studentStatus(student));
            student.screenshot("sitting-12-student-result");
            Accessibility.check(student, "sitting-student, the result"); // issue 15 (8)
            sec.waitUntil(
                    "the graded student has left the room",
                    () -> sec.driver()
                            .findElements(By.cssSelector("#room-grid .room-tile[data-user='st1']"))
                            .isEmpty(),
                    LIVE);
            assertTrue(
                    !student.driver().findElement(By.id("room")).isDisplayed(),
                    "the student's page leaves the room with the result");

            // 6.15.2: st2's connection fails during the checks; the secretary draws up the act, the members decide
            sec.driver()
                    .findElement(By.cssSelector("li[data-student='st2'] button"))
                    .click();
            sec.waitUntil("st2 chosen", () -> "st2".equals(current(sec, "data-student")), LIVE);
            click(sec, "admit");
            waitStep(sec, "identity");
            sec.waitUntil(
                    "st2 has no enrolment photo",
                    () -> "none"
                            .equals(sec.driver()
                                    .findElement(By.id("photo-enrolment"))
                                    .getAttribute("data-loaded")),
                    LIVE);
            assertTrue(
                    !sec.driver().findElement(By.id("photo-enrolment")).isDisplayed(),
                    "no enrolment photo: none shown");
            // issue 15 (5): ... and the console says so instead of a silent 404
            assertTrue(sec.driver().findElement(By.id("enrolment-missing")).isDisplayed());
            assertTrue(
                    sec.driver()
                            .findElement(By.id("enrolment-missing"))
                            .getText()
                            .startsWith("No enrolment photo on file."),
                    sec.driver().findElement(By.id("enrolment-missing")).getText());
            // issue 15 (2, 5): a member looking at st2 reads the same words
            m1.driver()
                    .findElement(By.cssSelector("li[data-student='st2'] button"))
                    .click();
            m1.waitUntil(
                    "the member is told there is no enrolment photo",
                    () -> m1.driver().findElement(By.id("enrolment-missing")).isDisplayed(),
                    LIVE);
            assertTrue(
                    m1.driver()
                            .findElement(By.id("enrolment-missing"))
                            .getText()
                            .startsWith("No enrolment photo on file."),
                    m1.driver().findElement(By.id("enrolment-missing")).getText());
            // issue 15 (5): the act is a rare action, folded away from the usual steps, and asks before acting
            assertTrue(
                    !sec.driver().findElement(By.id("act-submit")).isDisplayed(),
                    "no red button beside \"Identity confirmed\"");
            sec.driver().findElement(By.cssSelector("#rare-details > summary")).click();
            sec.driver()
                    .findElement(By.id("act-description"))
                    .sendKeys("The student's connection dropped during the identity check");
            click(sec, "act-submit");
            sec.waitUntil(
                    "the act asks first",
                    () -> sec.driver().findElement(By.id("rare-dialog")).isDisplayed(),
                    LIVE);
            assertEquals("act", sec.driver().findElement(By.id("rare-dialog")).getAttribute("data-kind"));
            sec.screenshot("sitting-13a-secretary-act-confirm");
            click(sec, "rare-dialog-cancel");
            sec.waitUntil(
                    "the question closed",
                    () -> !sec.driver().findElement(By.id("rare-dialog")).isDisplayed(),
                    LIVE);
            assertEquals(
                    0,
                    app.get("/api/v1/sittings/" + id, admin)
                            .json()
                            .getJsonArray("acts")
                            .size(),
                    "cancelled: no act drawn up");
            assertEquals("identity", current(sec, "data-step"));
            click(sec, "act-submit");
            click(sec, "rare-dialog-ok");
            waitStep(sec, "act");
            assertEquals("act", current(sec, "data-label"));
            String vote = "li[data-act='act-1'] button[data-choice='%s']";
            for (var pair : List.of(List.of(m1, "same-day"), List.of(m2, "refuse"), List.of(chair, "same-day"))) {
                Browser b = (Browser) pair.get(0);
                By button = By.cssSelector(String.format(vote, pair.get(1)));
                b.waitUntil(
                        "the vote buttons",
                        () -> !b.driver().findElements(button).isEmpty(),
                        LIVE);
                if (b == m2) b.screenshot("sitting-13-member-vote");
                b.driver().findElement(button).click();
                b.waitUntil(
                        "my vote recorded",
                        () -> Boolean.TRUE.equals(
                                b.js(
                                        "const act = document.querySelector(\"li[data-act='act-1']\");"
                                                + " return act !== null && (act.querySelector('.act-my-vote') !== null || act.dataset.decision !== '')")),
                        LIVE);
            }
            sec.waitUntil(
                    "the decision",
                    () -> "SAME_DAY"
                            .equals(sec.js(
                                    "return document.querySelector(\"li[data-act='act-1']\")?.dataset.decision")),
                    LIVE);
            sec.waitUntil(
                    "st2 has another time",
                    () -> "new-time"
                            .equals(sec.js(
                                    "return document.querySelector(\"li[data-student='st2']\")?.dataset.status")),
                    LIVE);
            sec.screenshot("sitting-14-secretary-decision");

            // closing reveals the seed
            click(sec, "close-sitting");
            assertEquals("close", sec.waitFor(By.id("rare-dialog")).getAttribute("data-kind"));
            click(sec, "rare-dialog-ok");
            sec.waitUntil(
                    "the seed revealed",
                    () -> "true".equals(sec.driver().findElement(By.id("seed")).getAttribute("data-revealed")),
                    LIVE);
            assertEquals(
                    64,
                    sec.driver()
                            .findElement(By.id("seed"))
                            .getAttribute("textContent")
                            .length());
            sec.screenshot("sitting-15-closed-seed");
            pdfDownloaded(sec, By.id("protocol-pdf"));
            pdfDownloaded(sec, By.cssSelector("li[data-act='act-1'] button[data-pdf]"));

            // st1 appeals in time; the appeal commission meets and changes the grade
            student.waitUntil(
                    "the appeal form",
                    () -> student.driver().findElement(By.id("appeal-form")).isDisplayed(),
                    LIVE);
            student.driver()
                    .findElement(By.id("appeal-reason"))
                    .sendKeys("The second question was outside the programme");
            student.screenshot("sitting-16-student-appeal");
            student.driver().findElement(By.id("appeal-submit")).click();
            student.waitUntil(
                    "the appeal filed",
                    () -> !student.driver()
                            .findElements(By.cssSelector("li[data-appeal][data-appeal-state='awaiting-meeting']"))
                            .isEmpty(),
                    LIVE);
            chair.js("sessionStorage.clear()");
            ProctoringE2eTest.signInStaff(chair, "ac1");
            chair.go(console);
            chair.waitForState("ready");
            assertEquals("appeal-chair", role(chair));
            clickThroughRerender(chair, By.cssSelector("li[data-appeal] button[data-action='meeting']"));
            chair.waitUntil(
                    "the decision form",
                    () -> !chair.driver()
                            .findElements(By.cssSelector("form[data-appeal-form]"))
                            .isEmpty(),
                    LIVE);
            chair.driver()
                    .findElement(By.cssSelector("form[data-appeal-form] input[value='changed']"))
                    .click();
            chair.driver()
                    .findElement(By.cssSelector("form[data-appeal-form] input[type='text']"))
                    .sendKeys("A-");
            chair.driver()
                    .findElement(By.cssSelector("form[data-appeal-form] textarea"))
                    .sendKeys("The second question was indeed outside the programme.");
            chair.screenshot("sitting-17-appeal-decision");
            chair.driver()
                    .findElement(By.cssSelector("form[data-appeal-form] button[type='submit']"))
                    .click();
            student.waitUntil(
                    "the decision on the student's page",
                    () -> !student.driver()
                            .findElements(By.cssSelector("li[data-appeal][data-appeal-state='closed']"))
                            .isEmpty(),
                    LIVE);
            student.waitUntil(
                    "the changed grade",
                    () -> "A-"
                            .equals(student.driver()
                                    .findElement(By.id("result-box"))
                                    .getAttribute("data-letter")),
                    LIVE);
            student.screenshot("sitting-18-student-appeal-decided");
            pdfDownloaded(student, By.cssSelector("li[data-appeal] button[data-pdf]"));

            // st2 writes an appeal, but the 48 hours have run out meanwhile (the stored end moved back 49 h): refused
            student.js("sessionStorage.clear()");
            StudentFlowE2eTest.signIn(student, "st2", "en");
            student.go("/sitting-student.html?sitting=" + id);
            student.waitForState("ready");
            student.waitUntil(
                    "the appeal form",
                    () -> student.driver().findElement(By.id("appeal-form")).isDisplayed(),
                    LIVE);
            student.driver().findElement(By.id("appeal-reason")).sendKeys("I disagree");
            JsonObject doc = new JsonObject(
                    app.redis(Request.cmd(Command.HGET).arg("sitting:" + id).arg("doc"))
                            .toString());
            doc.put("endedAt", Instant.now().minus(Duration.ofHours(49)).toString());
            app.redis(Request.cmd(Command.HSET).arg("sitting:" + id).arg("doc").arg(doc.encode()));
            student.driver().findElement(By.id("appeal-submit")).click();
            student.waitUntil(
                    "the late appeal refused",
                    () -> "appeal-late"
                            .equals(student.driver()
                                    .findElement(By.id("appeal-error"))
                                    .getAttribute("data-error")),
                    LIVE);
            assertTrue(student.driver()
                    .findElement(By.id("appeal-error"))
                    .getText()
                    .startsWith("The 48 hours to appeal ended"));
            student.waitUntil(
                    "the form gone",
                    () -> !student.driver().findElement(By.id("appeal-form")).isDisplayed(),
                    LIVE);
            student.screenshot("sitting-19-student-appeal-late");
            assertEquals(
                    1,
                    app.get("/api/v1/sittings/" + id, admin)
                            .json()
                            .getJsonArray("appeals")
                            .size(),
                    "only the appeal in time is kept");
        }
    }

    /**
     * Issue 15 (5): at 1366×768 the current student's next action is beside the video room (to its right) and on the
     * first screen: no scrolling to draw, score or confirm.
     */
    static void besideTheVideo(Browser b, String button) {
        String seen = (String) b.js(
                "window.scrollTo(0, 0);"
                        + " const r = (id) => document.getElementById(id).getBoundingClientRect();"
                        + " const video = r('room'), panel = r('current'), action = r(arguments[0]);"
                        + " return [innerWidth <= 1366 && innerHeight <= 768, video.width > 0 && video.right <= panel.left,"
                        + " action.width > 0 && action.top >= 0 && action.bottom <= innerHeight,"
                        + " innerWidth + 'x' + innerHeight].join(' ')",
                button);
        assertTrue(
                seen.startsWith("true true true "),
                "a viewport within 1366×768, the video left of the panel, " + button + " on screen: " + seen);
    }

    /** Issue 5, 8: the page fetched the paper with its token and offered it; it is a PDF. */
    static void pdfDownloaded(Browser b, By button) {
        b.waitFor(button).click();
        b.waitUntil(
                "the PDF fetched",
                () -> "%PDF".equals(b.driver().findElement(button).getAttribute("data-pdf-magic")),
                LIVE);
        assertTrue(Integer.parseInt(b.driver().findElement(button).getAttribute("data-pdf-bytes")) > 1000);
    }

    static byte[] resource(String name) {
        try (java.io.InputStream in = SittingE2eTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The member's video plays in this page's room. */
    static void tilePlaying(Browser b, String user) {
        b.waitUntil(
                user + "'s video in the room",
                () -> !b.driver()
                        .findElements(
                                By.cssSelector("#room-grid .room-tile[data-user='" + user + "'][data-video='playing']"))
                        .isEmpty(),
                Duration.ofSeconds(20));
    }

    static String photoSha(Browser b, String kind) {
        return sha(b, "photo-" + kind);
    }

    /** The SHA-256 of the photo an img shows (data-sha256), or "". */
    static String sha(Browser b, String imgId) {
        String sha = b.driver().findElement(By.id(imgId)).getAttribute("data-sha256");
        return sha == null ? "" : sha;
    }

    static String role(Browser b) {
        return b.driver().findElement(By.id("sitting")).getAttribute("data-role");
    }

    static String current(Browser b, String attribute) {
        return b.driver().findElement(By.id("current")).getAttribute(attribute);
    }

    static String studentStatus(Browser b) {
        return b.driver().findElement(By.id("sitting-student")).getAttribute("data-status");
    }

    static void waitStep(Browser b, String step) {
        b.waitUntil("the step " + step, () -> step.equals(current(b, "data-step")), LIVE);
    }

    /** Until the page follows the sitting on the live socket: from then on it hears of every change. */
    static void waitLive(Browser b) {
        b.waitUntil(
                "the page follows the sitting",
                () -> "true".equals(b.js("return document.querySelector('main').dataset.following ?? ''")),
                LIVE);
    }

    /**
     * Clicks what {@code by} finds, finding it again if the page drew its list anew in between (a live change of the
     * sitting, e.g. the act's e-mail statuses arriving, re-renders the console).
     */
    static void clickThroughRerender(Browser b, By by) {
        b.waitUntil(
                "a click on " + by,
                () -> {
                    try {
                        b.driver().findElement(by).click();
                        return true;
                    } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                        return false;
                    }
                },
                LIVE);
    }

    static void click(Browser b, String id) {
        b.waitFor(By.id(id)).click();
    }

    static void score(Browser b, String points) {
        b.waitUntil(
                "the score form",
                () -> b.driver().findElement(By.id("score-form")).isDisplayed(),
                LIVE);
        b.driver().findElement(By.id("score-input")).sendKeys(points);
        b.driver().findElement(By.id("score-submit")).click();
    }
}
