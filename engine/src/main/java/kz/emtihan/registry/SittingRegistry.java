package kz.emtihan.registry;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Users;
import kz.emtihan.auth.model.Role;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.registry.model.Scored;
import kz.emtihan.registry.model.SittingLine;
import kz.emtihan.sitting.Sittings;
import kz.emtihan.sitting.model.IncompleteGrade;

/**
 * The registry's view of the oral final attestation (6.15.6, 6.15.2-6.15.5): each sitting's students with names, the
 * ticket, every member's score, the final result, the appeal's change and where the student stands. Read from the
 * sittings' stored documents ({@link Sittings#documents}). Registrars and admins read every sitting; the commission
 * (chair, members, technical secretary) their own; nobody else, a student included.
 */
final class SittingRegistry {
    private final Sittings sittings;
    private final Users users;

    SittingRegistry(Sittings sittings, Users users) {
        this.sittings = sittings;
        this.users = users;
    }

    static boolean mayRead(Caller caller, JsonObject doc) {
        if (caller.has(Role.ADMIN) || caller.has(Role.REGISTRAR)) return true;
        JsonObject c = doc.getJsonObject("commission", new JsonObject());
        return caller.id().equals(c.getString("chair"))
                || caller.id().equals(c.getString("secretary"))
                || strings(c.getJsonArray("members")).contains(caller.id());
    }

    /** The sittings the caller may read, by date then id. */
    Future<List<JsonObject>> readable(Caller caller) {
        return sittings.documents()
                .map(all -> all.stream()
                        .filter(d -> mayRead(caller, d))
                        .sorted(java.util.Comparator.comparing((JsonObject d) -> d.getString("date", ""))
                                .thenComparing(d -> d.getString("id", "")))
                        .toList());
    }

    /** A sitting and its lines. */
    record Report(JsonObject sitting, List<String> members, Map<String, String> names, List<SittingLine> lines) {}

    Future<Report> report(Caller caller, String sittingId, Instant now) {
        return sittings.documents().compose(all -> {
            JsonObject doc = all.stream()
                    .filter(d -> sittingId.equals(d.getString("id")))
                    .findFirst()
                    .orElse(null);
            // who first: an outsider is told 403 whether the sitting exists or not
            if (!caller.has(Role.ADMIN) && !caller.has(Role.REGISTRAR) && (doc == null || !mayRead(caller, doc)))
                return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
            if (doc == null)
                return Future.failedFuture(Refusal.of(CommonRefusal.NOT_FOUND, RegistryWords.sitting(), sittingId));
            JsonObject c = doc.getJsonObject("commission", new JsonObject());
            List<String> members = new ArrayList<>(strings(c.getJsonArray("members")));
            if (c.getString("chair") != null && !members.contains(c.getString("chair")))
                members.add(0, c.getString("chair"));
            List<String> students = strings(doc.getJsonArray("students"));
            Set<String> people = new LinkedHashSet<>(students);
            people.addAll(members);
            return users.profiles(people).map(profiles -> {
                Map<String, String> names = new HashMap<>();
                for (String id : people)
                    names.put(id, profiles.containsKey(id) ? profiles.get(id).name() : id);
                List<SittingLine> lines = new ArrayList<>();
                for (String s : students) {
                    Users.Profile p = profiles.get(s);
                    lines.add(line(
                            doc, s, names.get(s), p == null ? "" : p.group().orElse(""), now));
                }
                return new Report(doc, members, names, lines);
            });
        });
    }

    static SittingLine line(JsonObject doc, String student, String name, String group, Instant now) {
        JsonObject progress = doc.getJsonObject("progress", new JsonObject());
        JsonObject p = progress.getValue(student) instanceof JsonObject o ? o : new JsonObject();
        Map<String, Integer> scores = new HashMap<>();
        if (p.getValue("scores") instanceof JsonObject sc)
            sc.forEach(e -> {
                if (e.getValue() instanceof Number n) scores.put(e.getKey(), n.intValue());
            });
        Optional<Scored> result = Optional.ofNullable(p.getValue("result") instanceof JsonObject r ? r : null)
                .map(r -> new Scored(
                        r.getDouble("points"),
                        r.getDouble("percent"),
                        r.getString("letter"),
                        r.getDouble("gpa"),
                        r.getString("traditional")));
        String standing = p.getString("status", "waiting");
        JsonObject incomplete = p.getValue("incomplete") instanceof JsonObject i ? i : null;
        if (result.isEmpty() && incomplete != null && incomplete.getString("deadline") != null) {
            // 6.15.2: "I" until the deadline, "F" from it on
            standing = IncompleteGrade.until(student, Instant.parse(incomplete.getString("deadline")))
                    .at(now)
                    .letter();
        }
        return new SittingLine(
                student,
                name,
                group,
                Optional.ofNullable(p.getValue("ticket") instanceof Integer t ? t : null),
                scores,
                result,
                appeal(doc, student),
                standing);
    }

    /** 6.15.5: the last decided appeal of the student: "B → A-" when it changed the grade, "kept" when not. */
    static Optional<String> appeal(JsonObject doc, String student) {
        Optional<String> out = Optional.empty();
        JsonArray appeals = doc.getValue("appeals") instanceof JsonArray a ? a : new JsonArray();
        for (Object o : appeals) {
            if (!(o instanceof JsonObject a) || !student.equals(a.getString("studentId"))) continue;
            if ("changed".equals(a.getString("decision")))
                out = Optional.of(a.getString("gradeBefore", "?") + " → " + a.getString("gradeAfter", "?"));
            else if ("kept".equals(a.getString("decision"))) out = Optional.of("kept");
        }
        return out;
    }

    static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) for (Object o : a) if (o instanceof String s) out.add(s);
        return out;
    }
}
