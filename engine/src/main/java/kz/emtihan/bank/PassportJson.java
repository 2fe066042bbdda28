package kz.emtihan.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.bank.model.Passport;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;

/** The passport (5.22) as JSON. */
final class PassportJson {
    private PassportJson() {}

    static Passport parse(Object value) {
        if (!(value instanceof JsonObject o))
            throw Refusal.of(CommonRefusal.BAD_FIELD, "passport", BankTexts.problem("passport.object"));
        List<Problem> problems = new ArrayList<>();
        String discipline = text(o, "discipline", problems);
        String programme = text(o, "programme", problems);
        String language = text(o, "language", problems);
        List<String> compilers = list(o, "compilers", problems);
        List<String> references = list(o, "references", problems);
        if (!problems.isEmpty()) throw Refusal.of(BankRefusal.INVALID_PASSPORT).withProblems(problems);
        return new Passport(discipline, programme, language, compilers, references);
    }

    private static String text(JsonObject o, String field, List<Problem> problems) {
        if (o.getValue(field) instanceof String s && !s.isBlank() && s.length() <= 500) return s.strip();
        problems.add(Problem.field(field, BankTexts.problem("passport.text")));
        return "";
    }

    private static List<String> list(JsonObject o, String field, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        if (o.getValue(field) instanceof JsonArray arr) {
            for (Object v : arr) {
                if (v instanceof String s && !s.isBlank()) out.add(s.strip());
                else problems.add(Problem.field(field, BankTexts.problem("passport.list-items")));
            }
            if (field.equals("compilers") && out.isEmpty()) {
                problems.add(Problem.field(field, BankTexts.problem("passport.compiler")));
            }
        } else {
            problems.add(Problem.field(field, BankTexts.problem("passport.list")));
        }
        return out;
    }

    static JsonObject toJson(Passport p) {
        return new JsonObject()
                .put("discipline", p.discipline())
                .put("programme", p.programme())
                .put("language", p.language())
                .put("compilers", new JsonArray(p.compilers()))
                .put("references", new JsonArray(p.references()));
    }

    static Passport fromJson(JsonObject o) {
        return new Passport(
                o.getString("discipline"),
                o.getString("programme"),
                o.getString("language"),
                o.getJsonArray("compilers").getList(),
                o.getJsonArray("references").getList());
    }
}
