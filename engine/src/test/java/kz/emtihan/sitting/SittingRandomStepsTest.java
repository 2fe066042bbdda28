package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import kz.emtihan.TestEngine;
import kz.emtihan.config.Regulation;
import kz.emtihan.sitting.model.SittingRole;
import kz.emtihan.sitting.model.StudentFlow;
import kz.emtihan.sitting.model.StudentState;
import kz.emtihan.sitting.model.StudentStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 5: random sequences of steps (seeded: {@code -Dsitting.seed=<n>} repeats a run) by random people —
 * the chair, a member, the secretary, a student (the one concerned or another), an outsider with a staff role, an
 * administrator, the appeal commission — through the real HTTP API, over several sittings. After every step: no
 * answer is 5xx, the sitting is readable (200) by its staff and the student, a refusal changed nothing, and every
 * accepted step was one StudentFlow's table allows from the state before it, leading to the state it names. The
 * timed phases are ended by the secretary's early-end steps (6.15.6), never by waiting.
 */
class SittingRandomStepsTest {
    static final long SEED = Long.getLong("sitting.seed", 20261206L);
    static final int STEPS = Integer.getInteger("sitting.steps", 1000);
    static final String[] STUDENTS = {"st1", "st2", "st3"};
    static final String[] OUTSIDERS = {"c9", "sec9", "exp9", "st9", "admin"};
    static TestEngine app;
    static final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void start() {
        app = SittingFlowTest.startWithOutsiders();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String token(String user) {
        return tokens.computeIfAbsent(user, u -> u.equals("admin") ? app.admin() : app.loginAs(u));
    }

    static JsonObject stored(String id) {
        return new JsonObject(
                app.redis(Request.cmd(Command.HGET).arg("sitting:" + id).arg("doc"))
                        .toString());
    }

    /** The steps a random walk takes, with how often each is tried (the commission's decision follows from votes). */
    static final List<StudentStep> TRIED = List.of(StudentStep.values()).stream()
            .filter(s -> s != StudentStep.ANOTHER_TIME && s != StudentStep.NO_OTHER_TIME)
            .toList();
    /** A removal (6.14) ends a student's walk, so it is tried once in this many picks of a step. */
    static final int REMOVE_ONE_IN = 10;

    @Test
    void randomStepsByRandomPeopleNeverBreakTheSittingNorItsOrder() {
        Random random = new Random(SEED);
        Regulation.FinalAttestation rules =
                app.engine().services().sittings().sittings().rules();
        List<String> sittings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = app.post("/api/v1/sittings", token("admin"), SittingFlowTest.sitting())
                    .json()
                    .getString("id");
            assertEquals(
                    200,
                    app.put("/api/v1/sittings/" + id + "/tickets", token("sec1"), SittingFlowTest.tickets())
                            .status());
            sittings.add(id);
        }
        Map<StudentStep, Integer> accepted = new EnumMap<>(StudentStep.class);
        Map<StudentState, Integer> reached = new EnumMap<>(StudentState.class);
        int closes = 0;
        for (int n = 0; n < STEPS; n++) {
            String id = sittings.get(random.nextInt(sittings.size()));
            JsonObject before = stored(id);
            boolean someoneGraded = before.getJsonObject("progress").stream()
                    .anyMatch(e -> "graded".equals(((JsonObject) e.getValue()).getString("status")));
            if ((someoneGraded || n > STEPS * 3 / 4)
                    && random.nextInt(100)
                            < 3) { // now and then the sitting is closed: the exam ends, the appeals begin (6.15.4)
                String who = pick(random, "sec1", "c1", "m1", "st1", "c9");
                TestEngine.Reply r = app.post("/api/v1/sittings/" + id + "/close", token(who), null);
                assertTrue(r.status() < 500, "step " + n + " close by " + who + ": " + r.body());
                if (r.status() == 200) closes++;
                readable(n, id);
                continue;
            }
            String student = STUDENTS[random.nextInt(STUDENTS.length)];
            StudentStep step = chooseStep(random, before, student, rules);
            String caller = chooseCaller(random, step, student);
            if ((step == StudentStep.APPLY_POSTPONEMENT || step == StudentStep.APPEAL)
                    && List.of(STUDENTS).contains(caller)) student = caller;
            Optional<String> target = target(before, step, student);
            if (target.isEmpty()) continue; // a vote, decision or meeting with nothing of the student's to act on
            Instant now = Instant.now();
            Optional<SittingRole> role = SittingJson.parts(before).roleOf(caller);
            JsonObject p = SittingJson.progress(before.copy(), student);
            StudentState stateBefore = SittingJson.read(before, rules.phases()).stateOf(student, now);
            StudentFlow.Outcome predicted = StudentFlow.next(
                    stateBefore, step, SittingJson.read(before, rules.phases()).context(student, now));
            JsonObject photos = p.getJsonObject("photos", new JsonObject());
            String photoKind = step == StudentStep.ROOM_PHOTO
                    ? "room"
                    : random.nextInt(100) < 80 && !photos.containsKey("identity") && photos.containsKey("id-card")
                            ? "identity"
                            : random.nextInt(100) < 80 && !photos.containsKey("id-card")
                                    ? "id-card"
                                    : pick(random, "id-card", "identity");

            TestEngine.Reply r = send(random, id, student, step, target.get(), caller, photoKind);
            String what = "step " + n + " (seed " + SEED + "): " + caller + " " + step + " for " + student + " in "
                    + stateBefore + " → " + r.status() + " " + r.body();
            assertTrue(r.status() < 500, what);
            JsonObject after = stored(id);
            StudentState stateAfter = SittingJson.read(after, rules.phases()).stateOf(student, Instant.now());
            boolean ownIdCard = caller.equals(student) && photoKind.equals("id-card");
            boolean mayTake = role.isPresent()
                    && step.takenBy(role.get())
                    && !(role.get() == SittingRole.STUDENT && step == StudentStep.IDENTITY_PHOTO && !ownIdCard);
            if (!mayTake) assertEquals(403, r.status(), "a caller whose part does not take the step: " + what);
            if (r.status() / 100 == 2) {
                assertTrue(mayTake, what);
                assertTrue(
                        predicted instanceof StudentFlow.To,
                        "accepted, but the table refuses it: " + predicted + " — " + what);
                StudentState to = ((StudentFlow.To) predicted).state();
                if (step == StudentStep.VOTE
                        && stateAfter != to) { // the last vote: the commission's decision follows in the same change
                    assertTrue(stateAfter == StudentState.NEW_TIME || stateAfter == StudentState.REFUSED, what);
                } else {
                    assertEquals(to, stateAfter, "the state the table names: " + what);
                }
                accepted.merge(step, 1, Integer::sum);
            } else {
                assertEquals(before, after, "a refusal changes nothing: " + what);
                if (mayTake && predicted instanceof StudentFlow.Refused refused) {
                    assertEquals(409, r.status(), "refused by the table: " + refused + " — " + what);
                }
            }
            reached.merge(stateAfter, 1, Integer::sum);
            readable(n, id);
        }
        System.out.println("SittingRandomStepsTest seed " + SEED + ": accepted " + accepted + "; states seen "
                + reached.keySet() + "; closed " + closes);
        assertTrue(
                accepted.getOrDefault(StudentStep.CONFIRM, 0) > 0 && accepted.getOrDefault(StudentStep.ACT, 0) > 0,
                "the walk reached the results and the acts: " + accepted);
    }

