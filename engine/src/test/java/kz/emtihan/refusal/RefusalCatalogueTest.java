package kz.emtihan.refusal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 (1): one catalogue of refusals. Every enum implementing {@link RefusalCode} in the engine is found on the
 * classpath (not listed here: a context that declares a new enum is held to the same rules at once), and held to:
 * unique kebab-case codes; a sentence for every code in kk, ru and en with exactly the declared {@code {args}}; no
 * sentence in a refusals bundle for a code nobody declares; every other bundle of the engine with the same keys and
 * arguments in all three languages; the OpenAPI document's {@code x-refusals} table (Error schema) listing exactly the
 * codes with their arguments; and the pages' {@code api.<code>} words naming only declared codes and their arguments.
 */
class RefusalCatalogueTest {
    private static final Pattern ARG = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Path PAGES_MESSAGES = Path.of("../proctor-ui/src/main/web/lib/messages");

    /** code → its declaration, over every enum found. */
    private static final Map<String, RefusalCode> catalogue = new TreeMap<>();

    private static final List<String> duplicates = new ArrayList<>();
    private static final List<Class<?>> enums = new ArrayList<>();

    @BeforeAll
    static void findEveryDeclaredCode() throws ClassNotFoundException {
        // the engine's own classes (where CommonRefusal is), not the whole classpath: every context is there
        Path classes;
        try {
            classes = Path.of(CommonRefusal.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        // RefusalCode and every enum are among them: nothing needs resolving from the rest of the classpath (slow)
        JavaClasses engine = ArchConfiguration.withThreadLocalScope(config -> {
            config.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(classes);
        });
        for (JavaClass c : engine) {
            if (!c.isEnum() || !c.isAssignableTo(RefusalCode.class)) continue;
            Class<?> type = Class.forName(c.getName());
            enums.add(type);
            for (Object constant : type.getEnumConstants()) {
                RefusalCode code = (RefusalCode) constant;
                RefusalCode before = catalogue.put(code.code(), code);
                if (before != null) duplicates.add(code.code() + ": " + describe(before) + " and " + describe(code));
            }
        }
    }

    @Test
    void theEnumsAreFoundAndTheirCodesAreUniqueAndKebabCase() {
        assertTrue(enums.contains(CommonRefusal.class), "CommonRefusal is found: " + enums);
        assertTrue(enums.size() > 1, "the contexts' own enums are found too: " + enums);
        assertTrue(duplicates.isEmpty(), "codes declared twice:\n" + String.join("\n", duplicates));
        List<String> bad = catalogue.keySet().stream()
                .filter(c -> !KEBAB.matcher(c).matches())
                .toList();
        assertTrue(bad.isEmpty(), "not kebab-case: " + bad);
    }

    @Test
    void everyCodeHasASentenceInEveryLanguageWithExactlyItsArguments() {
        List<String> wrong = new ArrayList<>();
        for (RefusalCode code : catalogue.values()) {
            Set<String> declared = new TreeSet<>(code.args());
            if (declared.size() != code.args().size()) wrong.add(describe(code) + ": an argument is named twice");
            for (Language language : Language.values()) {
                if (!Catalogue.has(code.bundle(), code.code(), language)) {
                    wrong.add(describe(code) + ": no sentence in " + code.bundle() + "_" + language.code());
                    continue;
                }
                Set<String> used =
                        args(Catalogue.bundle(code.bundle(), language).getString(code.code()));
                if (!used.equals(declared))
                    wrong.add(describe(code) + " in " + language.code() + ": the sentence uses " + used
                            + ", the code declares " + declared);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aRefusalsBundleHoldsOnlyDeclaredCodes() {
        Map<String, Set<String>> declaredByBundle = new TreeMap<>();
        for (RefusalCode code : catalogue.values())
            declaredByBundle
                    .computeIfAbsent(code.bundle(), b -> new TreeSet<>())
                    .add(code.code());
        List<String> stray = new ArrayList<>();
        declaredByBundle.forEach((bundle, codes) -> {
            for (Language language : Language.values()) {
                for (String key : Catalogue.bundle(bundle, language).keySet())
                    if (!codes.contains(key)) stray.add(bundle + "_" + language.code() + ": " + key);
            }
        });
        assertTrue(stray.isEmpty(), "sentences for codes nobody declares:\n" + String.join("\n", stray));
    }

    /** Every bundle of the engine (problems, names of things, import notes ...): the same keys and arguments in all three. */
    @Test
    void everyBundleSaysTheSameInKazakhRussianAndEnglish() throws IOException, URISyntaxException {
        Path root = Path.of(RefusalCatalogueTest.class
                        .getClassLoader()
                        .getResource("kz/emtihan/refusal/refusals_en.properties")
                        .toURI())
                .getParent()
                .getParent();
        List<String> bundles;
        try (Stream<Path> files = Files.walk(root)) {
            bundles = files.map(p -> root.getParent().getParent().relativize(p).toString())
                    .filter(p -> p.endsWith("_en.properties"))
                    .map(p -> p.substring(0, p.length() - "_en.properties".length())
                            .replace('/', '.'))
                    .sorted()
                    .toList();
        }
        assertTrue(bundles.size() >= 6, "the engine's bundles are found: " + bundles);
        List<String> wrong = new ArrayList<>();
        for (String bundle : bundles) {
            Map<String, Set<String>> english = sentences(bundle, Language.EN);
            for (Language language : List.of(Language.KK, Language.RU)) {
                Map<String, Set<String>> other = sentences(bundle, language);
                if (!other.keySet().equals(english.keySet()))
                    wrong.add(bundle + "_" + language.code() + ": keys differ from English: only here "
                            + minus(other.keySet(), english.keySet()) + ", only in English "
                            + minus(english.keySet(), other.keySet()));
                english.forEach((key, args) -> {
                    if (other.containsKey(key) && !other.get(key).equals(args))
                        wrong.add(bundle + "_" + language.code() + " " + key + ": arguments " + other.get(key)
                                + ", in English " + args);
                });
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** The Error schema's {@code x-refusals}: code → argument names, exactly the catalogue. */
    @Test
    void theOpenApiDocumentListsExactlyTheCatalogue() throws IOException {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/kz/emtihan/http/openapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        JsonNode table = doc.at("/components/schemas/Error/x-refusals");
        assertTrue(table.isObject(), "components.schemas.Error has an x-refusals table");
        Map<String, List<String>> documented = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> args = new ArrayList<>();
            e.getValue().forEach(a -> args.add(a.asText()));
            documented.put(e.getKey(), args);
        }
        Map<String, List<String>> declared = new TreeMap<>();
        catalogue.forEach((code, c) -> declared.put(code, c.args()));
        List<String> missing = new ArrayList<>();
        declared.forEach((code, args) -> {
            if (!args.equals(documented.get(code))) missing.add("        " + code + ": " + yaml(args));
        });
        List<String> extra = documented.keySet().stream()
                .filter(c -> !declared.containsKey(c))
                .toList();
        assertTrue(
                missing.isEmpty() && extra.isEmpty(),
                "openapi.yaml x-refusals differs from the catalogue; declared but missing or with other arguments:\n"
                        + String.join("\n", missing) + "\ndocumented but not declared: " + extra);
    }

    /** The pages keep words only for what they produce themselves; any {@code api.<code>} must be a declared code. */
    @Test
    void thePagesMessageFilesNameOnlyDeclaredCodesAndArguments() throws IOException {
        Pattern entry = Pattern.compile("'api\\.([a-z0-9-]+)'\\s*:\\s*\\n?\\s*'((?:[^'\\\\]|\\\\.)*)'");
        List<String> wrong = new ArrayList<>();
        int files = 0;
        for (Language language : Language.values()) {
            Path file = PAGES_MESSAGES.resolve("errors." + language.code() + ".js");
            assertTrue(Files.exists(file), file + " exists");
            files++;
            Matcher m = entry.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                RefusalCode code = catalogue.get(m.group(1));
                if (code == null) {
                    wrong.add(file.getFileName() + ": api." + m.group(1) + " is no declared code");
                } else if (!code.args().containsAll(args(m.group(2)))) {
                    wrong.add(file.getFileName() + ": api." + m.group(1) + " uses " + args(m.group(2))
                            + ", the code declares " + code.args());
                }
            }
        }
        assertEquals(3, files);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static Map<String, Set<String>> sentences(String bundle, Language language) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        var b = Catalogue.bundle(bundle, language);
        for (String key : b.keySet()) out.put(key, args(b.getString(key)));
        return out;
    }

    private static Set<String> args(String sentence) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(sentence);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static String yaml(List<String> args) {
        return "[" + String.join(", ", args) + "]";
    }

    private static String describe(RefusalCode code) {
        return code.getClass().getSimpleName() + "." + code;
    }
}
