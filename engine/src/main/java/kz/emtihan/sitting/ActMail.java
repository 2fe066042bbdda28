package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.auth.Users;
import kz.emtihan.config.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 6.15.2: "the secretary draws up an act ..., the members decide collegially ..., the secretary sends a copy of the act
 * to all commission members the same day". Once the act with the members' decision is stored, each commission member
 * (chair, members, technical secretary) with an e-mail address gets one message in the sitting's language with the
 * act's PDF attached: the PDF is the decided act, with every member's vote. The act keeps each member's outcome under
 * {@code mail}:
 * {@code {userId: {"status", "at", "error"?}}}, status one of {@code sending}, {@code sent}, {@code failed},
 * {@code no-address}, or {@code not-configured} (no SMTP host: nothing is sent, the secretary sends the copy by hand).
 * Mail never makes drawing up the act fail: it goes after the act is stored, and a failure is only recorded.
 */
final class ActMail {
    private static final Logger log = LoggerFactory.getLogger(ActMail.class);
    private final Sittings sittings;
    private final SittingPapers papers;
    private final Users users;
    private final MailSettings settings;
    private final Optional<MailClient> client;

    ActMail(Vertx vertx, Sittings sittings, SittingPapers papers, Users users, MailSettings settings) {
        this.sittings = sittings;
        this.papers = papers;
        this.users = users;
        this.settings = settings;
        this.client =
                settings.configured() ? Optional.of(MailClient.create(vertx, config(settings))) : Optional.empty();
    }

    private static MailConfig config(MailSettings s) {
        MailConfig c = new MailConfig()
                .setHostname(s.host())
                .setPort(s.port())
                .setStarttls(StartTLSOptions.valueOf(s.startTls().name()))
                .setLogin(s.username().isEmpty() ? LoginOption.DISABLED : LoginOption.REQUIRED);
        if (!s.username().isEmpty()) c.setUsername(s.username()).setPassword(s.password());
        c.setConnectTimeout(10_000);
        return c;
    }

    /**
     * Who gets a copy and where, read before the decision is stored so it is stored with every member's starting
     * status. The names of the commission and the students come in the same round trip. Never fails for want of
     * accounts: when they cannot be read, every member is recorded as failed.
     */
    record Plan(Map<String, String> addresses, Map<String, String> names, JsonObject statuses) {
        String name(String id) {
            return names.getOrDefault(id, id);
        }
    }

    Future<Plan> plan(String sittingId) {
        Instant now = sittings.live().serverNow();
        return sittings.store().get(sittingId).compose(doc -> {
            Set<String> commission = recipients(doc);
            Set<String> wanted = new LinkedHashSet<>(commission);
            wanted.addAll(SittingJson.strings(doc.getJsonArray("students")));
            return users.profiles(wanted)
                    .map(found -> {
                        Map<String, String> addresses = new LinkedHashMap<>();
                        Map<String, String> names = new LinkedHashMap<>();
                        JsonObject statuses = new JsonObject();
                        found.forEach((id, p) -> names.put(id, p.name()));
                        for (String id : commission) {
                            Optional<String> email =
                                    Optional.ofNullable(found.get(id)).flatMap(Users.Profile::email);
                            String status = email.isEmpty()
                                    ? "no-address"
                                    : settings.configured() ? "sending" : "not-configured";
                            if (email.isPresent() && settings.configured()) addresses.put(id, email.get());
                            statuses.put(
                                    id, new JsonObject().put("status", status).put("at", now.toString()));
                        }
                        return new Plan(addresses, names, statuses);
                    })
                    .recover(err -> {
                        log.warn(
                                "sitting {}: the commission's addresses could not be read; the act is recorded without mail",
                                sittingId,
                                err);
                        JsonObject statuses = new JsonObject();
                        for (String id : commission) statuses.put(id, failed(now, "the addresses could not be read"));
                        return Future.succeededFuture(new Plan(Map.of(), Map.of(), statuses));
                    });
        });
    }

    /** 6.15.2: all commission members: the chair, the members and the technical secretary. */
    static Set<String> recipients(JsonObject doc) {
        JsonObject c = doc.getJsonObject("commission");
        Set<String> out = new LinkedHashSet<>();
        out.add(c.getString("chair"));
        out.addAll(SittingJson.strings(c.getJsonArray("members")));
        out.add(c.getString("secretary"));
        return out;
    }

