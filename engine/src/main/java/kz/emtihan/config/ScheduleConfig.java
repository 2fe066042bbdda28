package kz.emtihan.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.emtihan.exam.model.RetakeRule;
import kz.emtihan.exam.model.ScheduleLimits;

/** Reads {@code schedule} (5.20.1-5.20.3) and {@code retake} (5.36-5.38) of regulation.yaml; a bad value names its key. */
final class ScheduleConfig {
    private ScheduleConfig() {}

    static ScheduleLimits schedule(ConfigTree t) {
        List<Integer> weeks = new ArrayList<>();
        int n = t.size("schedule.midtermWeeks");
        if (n < 1) throw new ConfigException("schedule.midtermWeeks", "needs at least one week");
        for (int i = 0; i < n; i++) {
            int w = t.integer("schedule.midtermWeeks." + i, 1, 53);
            if (weeks.contains(w)) throw new ConfigException("schedule.midtermWeeks." + i, "week " + w + " twice");
            weeks.add(w);
        }
        return new ScheduleLimits(
                t.integer("schedule.currentControlMax", 1, 100),
                t.integer("schedule.currentControlPerWeek", 1, 100),
                weeks,
                t.integer("schedule.attestationsPerPeriod", 1, 100));
    }

    static RetakeRule retake(ConfigTree t, Set<String> scaleLetters) {
        Set<String> letters = new LinkedHashSet<>();
        int n = t.size("retake.letters");
        for (int i = 0; i < n; i++) {
            String letter = t.string("retake.letters." + i).strip();
            if (!scaleLetters.contains(letter))
                throw new ConfigException("retake.letters." + i, "'" + letter + "' is not a letter of gradeScale");
            letters.add(letter);
        }
        return new RetakeRule(letters, t.bool("retake.absent"));
    }
}