    /** After every step the staff and every student of the sitting read it (200). */
    static void readable(int n, String id) {
        for (String who : List.of("sec1", "c1", "m1", "ac1", "st1", "st2", "st3")) {
            TestEngine.Reply view = app.get("/api/v1/sittings/" + id, token(who));
            assertEquals(
                    200,
                    view.status(),
                    "step " + n + " (seed " + SEED + "): " + who + " reads the sitting: " + view.body());
        }
        assertEquals(
                200, app.get("/api/v1/sittings/" + id + "/draws", token("st1")).status());
    }

    static final List<StudentStep> MAIN_LINE = List.of(
            StudentStep.ADMIT,
            StudentStep.IDENTITY_PHOTO,
            StudentStep.IDENTIFY,
            StudentStep.ROOM_PHOTO,
            StudentStep.CHECK_ROOM,
            StudentStep.DRAW,
            StudentStep.START_PREPARATION,
            StudentStep.END_PREPARATION,
            StudentStep.END_ANSWER,
            StudentStep.SCORE,
            StudentStep.CONFIRM,
            StudentStep.VOTE,
            StudentStep.APPEAL,
            StudentStep.APPEAL_MEETING,
            StudentStep.APPEAL_DECISION);

    /** Half the time a step the table allows for the student now (to go deep), otherwise any step. */
    static StudentStep chooseStep(Random random, JsonObject doc, String student, Regulation.FinalAttestation rules) {
        if (random.nextInt(100) < 60) {
            Instant now = Instant.now();
            var sitting = SittingJson.read(doc, rules.phases());
            List<StudentStep> allowed =
                    StudentFlow.allowed(sitting.stateOf(student, now), sitting.context(student, now)).stream()
                            .filter(TRIED::contains)
                            .toList();
            List<StudentStep> onward =
                    allowed.stream().filter(MAIN_LINE::contains).toList(); // mostly on along 6.15.6
            if (!onward.isEmpty() && random.nextInt(100) < 80) return onward.get(random.nextInt(onward.size()));
            if (!allowed.isEmpty()) {
                StudentStep some = allowed.get(random.nextInt(allowed.size()));
                if (some != StudentStep.REMOVE || random.nextInt(REMOVE_ONE_IN) == 0) return some;
            }
        }
        StudentStep any = TRIED.get(random.nextInt(TRIED.size()));
        return any != StudentStep.REMOVE || random.nextInt(REMOVE_ONE_IN) == 0 ? any : StudentStep.ADMIT;
    }

