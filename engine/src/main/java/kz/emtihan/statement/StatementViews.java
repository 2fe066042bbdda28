package kz.emtihan.statement;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Users;
import kz.emtihan.auth.model.Role;
import kz.emtihan.exam.ExamPersonal;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.statement.model.Statement;

/**
 * Statements as the pages see them: with the names of the student and of every signer, the exam's title, the status
 * now, the date of each signature, the validity, and the steps the caller may take now ({@code yourSteps}: sign,
 * issue, start), so the pages never re-derive the order of 5.34.
 */
final class StatementViews {
    private final Users users;
    private final ExamPersonal exams;
    private final ZoneId zone;

    StatementViews(Users users, ExamPersonal exams, ZoneId zone) {
        this.users = users;
        this.exams = exams;
        this.zone = zone;
    }

    Future<JsonObject> one(Caller caller, Statement s, Instant now) {
        return many(caller, List.of(s), now).map(a -> a.getJsonObject(0));
    }

    Future<JsonArray> many(Caller caller, List<Statement> all, Instant now) {
        Set<String> people = new LinkedHashSet<>();
        Set<String> examIds = new LinkedHashSet<>();
        for (Statement s : all) {
            people.add(s.studentId());
            s.signatures().forEach(g -> people.add(g.by()));
            s.issued().ifPresent(i -> people.add(i.by()));
            examIds.add(s.examId());
        }
        List<String> ids = new ArrayList<>(examIds);
        List<Future<Exam>> exams = ids.stream()
                .map(id -> this.exams.exam(id).recover(e -> Future.succeededFuture(null)))
                .toList();
        return Future.all(users.profiles(people), Future.all(exams)).map(done -> {
            Map<String, Users.Profile> names = done.resultAt(0);
            Map<String, Exam> byId = new HashMap<>();
            for (int i = 0; i < ids.size(); i++)
                byId.put(ids.get(i), exams.get(i).result());
            JsonArray out = new JsonArray();
            for (Statement s : all) out.add(json(caller, s, now, names, byId.get(s.examId())));
            return out;
        });
    }

    private JsonObject json(Caller caller, Statement s, Instant now, Map<String, Users.Profile> names, Exam exam) {
        JsonObject o = StatementCodec.encode(s);
        o.remove("issued");
        o.put("studentName", name(names, s.studentId()));
        o.put("examTitle", exam == null ? s.examId() : exam.title());
        if (exam != null) o.put("examClosesAt", exam.closesAt().toString());
        Statement.Status status = s.status(now);
        o.put("status", status.code());
        o.put("awaiting", s.awaited().map(g -> g.role().code()).orElse(null));
        for (Object g : o.getJsonArray("signatures"))
            ((JsonObject) g).put("byName", name(names, ((JsonObject) g).getString("by")));
        o.put(
                "issued",
                s.issued()
                        .map(i -> new JsonObject()
                                .put("by", i.by())
                                .put("byName", name(names, i.by()))
                                .put("validFrom", i.validity().from().toString())
                                .put("validUntil", i.validity().until().toString())
                                .put("lastDay", i.validity().lastDay(zone).toString())
                                .put("timeZone", zone.getId()))
                        .orElse(null));
        JsonArray steps = new JsonArray();
        s.awaited().filter(g -> caller.has(g.role())).ifPresent(g -> steps.add("sign"));
        if (status == Statement.Status.APPROVED && caller.has(Role.DEAN)) steps.add("issue");
        if (status == Statement.Status.ISSUED && caller.id().equals(s.studentId())) steps.add("start");
        o.put("yourSteps", steps);
        return o;
    }

    private static String name(Map<String, Users.Profile> names, String id) {
        Users.Profile p = names.get(id);
        return p == null ? id : p.name();
    }
}
