package kz.emtihan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Random;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.model.Passport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --demo}: one user per role (password {@code demo-<role>}, students {@code demo-student}; the sitting's chair
 * and secretary with example addresses chair@ and secretary@university.invalid), a valid
 * bank of 120 arithmetic questions mixed 40/40/20, and an intermediate attestation open now for a week
 * with student1..student5 on its roster; the demo expert reviews the bank and the demo proctor is assigned to both
 * exams (issue 10, 3). Loaded once; a second start finds it and does nothing.
 */
final class DemoData {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String[] ROLES = {
        "admin",
        "teacher",
        "expert",
        "proctor",
        "secretary",
        "commission",
        "registrar",
        "head",
        "dean",
        "director",
        "vice-rector"
    };

    /** The demo sitting's two other members and its appeal commission's chair and deputy (password demo-commission). */
    static final String[] SITTING_PEOPLE = {"member1", "member2", "appeal-chair", "appeal-deputy"};

    private DemoData() {}

    static Future<Void> load(Services s) {
        return s.users().find("teacher").compose(existing -> {
            if (existing.isPresent()) {
                log.info("demo data already present");
                return Future.succeededFuture();
            }
            return create(s);
        });
    }

    private static Future<Void> create(Services s) {
        JsonArray users = new JsonArray();
        for (String role : ROLES) {
            if (role.equals("admin")) continue;
            JsonObject u = user(role, capitalised(role) + " (demo)", role, "demo-" + role);
            // 6.15.2: the sitting's chair and secretary get copies of acts by e-mail; with mail.smtp.host empty their
            // acts
            // record "not-configured"
            if (role.equals("commission")) u.put("email", "chair@university.invalid");
            if (role.equals("secretary")) u.put("email", "secretary@university.invalid");
            users.add(u);
        }
        for (int i = 1; i <= 5; i++)
            users.add(user("student" + i, "Student " + i + " (demo)", "student", "demo-student")
                    .put("group", i <= 3 ? "IS-21-1" : "IS-21-2")); // 5.33: the registry's grade sheets go by group
        // 6.15.6: the sitting's commission has at least three members with the chair; 6.15.4: its appeal commission
        // is other people, who hold the commission role too
        for (String id : SITTING_PEOPLE)
            users.add(user(id, capitalised(id) + " (demo)", "commission", "demo-commission"));
        Caller teacher = new Caller("teacher", "Teacher (demo)", EnumSet.of(Role.TEACHER));
        Passport passport = new Passport(
                "Mathematics 1",
                "6B06101 Information Systems",
                "English",
                java.util.List.of("A. Teacher"),
                java.util.List.of("Calculator is not allowed", "Table of multiplication"));
        var people = new kz.emtihan.bank.Assignees(s.users());
        return s.users()
                .upsert(users)
                .compose(n -> s.banks().create(teacher, passport))
                .compose(bankId -> s.banks().add(teacher, bankId, questions()).map(bankId))
                // issue 10 (3): the demo expert reviews the demo bank; nobody else but its teacher and admins sees it
                .compose(bankId -> new kz.emtihan.bank.BankPeople(s.banks(), people)
                        .replace(
                                teacher,
                                bankId,
                                new JsonObject()
                                        .put("coAuthors", new JsonArray())
                                        .put("experts", new JsonArray().add("expert")))
                        .map(bankId))
                .compose(bankId -> reviewed(s, people, bankId).map(bankId))
                .compose(bankId -> exam(s, teacher, bankId, "Mathematics 1 — intermediate attestation (demo)", false))
                // 5.20.3: one intermediate attestation per discipline and period, so the proctored one is the same
                // discipline's test for another programme, from that programme's bank, approved and reviewed likewise
                .compose(v -> s.banks().create(teacher, otherProgramme(passport)))
                .compose(bankId -> s.banks().add(teacher, bankId, questions()).map(bankId))
                .compose(bankId -> reviewed(s, people, bankId).map(bankId))
                .compose(bankId -> exam(s, teacher, bankId, "Mathematics 1 — proctored attestation (demo)", true))
                .compose(v -> sitting(s))
                .onSuccess(
                        n -> log.info(
                                "demo data loaded: users teacher/demo-teacher, proctor/demo-proctor, student1..5/demo-student, the sitting's commission/demo-commission with member1, member2 and its appeal commission appeal-chair, appeal-deputy (all demo-commission), ..."))
                .mapEmpty();
    }

