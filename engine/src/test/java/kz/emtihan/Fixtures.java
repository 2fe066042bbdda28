package kz.emtihan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** Banks, exams and rosters made through the real API, in the regulation's words. */
public final class Fixtures {
    private static final java.util.concurrent.atomic.AtomicInteger DISCIPLINES =
            new java.util.concurrent.atomic.AtomicInteger();

    private Fixtures() {}

    /** The repository's regulation.yaml, as the test engines read it (the academic calendar of the schedule rules). */
    public static kz.emtihan.config.Regulation regulation() {
        return REGULATION.get();
    }

    private static final java.util.function.Supplier<kz.emtihan.config.Regulation> REGULATION =
            new java.util.function.Supplier<>() {
                private volatile kz.emtihan.config.Regulation loaded;

                @Override
                public kz.emtihan.config.Regulation get() {
                    if (loaded == null)
                        loaded = kz.emtihan.config.ConfigLoader.load(
                                        java.util.Optional.of(TestEngine.configDir()), java.util.Map.of())
                                .regulation();
                    return loaded;
                }
            };

    /**
     * A passport of a discipline of its own ("Algebra 17"): 5.20.3 allows one intermediate attestation per discipline
     * and period, and the tests share an engine, so each bank made here is of another discipline.
     */
    public static JsonObject passport() {
        return passport("Algebra " + DISCIPLINES.incrementAndGet());
    }

    public static JsonObject passport(String discipline) {
        return new JsonObject()
                .put(
                        "passport",
                        new JsonObject()
                                .put("discipline", discipline)
                                .put("programme", "6B01501")
                                .put("language", "kk")
                                .put("compilers", new JsonArray().add("A. Teacher"))
                                .put("references", new JsonArray().add("Formula sheet")));
    }

    /** {@code easy + medium + hard} distinct five-option questions; the correct option of question i is index i % 5. */
    public static JsonArray questions(int easy, int medium, int hard) {
        JsonArray out = new JsonArray();
        int n = 0;
        for (String[] d : new String[][] {{"easy", "" + easy}, {"medium", "" + medium}, {"hard", "" + hard}}) {
            for (int i = 0; i < Integer.parseInt(d[1]); i++, n++) {
                JsonArray options = new JsonArray();
                for (int o = 0; o < 5; o++) options.add("option " + o + " of question " + n);
                out.add(new JsonObject()
                        .put("text", "Question " + n + " (" + d[0] + ")")
                        .put("options", options)
                        .put("correct", new JsonArray().add(n % 5))
                        .put("difficulty", d[0])
                        .put("topic", "Topic " + (n % 3)));
            }
        }
        return out;
    }

    /** A bank that passes validation: 100 questions mixed 40/40/20 (7.6, 5.23.3). */
    public static String validBank(TestEngine app, String teacherToken) {
        return validBank(app, teacherToken, passport());
    }

    /** A valid bank with this passport (5.20.3 tests: banks of one discipline). */
    public static String validBank(TestEngine app, String teacherToken, JsonObject passport) {
        String bankId = app.post("/api/v1/banks", teacherToken, passport).json().getString("id");
        TestEngine.Reply added =
                app.post("/api/v1/banks/" + bankId + "/questions", teacherToken, questions(40, 40, 20));
        assertEquals(200, added.status(), added.body());
        usable(app, bankId);
        return bankId;
    }

    /** The head of department and the expert who approve and review every fixture bank (5.19, 5.24). */
    public static final String HEAD = "fixture-head";

    public static final String EXPERT = "fixture-expert";

