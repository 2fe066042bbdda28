package kz.emtihan.bank.model;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.emtihan.auth.model.Role;

/**
 * Who may do what with a question bank (5.21: a bank is its teacher's responsibility; issue 10, 3). The one rule
 * every bank operation asks: its owner, the co-authors the owner names, the experts assigned to review it, admins.
 * A relation counts only with its role: a co-author or owner who is no longer a teacher, or an expert who is no
 * longer an expert, gets nothing from it.
 *
 * <table>
 *   <tr><th></th><th>READ (passport, questions with their keys, validation)</th><th>EDIT (add, delete, import)</th>
 *       <th>SCHEDULE (an exam from it)</th><th>MANAGE (name co-authors and experts)</th></tr>
 *   <tr><td>admin</td><td>yes</td><td>yes</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>owner (teacher)</td><td>yes</td><td>yes</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>co-author (teacher)</td><td>yes</td><td>yes</td><td>yes</td><td>no</td></tr>
 *   <tr><td>assigned expert</td><td>yes</td><td>no</td><td>no</td><td>no</td></tr>
 *   <tr><td>anyone else</td><td>no</td><td>no</td><td>no</td><td>no</td></tr>
 * </table>
 */
public record BankAccess(String owner, Set<String> coAuthors, Set<String> experts) {
    /** What a caller may do with a bank. */
    public enum Action {
        READ,
        EDIT,
        SCHEDULE,
        MANAGE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public BankAccess {
        coAuthors = Set.copyOf(coAuthors);
        experts = Set.copyOf(experts);
    }

    /** Everything this caller may do with the bank; empty for a stranger. */
    public Set<Action> allowed(String userId, Set<Role> roles) {
        if (roles.contains(Role.ADMIN)) return EnumSet.allOf(Action.class);
        Set<Action> out = EnumSet.noneOf(Action.class);
        if (roles.contains(Role.TEACHER) && owner.equals(userId)) return EnumSet.allOf(Action.class);
        if (roles.contains(Role.TEACHER) && coAuthors.contains(userId))
            out.addAll(EnumSet.of(Action.READ, Action.EDIT, Action.SCHEDULE));
        if (roles.contains(Role.EXPERT) && experts.contains(userId)) out.add(Action.READ);
        // 5.19: the head of department puts every bank to the department's meeting (departments are not modelled)
        if (roles.contains(Role.HEAD)) out.add(Action.READ);
        return out;
    }

    public boolean allows(String userId, Set<Role> roles, Action action) {
        return allowed(userId, roles).contains(action);
    }

    /** The roles an account must hold to be named: co-authors teach, experts review. */
    public static Role roleOfCoAuthors() {
        return Role.TEACHER;
    }

    public static Role roleOfExperts() {
        return Role.EXPERT;
    }

    /** The lists as the owner names them: without repeats, in the order given. */
    public static Set<String> named(List<String> ids) {
        return new LinkedHashSet<>(ids);
    }
}