    /** Mostly someone whose part takes the step; otherwise anyone, outsiders included. */
    static String chooseCaller(Random random, StudentStep step, String student) {
        if (random.nextInt(100) < 70) {
            List<SittingRole> roles = List.copyOf(step.takenBy());
            if (!roles.isEmpty()) {
                return switch (roles.get(random.nextInt(roles.size()))) {
                    case SECRETARY -> "sec1";
                    case CHAIR -> "c1";
                    case MEMBER -> pick(random, "m1", "m2");
                    case APPEAL_CHAIR -> "ac1";
                    case APPEAL_DEPUTY -> "ad1";
                    case APPEAL_MEMBER -> "ac1";
                    case STUDENT -> random.nextInt(100) < 85 ? student : pick(random, STUDENTS);
                };
            }
        }
        return random.nextInt(100) < 30
                ? OUTSIDERS[random.nextInt(OUTSIDERS.length)]
                : pick(random, "sec1", "c1", "m1", "m2", "ac1", "ad1", "st1", "st2", "st3");
    }

    /** The act, application or appeal a step acts on (the student's latest), "" for the others; empty when there is none. */
    static Optional<String> target(JsonObject doc, StudentStep step, String student) {
        String list = switch (step) {
            case VOTE -> "acts";
            case ALLOW_POSTPONEMENT, REFUSE_POSTPONEMENT -> "postponements";
            case APPEAL_MEETING, APPEAL_DECISION -> "appeals";
            default -> null;
        };
        if (list == null) return Optional.of("");
        String latest = null;
        for (Object o : doc.getJsonArray(list, new JsonArray())) {
            JsonObject item = (JsonObject) o;
            if (student.equals(item.getString("studentId"))) latest = item.getString("id");
        }
        return Optional.ofNullable(latest);
    }

    static TestEngine.Reply send(
            Random random,
            String id,
            String student,
            StudentStep step,
            String target,
            String caller,
            String photoKind) {
        String s = "/api/v1/sittings/" + id;
        String st = s + "/students/" + student;
        String token = token(caller);
        JsonObject checklist = new JsonObject();
        SittingSteps.ROOM_CHECKLIST.forEach(i -> checklist.put(i, true));
        JsonObject scan = new JsonObject()
                .put("contentType", "application/pdf")
                .put("base64", Base64.getEncoder().encodeToString("%PDF-1.4 proof".getBytes()));
        return switch (step) {
            case ADMIT -> app.post(st + "/admit", token, null);
            case IDENTITY_PHOTO, ROOM_PHOTO ->
                app.send("PUT", st + "/photos/" + photoKind, token, "image/jpeg", SittingRoomTest.FACE);
            case IDENTIFY -> app.post(st + "/identity", token, new JsonObject().put("confirmed", true));
            case CHECK_ROOM -> app.post(st + "/room", token, new JsonObject().put("checklist", checklist));
            case DRAW -> app.post(st + "/draw", token, new JsonObject().put("word", "w" + random.nextInt(1000)));
            case START_PREPARATION ->
                app.post(st + "/phase", token, new JsonObject().put("action", "start-preparation"));
            case END_PREPARATION -> app.post(st + "/phase", token, new JsonObject().put("action", "end-preparation"));
            case END_ANSWER ->
                app.post(
                        st + "/phase",
                        token,
                        random.nextInt(100) < 85
                                ? new JsonObject().put("action", "end-answer").put("reason", "the student finished")
                                : new JsonObject().put("action", "end-answer"));
            case SCORE -> app.put(st + "/score", token, new JsonObject().put("points", random.nextInt(101)));
            case CONFIRM -> app.post(st + "/confirm", token, null);
            case REMOVE ->
                app.post(st + "/remove", token, new JsonObject().put("reason", "a phone on the desk")); // 6.14
            case ACT ->
                app.post(
                        s + "/acts",
                        token,
                        new JsonObject().put("studentId", student).put("description", "the connection dropped"));
            case VOTE ->
                app.put(
                        s + "/acts/" + target + "/vote",
                        token,
                        new JsonObject().put("choice", pick(random, "same-day", "another-sitting", "refuse")));
            case APPLY_POSTPONEMENT ->
                app.post(
                        s + "/postponements",
                        token,
                        new JsonObject().put("reason", "ill").put("document", scan));
            case ALLOW_POSTPONEMENT ->
                app.post(s + "/postponements/" + target + "/decision", token, new JsonObject().put("allowed", true));
            case REFUSE_POSTPONEMENT ->
                app.post(
                        s + "/postponements/" + target + "/decision",
                        token,
                        new JsonObject().put("allowed", false).put("reason", "no proof"));
            case APPEAL ->
                app.post(s + "/appeals", token, new JsonObject().put("reason", "a question was outside the programme"));
            case APPEAL_MEETING -> app.post(s + "/appeals/" + target + "/meeting", token, new JsonObject());
            case APPEAL_DECISION ->
                app.post(
                        s + "/appeals/" + target + "/decision",
                        token,
                        random.nextBoolean()
                                ? new JsonObject().put("decision", "kept")
                                : new JsonObject().put("decision", "changed").put("letter", "A-"));
            case ANOTHER_TIME, NO_OTHER_TIME -> fail("taken by nobody");
        };
    }

    @SafeVarargs
    static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