    private static final java.util.Map<TestEngine, String[]> REVIEWERS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Tokens of {@link #HEAD} and {@link #EXPERT} on this engine, their accounts made on first use. */
    public static String[] reviewers(TestEngine app) {
        return REVIEWERS.computeIfAbsent(app, a -> {
            a.users("head", HEAD);
            a.users("expert", EXPERT);
            return new String[] {a.loginAs(HEAD), a.loginAs(EXPERT)};
        });
    }

    /**
     * 5.19, 5.24-5.26 through the API: the head records the department meeting's approval, an admin names the expert
     * panel of this academic year and the next, the expert concludes "may be used" for both, so a midterm or an
     * intermediate attestation may be scheduled on the bank in either year.
     */
    public static void usable(TestEngine app, String bankId) {
        String[] tokens = reviewers(app);
        String base = "/api/v1/banks/" + bankId;
        TestEngine.Reply approved = app.post(base + "/approval", tokens[0], approval());
        if (approved.status() == 401) { // a new session store: sign in again
            REVIEWERS.remove(app);
            tokens = reviewers(app);
            approved = app.post(base + "/approval", tokens[0], approval());
        }
        assertEquals(200, approved.status(), approved.body());
        JsonArray years = approved.json().getJsonArray("years");
        for (Object year : years) {
            TestEngine.Reply panel = app.put(
                    base + "/panel",
                    app.admin(),
                    new JsonObject().put("academicYear", year).put("experts", new JsonArray().add(EXPERT)));
            assertEquals(200, panel.status(), panel.body());
            TestEngine.Reply concluded = app.post(
                    base + "/conclusions", tokens[1], conclusion("may-be-used").put("academicYear", year));
            assertEquals(201, concluded.status(), concluded.body());
        }
    }

    /** 5.19: a department meeting held yesterday, minutes No. 7. */
    public static JsonObject approval() {
        return new JsonObject()
                .put(
                        "meetingDate",
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                .minusDays(1)
                                .toString())
                .put("minutes", "7");
    }

    /** 5.25-5.26: every aspect satisfactory, with {@code decision}. */
    public static JsonObject conclusion(String decision) {
        JsonObject out = new JsonObject().put("decision", decision);
        for (String aspect : java.util.List.of("standards", "difficulty", "wording"))
            out.put(aspect, new JsonObject().put("assessment", "satisfactory").put("comment", "fits the syllabus"));
        return out;
    }

    public static JsonObject attestation(String bankId, Instant opens, Instant closes) {
        return new JsonObject()
                .put("bankId", bankId)
                .put("title", "Algebra attestation")
                .put("kind", "intermediate-attestation")
                .put("opensAt", opens.toString())
                .put("closesAt", closes.toString())
                .put(
                        "proctoring",
                        new JsonObject().put("camera", true).put("screen", true).put("identity", false));
    }

    private static final java.util.concurrent.atomic.AtomicInteger YEARS_AHEAD =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * An intermediate attestation of two hours in week 3 of the first period of an academic year ahead, a year further
     * with each call: many exams of one bank that 5.20.3 (one per discipline and period) lets through, on any day.
     */
    public static JsonObject laterAttestation(String bankId) {
        var calendar = regulation().calendar();
        int first = Integer.parseInt(
                        calendar.academicYearOf(calendar.date(Instant.now())).substring(0, 4))
                + YEARS_AHEAD.incrementAndGet();
        var period = calendar.periodOn(calendar.periods().get(0).starts().atYear(first))
                .orElseThrow();
        Instant opens =
                period.weekStarts(3).atTime(9, 0).atZone(calendar.zone()).toInstant();
        return attestation(bankId, opens, opens.plus(Duration.ofHours(2)));
    }

    /** An intermediate attestation open from an hour ago for a day, with this roster. */
    public static String openExam(TestEngine app, String teacherToken, String bankId, String... students) {
        Instant now = Instant.now();
        return exam(
                app,
                teacherToken,
                attestation(bankId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))),
                students);
    }

    public static String exam(TestEngine app, String teacherToken, JsonObject exam, String... students) {
        TestEngine.Reply created = app.post("/api/v1/exams", teacherToken, exam);
        assertEquals(201, created.status(), created.body());
        String examId = created.json().getString("id");
        TestEngine.Reply roster =
                app.put("/api/v1/exams/" + examId + "/roster", teacherToken, new JsonArray(java.util.List.of((Object[])
                        students)));
        assertEquals(200, roster.status(), roster.body());
        assignEveryProctor(app, examId);
        return examId;
    }

    /**
     * Issue 10 (3): a proctor watches only the exams an admin assigned to them. The tests written before that rule
     * watch with whatever proctor accounts they made, so an exam made here gets every proctor account existing now;
     * the access tests assign explicitly ({@link #assignProctors}).
     */
    public static void assignEveryProctor(TestEngine app, String examId) {
        String admin = app.admin();
        JsonArray users = app.get("/api/v1/users", admin).array();
        java.util.List<String> proctors = new java.util.ArrayList<>();
        for (Object o : users) {
            JsonObject u = (JsonObject) o;
            if (u.getJsonArray("roles").contains("proctor")) proctors.add(u.getString("id"));
        }
        if (!proctors.isEmpty()) assignProctors(app, examId, proctors.toArray(String[]::new));
    }

    public static void assignProctors(TestEngine app, String examId, String... proctors) {
        TestEngine.Reply r = app.put(
                "/api/v1/exams/" + examId + "/proctors",
                app.admin(),
                new JsonObject().put("proctors", new JsonArray(java.util.List.of((Object[]) proctors))));
        assertEquals(200, r.status(), r.body());
    }
}
