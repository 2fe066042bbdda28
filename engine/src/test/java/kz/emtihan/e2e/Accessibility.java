package kz.emtihan.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Issue 15 (8): the one accessibility check of the browser tests. {@link #check} runs axe-core on the page the
 * browser shows and fails on every violation of impact serious or critical, naming its rule, where and the help.
 * Minor and moderate ones are printed, not failed.
 */
public final class Accessibility {
    static final Path AXE = Path.of(System.getProperty(
            "emtihan.axe",
            Path.of("..", "proctor-ui", "node_modules", "axe-core", "axe.min.js")
                    .toString()));
    static final Set<String> FAILING = Set.of("serious", "critical");
    private static String source;

    private Accessibility() {}

    static synchronized String axeSource() {
        if (source == null) {
            if (!Files.isReadable(AXE)) {
                throw new AssertionError("axe-core is missing (" + AXE.toAbsolutePath()
                        + "): run `npm ci` in proctor-ui (the Maven build does it)");
            }
            try {
                source = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /** Fails when axe finds a serious or critical violation on the page as it is now; {@code page} names it. */
    public static void check(Browser b, String page) {
        List<Map<String, Object>> violations = b.axe();
        List<Map<String, Object>> failing = violations.stream()
                .filter(v -> FAILING.contains(String.valueOf(v.get("impact"))))
                .toList();
        violations.stream()
                .filter(v -> !failing.contains(v))
                .forEach(v -> System.out.println("axe " + page + " (not failing) " + describe(v)));
        if (!failing.isEmpty()) {
            throw new AssertionError(
                    "axe-core on " + page + ": " + failing.size() + " serious or critical violation(s)\n"
                            + failing.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
        }
    }

    static String describe(Map<String, Object> v) {
        return "  [" + v.get("impact") + "] " + v.get("id") + ": " + v.get("help") + "\n    "
                + String.join(
                        "\n    ",
                        ((List<?>) v.get("targets"))
                                .stream().map(String::valueOf).toList());
    }
}
