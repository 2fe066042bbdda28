package kz.emtihan.sitting.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.refusal.Problem;

/**
 * 6.15.4, 6.15.6: whether the people named for a new sitting can hold it. Every person is an account with the role
 * their part needs (the chair, the members and the appeal commission: {@code commission}; the technical secretary:
 * {@code secretary}; the students: {@code student}); the examining commission has {@link CommissionSize} members, the
 * chair included; the secretary is not a member (they neither score nor vote); nobody sits on both the examining and
 * the appeal commission (an appeal is heard by others than those who graded, 6.15.4); the appeal commission's chair
 * and deputy are two people (the deputy signs when the chair is away); no student is on either commission. Every
 * problem is listed with its field, all at once. Pure: the accounts' roles are given.
 */
public final class SittingSetUp {
    private SittingSetUp() {}

    /** The role codes of a part ({@code kz.emtihan.auth.model.Role#code()}). */
    public static final String COMMISSION = "commission";

    public static final String SECRETARY = "secretary";
    public static final String STUDENT = "student";

    /**
     * The problems of {@code parts}, each with its field; {@code roles} holds each existing account's role codes (an id
     * absent from it has no account).
     */
    public static List<Problem> problems(Parts parts, Map<String, Set<String>> roles, CommissionSize size) {
        List<Problem> out = new ArrayList<>();
        Map<String, String> examining = new LinkedHashMap<>(); // id -> its field
        examining.put(parts.chair(), "commission.chair");
        for (int i = 0; i < parts.members().size(); i++)
            examining.putIfAbsent(parts.members().get(i), "commission.members[" + i + "]");
        Map<String, String> appeal = new LinkedHashMap<>();
        appeal.put(parts.appealChair(), "appealCommission.chair");
        appeal.putIfAbsent(parts.appealDeputy(), "appealCommission.deputy");
        for (int i = 0; i < parts.appealMembers().size(); i++)
            appeal.putIfAbsent(parts.appealMembers().get(i), "appealCommission.members[" + i + "]");
        examining.forEach((id, field) -> role(out, roles, id, field, COMMISSION));
        appeal.forEach((id, field) -> role(out, roles, id, field, COMMISSION));
        role(out, roles, parts.secretary(), "commission.secretary", SECRETARY);
        for (int i = 0; i < parts.students().size(); i++)
            role(out, roles, parts.students().get(i), "students[" + i + "]", STUDENT);
        Set<String> members = new LinkedHashSet<>(parts.members());
        members.add(parts.chair());
        if (!size.allows(members.size()))
            out.add(Problem.field(
                    "commission.members",
                    SittingWords.field(
                            "commission-size", "count", members.size(), "min", size.min(), "max", size.max())));
        if (members.contains(parts.secretary()))
            out.add(Problem.field("commission.secretary", SittingWords.field("secretary-member")));
        if (parts.appealChair() != null && parts.appealChair().equals(parts.appealDeputy()))
            out.add(Problem.field("appealCommission.deputy", SittingWords.field("deputy-is-chair")));
        appeal.forEach((id, field) -> {
            if (members.contains(id) || id.equals(parts.secretary()))
                out.add(Problem.field(field, SittingWords.field("both-commissions", "user", id)));
        });
        for (int i = 0; i < parts.students().size(); i++) {
            String s = parts.students().get(i);
            if (appeal.containsKey(s))
                out.add(Problem.field(
                        "students[" + i + "]", SittingWords.field("student-on-commission", "student", s)));
        }
        return out;
    }

    private static void role(
            List<Problem> out, Map<String, Set<String>> roles, String id, String field, String needed) {
        if (id == null) return; // a missing id is reported as such by the request's own check
        Optional<Set<String>> has = Optional.ofNullable(roles.get(id));
        if (has.isEmpty()) out.add(Problem.field(field, SittingWords.field("no-such-user", "user", id)));
        else if (!has.get().contains(needed))
            out.add(Problem.field(field, SittingWords.field("needs-role", "user", id, "role", needed)));
    }
}
