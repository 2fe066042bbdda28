package kz.emtihan.registry.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 5.36-5.38: an exam and its retakes (each names the exam it retakes), by opening; which result of the chain counts is
 * {@link kz.emtihan.grade.model.CountingResult}'s rule.
 */
public final class RetakeChain {
    private RetakeChain() {}

    /** One exam of a chain: its id, when it opens, and the exam it retakes, if any. */
    public record Link(String examId, Instant opensAt, Optional<String> retakeOf) {}

    /**
     * The chain {@code examId} belongs to: up to the first exam through {@code retakeOf}, then every exam that retakes
     * one in it, by opening. An exam of no chain is a chain of one.
     */
    public static List<Link> of(String examId, Map<String, Link> exams) {
        String root = examId;
        Set<String> seen = new HashSet<>();
        while (seen.add(root)
                && exams.containsKey(root)
                && exams.get(root).retakeOf().isPresent()) {
            String up = exams.get(root).retakeOf().get();
            if (!exams.containsKey(up)) break;
            root = up;
        }
        List<Link> chain = new ArrayList<>();
        Set<String> in = new HashSet<>();
        if (exams.containsKey(root)) {
            chain.add(exams.get(root));
            in.add(root);
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Link l : exams.values()) {
                if (!in.contains(l.examId())
                        && l.retakeOf().isPresent()
                        && in.contains(l.retakeOf().get())) {
                    chain.add(l);
                    in.add(l.examId());
                    grew = true;
                }
            }
        }
        chain.sort(Comparator.comparing(Link::opensAt).thenComparing(Link::examId));
        return List.copyOf(chain);
    }
}
