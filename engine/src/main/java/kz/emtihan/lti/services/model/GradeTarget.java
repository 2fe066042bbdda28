package kz.emtihan.lti.services.model;

/**
 * Issue 16 (3): what a grade on its way to a gradebook is a result of: a test ({@code exam}) or an oral sitting
 * ({@code sitting}). Its {@link #key()} names it in the grade queue: an exam by its id (as grades were queued before
 * sittings could be linked), a sitting by {@code sitting:} and its id. Exam ids are made by the engine ({@code e} and
 * letters and digits, never a colon), so a sitting's key and an exam's can never be the same.
 */
public record GradeTarget(boolean sitting, String id) {
    private static final String SITTING = "sitting:";

    public GradeTarget {
        if (id == null || id.isEmpty() || id.contains(" ")) throw new IllegalArgumentException("bad id: " + id);
        if (!sitting && id.startsWith(SITTING)) throw new IllegalArgumentException("an exam id never starts so: " + id);
    }

    public static GradeTarget exam(String id) {
        return new GradeTarget(false, id);
    }

    public static GradeTarget ofSitting(String id) {
        return new GradeTarget(true, id);
    }

    public String key() {
        return sitting ? SITTING + id : id;
    }

    public static GradeTarget of(String key) {
        return key.startsWith(SITTING) ? ofSitting(key.substring(SITTING.length())) : exam(key);
    }
}
