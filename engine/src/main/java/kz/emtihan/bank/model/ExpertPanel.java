package kz.emtihan.bank.model;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 5.24: who may review a bank, and for which academic year. Banks are reviewed yearly by experts who are not among
 * the bank's compilers; the panel for the next year is approved in March, so a panel names the current academic year
 * or the next one, never a past one.
 */
public final class ExpertPanel {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

    private ExpertPanel() {}

    /**
     * 5.24: the expert compiled the bank: its owner, a co-author, or a person the passport lists as a compiler under
     * the expert's account name or id (compared without case, accents' composition and extra spaces).
     */
    public static boolean isCompiler(
            String expertId, String expertName, Passport passport, String owner, Collection<String> coAuthors) {
        if (expertId.equals(owner) || coAuthors.contains(expertId)) return true;
        String name = normal(expertName);
        String id = normal(expertId);
        return passport.compilers().stream()
                .map(ExpertPanel::normal)
                .anyMatch(c -> !c.isEmpty() && (c.equals(name) || c.equals(id)));
    }

    static String normal(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFC)
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /** The first year of "2026-2027"; empty unless it is two consecutive years. */
    public static Optional<Integer> firstYear(String academicYear) {
        if (academicYear == null) return Optional.empty();
        Matcher m = YEAR.matcher(academicYear);
        if (!m.matches()) return Optional.empty();
        int first = Integer.parseInt(m.group(1));
        return Integer.parseInt(m.group(2)) == first + 1 ? Optional.of(first) : Optional.empty();
    }

    /** 5.24: a panel is named for the current academic year or the next one ("approved in March"). */
    public static boolean assignable(String academicYear, String currentYear) {
        Optional<Integer> y = firstYear(academicYear);
        int now = firstYear(currentYear).orElseThrow();
        return y.isPresent() && (y.get() == now || y.get() == now + 1);
    }

    /** The academic year after {@code academicYear}. */
    public static String next(String academicYear) {
        int first = firstYear(academicYear).orElseThrow();
        return (first + 1) + "-" + (first + 2);
    }
}