    /**
     * Sends the stored, decided act to every planned address and records each outcome in the act (one atomic update of the
     * sitting when all have answered). Returns when the outcomes are stored; never fails.
     */
    Future<Void> send(String sittingId, JsonObject doc, JsonObject act, Plan plan) {
        if (client.isEmpty() || plan.addresses().isEmpty()) return Future.succeededFuture();
        String actId = act.getString("id");
        kz.emtihan.sitting.model.Act model;
        try {
            model = SittingCasesJson.act(act);
        } catch (RuntimeException unreadable) { // edited by hand: no copy rather than a failed decision
            log.warn("act {} of sitting {} cannot be read, no copies sent", actId, sittingId, unreadable);
            return Future.succeededFuture();
        }
        Map<String, kz.emtihan.sitting.model.FailureDecision.Choice> votes = new LinkedHashMap<>();
        model.votes().forEach((member, choice) -> votes.put(plan.name(member), choice));
        ActMailText text = ActMailText.of(
                SittingPapers.language(doc),
                new ActMailText.Facts(
                        number(doc, actId),
                        doc.getString("title"),
                        doc.getString("date"),
                        plan.name(model.studentId()),
                        model.at(),
                        sittings.rules().calendar().zone(),
                        model.stage(),
                        model.ticket(),
                        model.description(),
                        plan.name(model.by()),
                        votes,
                        model.decision(),
                        model.newTime().map(kz.emtihan.sitting.model.Act.NewTime::at)));
        return papers.actPdf(doc, actId)
                .compose(pdf -> {
                    List<Future<Map.Entry<String, JsonObject>>> each = new ArrayList<>();
                    plan.addresses()
                            .forEach((id, address) -> each.add(client.get()
                                    .sendMail(message(address, text, pdf, sittingId + "-" + actId))
                                    .map(ok -> Map.entry(
                                            id,
                                            new JsonObject()
                                                    .put("status", "sent")
                                                    .put(
                                                            "at",
                                                            sittings.live()
                                                                    .serverNow()
                                                                    .toString())))
                                    .otherwise(err -> {
                                        log.warn(
                                                "act {} of sitting {}: the copy to {} was not sent: {}",
                                                actId,
                                                sittingId,
                                                id,
                                                err.toString());
                                        return Map.entry(
                                                id, failed(sittings.live().serverNow(), err));
                                    })));
                    return Future.all(each)
                            .map(done -> each.stream().map(Future::result).toList());
                })
                .otherwise(err -> {
                    log.warn("act {} of sitting {}: the PDF could not be made, no copies sent", actId, sittingId, err);
                    return plan.addresses().keySet().stream()
                            .map(id -> Map.entry(id, failed(sittings.live().serverNow(), err)))
                            .toList();
                })
                .compose(outcomes -> sittings.store().update(sittingId, "act-mail", d -> {
                    JsonObject stored = SittingAfter.find(d.getJsonArray("acts"), actId, "act");
                    JsonObject mail = stored.getJsonObject("mail");
                    if (mail == null) stored.put("mail", mail = new JsonObject());
                    for (Map.Entry<String, JsonObject> o : outcomes) mail.put(o.getKey(), o.getValue());
                    return d;
                }))
                .<Void>mapEmpty()
                .recover(err -> {
                    log.warn("act {} of sitting {}: the mail outcomes could not be recorded", actId, sittingId, err);
                    return Future.succeededFuture();
                });
    }

    /** The act's number in the sitting, as its paper is titled ("No. 1"). */
    private static int number(JsonObject doc, String actId) {
        var acts = doc.getJsonArray("acts");
        for (int i = 0; i < acts.size(); i++)
            if (acts.getValue(i) instanceof JsonObject a && actId.equals(a.getString("id"))) return i + 1;
        return acts.size();
    }

    private MailMessage message(String to, ActMailText text, byte[] pdf, String fileName) {
        MailAttachment attachment = MailAttachment.create()
                .setData(Buffer.buffer(pdf))
                .setContentType("application/pdf")
                .setName(fileName + ".pdf")
                .setDisposition("attachment");
        return new MailMessage()
                .setFrom(settings.from())
                .setTo(to)
                .setSubject(text.subject())
                .setText(text.body())
                .setAttachment(List.of(attachment));
    }

    private static JsonObject failed(Instant at, Object reason) {
        String why = reason instanceof Throwable t
                ? String.valueOf(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                : String.valueOf(reason);
        return new JsonObject()
                .put("status", "failed")
                .put("at", at.toString())
                .put("error", why.length() > 300 ? why.substring(0, 300) : why);
    }
}
