package kz.emtihan.exam.model;

import java.util.EnumSet;
import java.util.Set;
import kz.emtihan.auth.model.Role;

/**
 * Who may do what with an exam and everything of it: its attempts, results, media, live feed, proctoring
 * dashboard, reviews, identity decisions, terminations and messages (5.17.2, 5.33, 6.14; issue 10, 3). The one rule
 * every exam and attempt operation asks. A relation counts only with its role.
 *
 * <table>
 *   <tr><th></th><th>VIEW</th><th>MANAGE (roster)</th><th>WATCH (attempts, media, live, act on them)</th>
 *       <th>RESULTS</th><th>VERIFY (an attempt's receipt check)</th><th>ASSIGN (proctors)</th></tr>
 *   <tr><td>admin</td><td>yes</td><td>yes</td><td>yes</td><td>yes</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>its teacher (owner)</td><td>yes</td><td>yes</td><td>yes</td><td>yes</td><td>yes</td><td>no</td></tr>
 *   <tr><td>a proctor assigned to it</td><td>yes</td><td>no</td><td>yes</td><td>yes</td><td>yes</td><td>no</td></tr>
 *   <tr><td>registrar</td><td>yes</td><td>no</td><td>no</td><td>yes</td><td>yes</td><td>no</td></tr>
 *   <tr><td>anyone else</td><td>no</td><td>no</td><td>no</td><td>no</td><td>no</td><td>no</td></tr>
 * </table>
 *
 * A student reads only their own attempts ({@link #mayReadAttempt}); that check needs no exam facts.
 */
public record ExamAccess(String teacher, Set<String> proctors) {
    /** What a caller may do with an exam. */
    public enum Action {
        VIEW,
        MANAGE,
        WATCH,
        RESULTS,
        VERIFY,
        ASSIGN;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The roles that may watch some exam (x-roles of every watching operation): the coarse gate, asked before any exam is
     * read; which exam is then {@link #allowed}'s answer.
     */
    public static Role[] watchingRoles() {
        return new Role[] {Role.PROCTOR, Role.TEACHER, Role.ADMIN};
    }

    public ExamAccess {
        proctors = Set.copyOf(proctors);
    }

    public Set<Action> allowed(String userId, Set<Role> roles) {
        if (roles.contains(Role.ADMIN)) return EnumSet.allOf(Action.class);
        Set<Action> out = EnumSet.noneOf(Action.class);
        if (roles.contains(Role.TEACHER) && teacher.equals(userId)) {
            out.addAll(EnumSet.of(Action.VIEW, Action.MANAGE, Action.WATCH, Action.RESULTS, Action.VERIFY));
        }
        if (roles.contains(Role.PROCTOR) && proctors.contains(userId)) {
            out.addAll(EnumSet.of(Action.VIEW, Action.WATCH, Action.RESULTS, Action.VERIFY));
        }
        if (roles.contains(Role.REGISTRAR)) out.addAll(EnumSet.of(Action.VIEW, Action.RESULTS, Action.VERIFY));
        return out;
    }

    public boolean allows(String userId, Set<Role> roles, Action action) {
        return allowed(userId, roles).contains(action);
    }

    /** An attempt is read by its own student, and by whoever may watch its exam. */
    public boolean mayReadAttempt(String userId, Set<Role> roles, String attemptStudent) {
        return attemptStudent.equals(userId) || allows(userId, roles, Action.WATCH);
    }

    /** Only a student's own attempt, with no exam facts needed (the cheap check before any other). */
    public static boolean ownAttempt(String userId, String attemptStudent) {
        return attemptStudent.equals(userId);
    }
}
