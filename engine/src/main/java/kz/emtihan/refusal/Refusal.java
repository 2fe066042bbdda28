package kz.emtihan.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;

/**
 * A request refused for a reason the caller can act on, in the domain's words: a declared {@link RefusalCode}, the
 * values of its arguments, and for a list of records the problem of each one. Services fail their futures with it;
 * nothing has been changed when it is thrown. It knows nothing of HTTP: {@code http} maps its {@link Kind} to a
 * status and renders its sentence in the caller's language.
 */
public final class Refusal extends RuntimeException {
    private final RefusalCode code;
    private final Map<String, Object> args;
    private final List<Problem> problems;
    private final Map<String, Object> details;

    private Refusal(RefusalCode code, Map<String, Object> args, List<Problem> problems, Map<String, Object> details) {
        super(code.code(), null, false, false);
        this.code = code;
        this.args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        this.problems = List.copyOf(problems);
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * @param values the values of {@code code.args()}, in that order; a value may be a {@link Text}, rendered in the
     *     same language
     */
    public static Refusal of(RefusalCode code, Object... values) {
        List<String> names = code.args();
        if (values.length != names.size()) {
            throw new IllegalArgumentException(
                    code.code() + " takes " + names + ", given " + values.length + " values");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) args.put(names.get(i), values[i]);
        return new Refusal(code, args, List.of(), Map.of());
    }

    /** The same refusal with one problem per bad record or field (imports report each with its position). */
    public Refusal withProblems(List<Problem> problems) {
        return new Refusal(code, args, problems, details);
    }

    /** The same refusal with more fields for the answer, e.g. the id of the attempt that is already finished. */
    public Refusal withDetails(Map<String, Object> details) {
        return new Refusal(code, args, problems, details);
    }

    public RefusalCode code() {
        return code;
    }

    public Kind kind() {
        return code.kind();
    }

    public Map<String, Object> args() {
        return args;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The sentence to say, with its arguments. */
    public Text text() {
        return new Text(code.bundle(), code.code(), args);
    }

    public String message(Language language) {
        return Catalogue.render(text(), language);
    }

    /** English, for logs and tests; people are answered in their own language. */
    @Override
    public String getMessage() {
        return message(Language.EN);
    }
}