    /**
     * 6.15: an oral comprehensive exam today: commission (chair) with member1 and member2, secretary (technical
     * secretary), appeal-chair and appeal-deputy on the appeal commission, student1..5 in order, ten tickets of three
     * questions.
     */
    private static Future<Void> sitting(Services s) {
        Caller admin = new Caller("admin", "Administrator", EnumSet.of(Role.ADMIN));
        JsonObject body = new JsonObject()
                .put("kind", "comprehensive-exam")
                .put("title", "Information Systems — comprehensive exam (demo)")
                .put(
                        "date",
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"))
                                .toString())
                .put("language", "en")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "commission")
                                .put("members", new JsonArray().add("member1").add("member2"))
                                .put("secretary", "secretary"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "appeal-chair")
                                .put("deputy", "appeal-deputy")
                                .put("members", new JsonArray()))
                .put(
                        "students",
                        new JsonArray()
                                .add("student1")
                                .add("student2")
                                .add("student3")
                                .add("student4")
                                .add("student5"));
        String[] topics = {
            "Relational databases",
            "Computer networks",
            "Operating systems",
            "Software engineering",
            "Information security",
            "Algorithms",
            "Web applications",
            "Distributed systems",
            "Data analysis",
            "Project management"
        };
        JsonArray tickets = new JsonArray();
        for (int i = 0; i < topics.length; i++) {
            tickets.add(new JsonObject()
                    .put("number", i + 1)
                    .put(
                            "questions",
                            new JsonArray()
                                    .add(topics[i] + ": the main ideas")
                                    .add(topics[i] + ": a worked example")
                                    .add(topics[i] + ": a practical task")));
        }
        return s.sittings()
                .sittings()
                .create(admin, body)
                .compose(id -> s.sittings().sittings().tickets(admin, id, tickets))
                .mapEmpty();
    }

    private static Passport otherProgramme(Passport p) {
        return new Passport(p.discipline(), "6B06102 Computer Science", p.language(), p.compilers(), p.references());
    }

    /**
     * 5.19, 5.24-5.26: the demo head of department records the meeting that approved the bank, the demo admin names
     * the demo expert to this academic year's panel, and the expert concludes "may be used", so the attestations below
     * may be scheduled on it.
     */
    private static Future<Void> reviewed(Services s, kz.emtihan.bank.Assignees people, String bankId) {
        var reviews = new kz.emtihan.bank.BankReviews(
                s.banks(), people, s.config().regulation().calendar());
        Caller head = new Caller("head", "Head (demo)", EnumSet.of(Role.HEAD));
        Caller admin = new Caller("admin", "Administrator", EnumSet.of(Role.ADMIN));
        Caller expert = new Caller("expert", "Expert (demo)", EnumSet.of(Role.EXPERT));
        JsonObject conclusion = new JsonObject().put("decision", "may-be-used");
        conclusion.put("standards", assessment("The questions follow the syllabus of Mathematics 1."));
        conclusion.put("difficulty", assessment("Easy, medium and hard questions in the proportions of 5.23.3."));
        conclusion.put("wording", assessment("Every question has one meaning; no vague wording found."));
        return reviews.approve(
                        head,
                        bankId,
                        new JsonObject()
                                .put(
                                        "meetingDate",
                                        s.config()
                                                .regulation()
                                                .calendar()
                                                .date(Instant.now())
                                                .minusDays(1)
                                                .toString())
                                .put("minutes", "3"))
                .compose(l -> reviews.assign(
                        admin,
                        bankId,
                        new JsonObject()
                                .put("academicYear", reviews.currentYear())
                                .put("experts", new JsonArray().add("expert"))))
                .compose(l -> reviews.conclude(expert, bankId, conclusion))
                .mapEmpty();
    }

    private static JsonObject assessment(String comment) {
        return new JsonObject().put("assessment", "satisfactory").put("comment", comment);
    }

    /** One exam open for a week for student1..5; a proctored one records camera and screen and checks identity (5.17.2). */
    private static Future<Void> exam(Services s, Caller teacher, String bankId, String title, boolean proctored) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        JsonObject exam = new JsonObject()
                .put("bankId", bankId)
                .put("title", title)
                .put("kind", "intermediate-attestation")
                .put("opensAt", now.minus(Duration.ofHours(1)).toString())
                .put("closesAt", now.plus(Duration.ofDays(7)).toString())
                .put(
                        "proctoring",
                        new JsonObject()
                                .put("camera", proctored)
                                .put("screen", proctored)
                                .put("identity", proctored));
        Caller admin = new Caller("admin", "Administrator", EnumSet.of(Role.ADMIN));
        return s.exam()
                .exams()
                .create(teacher, exam)
                .compose(examId -> s.exam()
                        .exams()
                        .replaceRoster(
                                teacher,
                                examId,
                                new JsonArray()
                                        .add("student1")
                                        .add("student2")
                                        .add("student3")
                                        .add("student4")
                                        // issue 15 (6): on the proctored exam student5's admission rating is below
                                        // 5.30's minimum, so the demo shows the card that says so
                                        .add(
                                                proctored
                                                        ? new JsonObject()
                                                                .put("studentId", "student5")
                                                                .put("admissionRating", 40)
                                                        : "student5"))
                        // issue 10 (3): a proctor sees only the exams assigned to them; the demo proctor is assigned to
                        // both
                        .compose(n -> new kz.emtihan.exam.ExamProctors(
                                        s.exam().exams(), new kz.emtihan.bank.Assignees(s.users()))
                                .replace(
                                        admin,
                                        examId,
                                        new JsonObject().put("proctors", new JsonArray().add("proctor")))))
                .mapEmpty();
    }

    private static JsonObject user(String id, String name, String role, String password) {
        return new JsonObject()
                .put("id", id)
                .put("name", name)
                .put("roles", new JsonArray().add(role))
                .put("password", password);
    }

    /** 48 easy (addition), 48 medium (multiplication), 24 hard (linear equations): 40/40/20 of 120. */
    static JsonArray questions() {
        Random r = new Random(2026);
        JsonArray out = new JsonArray();
        for (int i = 0; i < 48; i++) {
            int a = 10 + i, b = 3 + (i * 7) % 40;
            out.add(numeric("What is " + a + " + " + b + "?", a + b, "easy", "Addition", r));
        }
        for (int i = 0; i < 48; i++) {
            int a = 6 + i % 12, b = 11 + i;
            out.add(numeric("What is " + a + " × " + b + "?", a * b, "medium", "Multiplication", r));
        }
        for (int i = 0; i < 24; i++) {
            int x = 2 + i, k = 3 + i % 5, c = 4 + i;
            out.add(
                    numeric( // a formula as Moodle's MathJax filter writes it, rendered by KaTeX in the pages
                            "Solve for \\(x\\): \\(" + k + "x + " + c + " = " + (k * x + c) + "\\)",
                            x,
                            "hard",
                            "Linear equations",
                            r));
        }
        return out;
    }

    private static JsonObject numeric(String text, int answer, String difficulty, String topic, Random r) {
        int correctAt = r.nextInt(5);
        JsonArray options = new JsonArray();
        int[] deltas = {-2, -1, 1, 2};
        for (int i = 0, d = 0; i < 5; i++)
            options.add(Integer.toString(i == correctAt ? answer : answer + deltas[d++]));
        return new JsonObject()
                .put("text", text)
                .put("options", options)
                .put("correct", new JsonArray().add(correctAt))
                .put("difficulty", difficulty)
                .put("topic", topic);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
