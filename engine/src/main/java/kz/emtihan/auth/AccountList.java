package kz.emtihan.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.auth.Users.Account;
import kz.emtihan.auth.model.Role;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;

/** A list of accounts as an administrator sends it ({@code PUT /users}): all valid, or refused with each bad one. */
final class AccountList {
    /** An academic group such as "ИС-21-1" or "CS 2 (en)": letters, digits, spaces and - _ . / ( ), up to 64; blank removes. */
    static final java.util.regex.Pattern GROUP = java.util.regex.Pattern.compile("[\\p{L}\\p{N} ._/()-]{0,64}");

    private AccountList() {}

    /** The accounts, or a refusal with the problem of each bad entry by its index; nothing is stored either way. */
    static List<Account> read(JsonArray body) {
        List<Problem> problems = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Object item = body.getValue(i);
            if (!(item instanceof JsonObject o)) {
                problems.add(problem(i, "not-object"));
                continue;
            }
            parse(o, i, problems).ifPresent(accounts::add);
        }
        if (body.isEmpty()) problems.add(problem(0, "empty-list"));
        if (!problems.isEmpty()) throw invalid(problems);
        return accounts;
    }

    /** A new account needs a password: the refusal for the entries (by index) that came without one. */
    static Refusal needPasswords(List<Integer> indexes) {
        return invalid(indexes.stream().map(i -> problem(i, "needs-password")).toList());
    }

    private static Optional<Account> parse(JsonObject o, int i, List<Problem> problems) {
        int before = problems.size();
        String id = o.getValue("id") instanceof String s ? s : "";
        if (!Users.ID.matcher(id).matches()) problems.add(problem(i, "id"));
        String name = o.getValue("name") instanceof String s ? s.strip() : "";
        if (name.isEmpty() || name.length() > 200) problems.add(problem(i, "name"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (o.getValue("roles") instanceof JsonArray arr && !arr.isEmpty()) {
            for (Object r : arr) {
                Optional<Role> role = r instanceof String s ? Role.fromCode(s) : Optional.empty();
                if (role.isEmpty()) problems.add(problem(i, "unknown-role", "role", String.valueOf(r)));
                role.ifPresent(roles::add);
            }
        } else {
            problems.add(problem(i, "roles"));
        }
        Optional<String> password = Optional.empty();
        Object pw = o.getValue("password");
        if (pw != null) {
            if (!(pw instanceof String s) || s.length() < Users.MIN_PASSWORD || s.length() > 200) {
                problems.add(problem(i, "password", "min", Users.MIN_PASSWORD));
            } else {
                password = Optional.of(s);
            }
        }
        Optional<String> email = Optional.empty();
        Object mail = o.getValue("email");
        if (mail != null) {
            if (!(mail instanceof String s)) {
                problems.add(problem(i, "email-text"));
            } else {
                email = Optional.of(s.strip());
                if (!s.isBlank()) EmailAddress.problem(s.strip()).ifPresent(m -> problems.add(Problem.index(i, m)));
            }
        }
        Optional<String> group = Optional.empty();
        Object g = o.getValue("group");
        if (g != null) {
            // 5.33: the academic group a grade sheet is made for; blank removes it
            if (!(g instanceof String s) || !GROUP.matcher(s.strip()).matches()) problems.add(problem(i, "group"));
            else group = Optional.of(s.strip());
        }
        return problems.size() == before
                ? Optional.of(new Account(id, name, roles, password, email, group))
                : Optional.empty();
    }

    private static Problem problem(int index, String key, Object... namedArgs) {
        return Problem.index(index, AuthTexts.problem(key, namedArgs));
    }

    private static Refusal invalid(List<Problem> problems) {
        return Refusal.of(AuthRefusal.INVALID_USERS, problems.size()).withProblems(problems);
    }
}
