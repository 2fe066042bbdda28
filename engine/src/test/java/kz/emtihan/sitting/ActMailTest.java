package kz.emtihan.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.emtihan.TestEngine;
import kz.emtihan.config.ConfigException;
import kz.emtihan.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 6.15.2: "the secretary sends a copy of the act to all commission members the same day". Against a real SMTP server
 * (GreenMail) in this JVM: once the members have decided, every member with an address gets one message in the
 * sitting's language with the act's PDF; the act records each member's outcome; a closed SMTP port stops neither the
 * act nor the decision.
 */
class ActMailTest {
    static GreenMail smtp;
    static TestEngine app;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        app = TestEngine.start(smtpAt(smtp.getSmtp().getPort()));
        commission(app);
    }

    /** GreenMail lists messages mailbox by mailbox, not by arrival: each test starts from empty mailboxes. */
    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
        if (smtp != null) smtp.stop();
    }

    static Map<String, String> smtpAt(int port) {
        return Map.of(
                "EMTIHAN_MAIL_SMTP_HOST",
                "127.0.0.1",
                "EMTIHAN_MAIL_SMTP_PORT",
                String.valueOf(port),
                "EMTIHAN_MAIL_SMTP_START_TLS",
                "disabled",
                "EMTIHAN_MAIL_SMTP_FROM",
                "emtihan@university.test");
    }

    /** Chair, a member and the secretary with addresses; member mm2 without one. */
    static void commission(TestEngine engine) {
        JsonArray users = new JsonArray()
                .add(user("mc1", "Айгүл Сейітова", "commission", "chair@university.test"))
                .add(user("mm1", "Болат Нұрланов", "commission", "member1@university.test"))
                .add(user("mm2", "Dana Mukanova", "commission", null))
                .add(user("msec", "Ержан Омаров", "secretary", "secretary@university.test"))
                .add(user("mst1", "Асель Қанатова", "student", "student@university.test"))
                .add(user("mac", "Appeal Chair", "commission", null))
                .add(user("mad", "Appeal Deputy", "commission", null));
        TestEngine.Reply r = engine.post("/api/v1/users", engine.admin(), users);
        assertEquals(200, r.status(), r.body());
    }

    static JsonObject user(String id, String name, String role, String email) {
        JsonObject u = new JsonObject()
                .put("id", id)
                .put("name", name)
                .put("roles", new JsonArray().add(role))
                .put("password", id + "-password");
        return email == null ? u : u.put("email", email);
    }

    static String sitting(TestEngine engine, String language) {
        JsonObject body = new JsonObject()
                .put("kind", "comprehensive-exam")
                .put("title", "Ақпараттық жүйелер — кешенді емтихан")
                .put("date", kz.emtihan.sitting.SittingDays.today())
                .put("language", language)
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "mc1")
                                .put("members", new JsonArray().add("mm1").add("mm2"))
                                .put("secretary", "msec"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "mac")
                                .put("deputy", "mad")
                                .put("members", new JsonArray()))
                .put("students", new JsonArray().add("mst1"));
        TestEngine.Reply r = engine.post("/api/v1/sittings", engine.admin(), body);
        assertEquals(201, r.status(), r.body());
        return r.json().getString("id");
    }

    /** The secretary draws up the act; the three members vote; returns the deciding vote's answer (the decided act). */
    static TestEngine.Reply actDecided(TestEngine engine, String sittingId) {
        // 6.15.2: an act records a failure that stops an exam under way: the student has been admitted (issue 10)
        assertEquals(
                200,
                engine.post("/api/v1/sittings/" + sittingId + "/students/mst1/admit", engine.loginAs("msec"), null)
                        .status());
        TestEngine.Reply act = engine.post(
                "/api/v1/sittings/" + sittingId + "/acts",
                engine.loginAs("msec"),
                new JsonObject().put("studentId", "mst1").put("description", "the student's connection dropped twice"));
        assertEquals(201, act.status(), "the act is drawn up whatever the mail server does: " + act.body());
        assertEquals(new JsonObject(), act.json().getJsonObject("mail"), "no copies before the members decide");
        String path = "/api/v1/sittings/" + sittingId + "/acts/" + act.json().getString("id") + "/vote";
        for (String member : List.of("mm1", "mm2")) {
            assertEquals(
                    200,
                    engine.put(path, engine.loginAs(member), new JsonObject().put("choice", "same-day"))
                            .status());
        }
        TestEngine.Reply deciding = engine.put(path, engine.loginAs("mc1"), new JsonObject().put("choice", "same-day"));
        assertEquals(200, deciding.status(), deciding.body());
        assertEquals("SAME_DAY", deciding.json().getJsonObject("decision").getString("choice"));
        return deciding;
    }

    /** The act's mail record once no member is still "sending". */
    static JsonObject settledMail(TestEngine engine, String sittingId) {
        String token = engine.loginAs("msec");
        JsonObject[] mail = new JsonObject[1];
        TestEngine.awaitUntil(
                "every copy of the act is sent or failed",
                () -> {
                    mail[0] = engine.get("/api/v1/sittings/" + sittingId, token)
                            .json()
                            .getJsonArray("acts")
                            .getJsonObject(0)
                            .getJsonObject("mail");
                    return mail[0].stream()
                            .noneMatch(e -> "sending".equals(((JsonObject) e.getValue()).getString("status")));
                },
                Duration.ofSeconds(20));
        return mail[0];
    }

    static byte[] pdfAttachment(MimeMessage m) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part p = parts.getBodyPart(i);
            if (p.isMimeType("application/pdf") && Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()))
                return p.getInputStream().readAllBytes();
        }
        throw new AssertionError("no PDF attachment in " + GreenMailUtil.getWholeMessage(m));
    }

    static String textOf(byte[] pdf) throws IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    @Test
    void eachMemberWithAnAddressGetsOneCopyInTheSittingsLanguage() throws Exception {
        String id = sitting(app, "ru");
        TestEngine.Reply drawn = actDecided(app, id);
        JsonObject first = drawn.json().getJsonObject("mail");
        assertEquals("no-address", first.getJsonObject("mm2").getString("status"), drawn.body());
        assertEquals(
                "sending",
                first.getJsonObject("mc1").getString("status"),
                "the decided act is stored before any mail goes");
        assertEquals(
                Set.of("mc1", "mm1", "mm2", "msec"),
                first.fieldNames(),
                "every commission member, secretary included; not the student");

        assertTrue(smtp.waitForIncomingEmail(20_000, 3), "three copies arrive");
        JsonObject mail = settledMail(app, id);
        for (String member : List.of("mc1", "mm1", "msec"))
            assertEquals("sent", mail.getJsonObject(member).getString("status"), mail.encode());
        assertEquals("no-address", mail.getJsonObject("mm2").getString("status"));
        assertTrue(mail.getJsonObject("mc1").containsKey("at"));

        MimeMessage[] all = smtp.getReceivedMessages();
        assertEquals(3, all.length, "one message per member with an address, no more");
        Set<String> to = new TreeSet<>();
        for (MimeMessage m : all) {
            to.add(GreenMailUtil.getAddressList(m.getAllRecipients()));
            assertTrue(
                    m.getSubject().startsWith("Акт о технической неисправности № 1 — "),
                    "subject in Russian: " + m.getSubject());
            byte[] pdf = pdfAttachment(m);
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII), "the act's PDF is attached");
            String text = textOf(pdf);
            assertTrue(
                    text.contains("the student's connection dropped twice") && text.contains("Dana Mukanova"),
                    "the decided act, every vote by name: " + text);
            String body = (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
            assertTrue(
                    body.contains("Асель Қанатова") && body.contains("Ержан Омаров"),
                    "people by name in the letter: " + body);
        }
        assertEquals(
                new TreeSet<>(List.of("chair@university.test", "member1@university.test", "secretary@university.test")),
                to);

        JsonObject asStudent =
                app.get("/api/v1/sittings/" + id, app.loginAs("mst1")).json();
        assertEquals(
                new JsonObject(),
                asStudent.getJsonArray("acts").getJsonObject(0).getJsonObject("mail"),
                "the student sees the act, not where its copies went");
    }

    /** 6.15.2: the copy says each vote as cast and the decision; the new time, once recorded, goes in a second copy. */
    @Test
    void theVotesAsCastAndThenTheNewTimeReachEveryMember() throws Exception {
        String id = sitting(app, "ru");
        TestEngine.Reply decided = actDecided(app, id);
        assertTrue(smtp.waitForIncomingEmail(20_000, 3));
        settledMail(app, id);
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String body = (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
            assertTrue(
                    body.contains("Dana Mukanova — за другое время в тот же день")
                            && body.contains("Решение: другое время в тот же день")
                            && body.contains("Новое время: назначает технический секретарь или председатель"),
                    "each vote as cast, the decision, the new time to come: " + body);
        }
        smtp.purgeEmailFromAllMailboxes();
        java.time.ZoneId almaty = java.time.ZoneId.of("Asia/Almaty");
        java.time.Instant newTime =
                java.time.Instant.now().plusSeconds(15 * 60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        TestEngine.Reply timed = app.post(
                "/api/v1/sittings/" + id + "/acts/" + decided.json().getString("id") + "/new-time",
                app.loginAs("msec"),
                new JsonObject()
                        .put(
                                "newTime",
                                newTime.atZone(almaty).toOffsetDateTime().toString()));
        assertEquals(200, timed.status(), timed.body());
        assertTrue(smtp.waitForIncomingEmail(20_000, 3), "a second copy, with the new time");
        String hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(newTime.atZone(almaty));
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String body = (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
            assertTrue(body.contains("Новое время: ") && body.contains(hhmm + " (Казахстан, UTC+5)"), body);
            String pdf = textOf(pdfAttachment(m));
            assertTrue(pdf.contains(hhmm + " (Казахстан, UTC+5)"), "the attached act has the new time: " + pdf);
        }
    }

    @Test
    void theSubjectFollowsTheSittingsLanguage() throws Exception {
        String en = sitting(app, "en");
        actDecided(app, en);
        assertTrue(smtp.waitForIncomingEmail(20_000, 3));
        settledMail(app, en);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) subjects.add(m.getSubject());
        assertEquals(3, subjects.size(), subjects.toString());
        assertTrue(
                subjects.stream().allMatch(s -> s.startsWith("Act of technical failure No. 1 — ")),
                subjects.toString());

        smtp.purgeEmailFromAllMailboxes();
        String kk = sitting(app, "kk");
        actDecided(app, kk);
        assertTrue(smtp.waitForIncomingEmail(20_000, 3));
        settledMail(app, kk);
        for (MimeMessage m : smtp.getReceivedMessages()) {
            assertTrue(m.getSubject().startsWith("Техникалық ақау туралы № 1 акт — "), m.getSubject());
        }
    }

    @Test
    void aClosedSmtpPortLeavesTheActDrawnUpAndRecordsTheFailure() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (TestEngine down = TestEngine.start(smtpAt(closed))) {
            commission(down);
            String id = sitting(down, "kk");
            assertEquals(
                    "sending",
                    actDecided(down, id)
                            .json()
                            .getJsonObject("mail")
                            .getJsonObject("msec")
                            .getString("status"));
            JsonObject mail = settledMail(down, id);
            for (String member : List.of("mc1", "mm1", "msec")) {
                assertEquals("failed", mail.getJsonObject(member).getString("status"), mail.encode());
                assertTrue(
                        mail.getJsonObject(member)
                                .getString("error", "")
                                .toLowerCase(java.util.Locale.ROOT)
                                .contains("connection refused"),
                        "the failure says why: " + mail.encode());
            }
            assertEquals("no-address", mail.getJsonObject("mm2").getString("status"));
            JsonObject view =
                    down.get("/api/v1/sittings/" + id, down.loginAs("msec")).json();
            assertEquals(
                    "new-time",
                    view.getJsonObject("progress").getJsonObject("mst1").getString("status"),
                    "the decision stands");
        }
    }

    @Test
    void aBadMailSettingStopsStartUpNamingItsKey() {
        ConfigException tls = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(
                        Optional.of(TestEngine.configDir()), Map.of("EMTIHAN_MAIL_SMTP_START_TLS", "sometimes")));
        assertEquals("mail.smtp.startTls", tls.key());
        ConfigException from = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(
                        Optional.of(TestEngine.configDir()),
                        Map.of("EMTIHAN_MAIL_SMTP_HOST", "smtp.test", "EMTIHAN_MAIL_SMTP_FROM", "nobody")));
        assertEquals("mail.smtp.from", from.key());
        var none =
                ConfigLoader.load(Optional.of(TestEngine.configDir()), Map.of()).mail();
        assertTrue(!none.configured(), "the shipped file sends no e-mail until a host is set");
        assertEquals(587, none.port());
    }
}
