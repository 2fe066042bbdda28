package kz.emtihan.sitting.model;

import java.util.List;
import java.util.Optional;

/**
 * Who takes part in a sitting (6.15.4, 6.15.6), by user id: the technical secretary, the commission's chair and
 * members (the chair is one), the appeal commission's chair, deputy and members, and the students in their order. As
 * stored, not validated: a part read from a document edited by hand still answers {@link #roleOf}; the strict
 * {@link Commission} is built only where its rules are needed.
 */
public record Parts(
        String secretary,
        String chair,
        List<String> members,
        String appealChair,
        String appealDeputy,
        List<String> appealMembers,
        List<String> students) {
    public Parts {
        members = List.copyOf(members);
        appealMembers = List.copyOf(appealMembers);
        students = List.copyOf(students);
    }

    /** The caller's part in the sitting; the first that fits, the examining commission before the appeal one. */
    public Optional<SittingRole> roleOf(String userId) {
        if (userId == null) return Optional.empty();
        if (userId.equals(secretary)) return Optional.of(SittingRole.SECRETARY);
        if (userId.equals(chair)) return Optional.of(SittingRole.CHAIR);
        if (members.contains(userId)) return Optional.of(SittingRole.MEMBER);
        if (userId.equals(appealChair)) return Optional.of(SittingRole.APPEAL_CHAIR);
        if (userId.equals(appealDeputy)) return Optional.of(SittingRole.APPEAL_DEPUTY);
        if (appealMembers.contains(userId)) return Optional.of(SittingRole.APPEAL_MEMBER);
        if (students.contains(userId)) return Optional.of(SittingRole.STUDENT);
        return Optional.empty();
    }

    /** The examining commission with its rules (6.15.6); fails on a commission the rules cannot accept. */
    public Commission commission() {
        return Commission.of(chair, new java.util.LinkedHashSet<>(members), secretary);
    }
}
