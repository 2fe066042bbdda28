package kz.emtihan.sitting.model;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * 6.15, 6.15.6: the attestation commission at a sitting. The chair is one of the members and scores like them;
 * the technical secretary runs the sitting (identification, timers, acts) but neither scores nor votes.
 *
 * @param members every member present, chair included, by user id (kept sorted)
 */
public record Commission(String chair, List<String> members, String secretary) {
    public Commission {
        TreeSet<String> distinct = new TreeSet<>(members);
        if (distinct.size() != members.size()) throw new IllegalArgumentException("a member is listed twice");
        if (distinct.stream().anyMatch(String::isBlank)) throw new IllegalArgumentException("a member id is blank");
        if (!distinct.contains(chair)) throw new IllegalArgumentException("the chair " + chair + " must be a member");
        if (secretary == null || secretary.isBlank()) throw new IllegalArgumentException("the secretary is required");
        if (distinct.contains(secretary))
            throw new IllegalArgumentException("the technical secretary does not score or vote");
        members = List.copyOf(distinct);
    }

    public static Commission of(String chair, Set<String> members, String secretary) {
        return new Commission(chair, List.copyOf(members), secretary);
    }

    public boolean isMember(String userId) {
        return members.contains(userId);
    }
}
