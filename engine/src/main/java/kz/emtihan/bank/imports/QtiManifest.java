package kz.emtihan.bank.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.bank.model.Difficulty;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a content package's {@code imsmanifest.xml} says of its items, in the order of its resources: where each
 * item is, its LOM metadata (difficulty, keywords, an {@code idnumber} identifier) and the titles of the
 * organisation items and test sections that hold it. 5.23.3: LOM's five difficulty values become three (very
 * easy/easy → easy, medium → medium, difficult/very difficult → hard); a title that is a difficulty word
 * ({@link DifficultyWords}) also names one; the others make the topic.
 */
final class QtiManifest {
    static final String FILE = "imsmanifest.xml";

    private QtiManifest() {}

    /** One item resource of the package. */
    record Entry(
            String path, Optional<Difficulty> difficulty, List<String> keywords, String idNumber, List<String> titles) {
        /** The topic and difficulty its titles give, for {@link ChoiceDraft}; LOM's difficulty wins. */
        CategoryPath category() {
            List<String> topic = new ArrayList<>();
            Optional<Difficulty> named = Optional.empty();
            for (String title : titles) {
                Optional<Difficulty> d = DifficultyWords.of(title);
                if (d.isPresent()) named = d;
                else topic.add(title);
            }
            Optional<Difficulty> fromTitles = named;
            return new CategoryPath(String.join(" / ", topic), difficulty.or(() -> fromTitles));
        }
    }

    static List<Entry> items(QtiPackage pack) throws ImportException {
        byte[] bytes =
                pack.file(FILE).orElseThrow(() -> new ImportException(ImportTexts.of("fault.no-manifest"), 0, 0));
        Document manifest = QtiXml.parse(bytes);
        Map<String, List<String>> titles = new LinkedHashMap<>();
        for (Element resource : QtiXml.descendants(manifest, "resource")) {
            if (!isType(resource, "test")) continue;
            String testPath = href(resource);
            if (testPath.isEmpty()) continue;
            Optional<byte[]> test = pack.file(testPath);
            if (test.isEmpty()) continue;
            try {
                sections(QtiXml.parse(test.get()), testPath, titles);
            } catch (ImportException unreadable) {
                // a test only names sections: its items are still read, without topic or difficulty from it
            }
        }
        Map<String, List<String>> inTests = new LinkedHashMap<>(titles);
        for (Element organization : QtiXml.descendants(manifest, "organization")) {
            organisationTitles(organization, List.of(), manifest, titles);
        }
        List<Entry> out = new ArrayList<>();
        for (Element resource : QtiXml.descendants(manifest, "resource")) {
            if (!isType(resource, "item")) continue;
            String path = href(resource);
            if (path.isEmpty()) continue;
            Optional<Element> lom = QtiXml.descendants(resource, "lom").stream().findFirst();
            out.add(new Entry(
                    path,
                    lom.flatMap(QtiManifest::difficulty),
                    lom.map(QtiManifest::keywords).orElse(List.of()),
                    lom.map(QtiManifest::idNumber).orElse(""),
                    titles.getOrDefault(path, List.of())));
            inTests.remove(path);
        }
        // items a test refers to that the manifest does not list as resources (some packages list only the test)
        inTests.forEach((path, above) -> out.add(new Entry(path, Optional.empty(), List.of(), "", above)));
        return out;
    }

    /** {@code imsqti_item_xmlv2p1}, {@code imsqti_apipitem_xmlv2p1}, {@code imsqti_item_xmlv3p0}... */
    private static boolean isType(Element resource, String kind) {
        return resource.getAttribute("type").toLowerCase(Locale.ROOT).matches("imsqti_(apip)?" + kind + "_xml.*");
    }

    private static String href(Element resource) {
        return QtiPackage.resolve(FILE, resource.getAttribute("href")).orElse("");
    }

    /** The titles of the sections above each item reference of a test, outermost first. */
    private static void sections(Document test, String testPath, Map<String, List<String>> titles) {
        for (Element ref : QtiXml.descendants(test, "assessmentItemRef")) {
            List<String> path = new ArrayList<>();
            for (org.w3c.dom.Node n = ref.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
                if (QtiXml.is(e, "assessmentSection")
                        && !QtiXml.attr(e, "title").isBlank()) path.add(0, QtiXml.attr(e, "title"));
            }
            QtiPackage.resolve(testPath, QtiXml.attr(ref, "href")).ifPresent(item -> titles.putIfAbsent(item, path));
        }
    }

    private static void organisationTitles(
            Element parent, List<String> above, Document manifest, Map<String, List<String>> titles) {
        for (Element item : QtiXml.children(parent, "item")) {
            String ref = item.getAttribute("identifierref");
            if (!ref.isBlank()) {
                for (Element resource : QtiXml.descendants(manifest, "resource")) {
                    if (resource.getAttribute("identifier").equals(ref)) titles.putIfAbsent(href(resource), above);
                }
            }
            List<String> deeper = new ArrayList<>(above);
            QtiXml.child(item, "title")
                    .map(QtiXml::text)
                    .filter(t -> !t.isBlank())
                    .ifPresent(deeper::add);
            organisationTitles(item, deeper, manifest, titles);
        }
    }

    private static Optional<Difficulty> difficulty(Element lom) {
        for (Element d : QtiXml.descendants(lom, "difficulty")) {
            for (Element value : QtiXml.descendants(d, "value")) {
                Optional<Difficulty> found = lomDifficulty(QtiXml.text(value));
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    /** 5.23.3: LOM's educational difficulty in three classes; a word of {@link DifficultyWords} too. */
    static Optional<Difficulty> lomDifficulty(String value) {
        String v = Normalizer.normalize(value.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        switch (v) {
            case "very easy":
            case "easy":
                return Optional.of(Difficulty.EASY);
            case "medium":
                return Optional.of(Difficulty.MEDIUM);
            case "difficult":
            case "very difficult":
                return Optional.of(Difficulty.HARD);
            default:
                return DifficultyWords.of(v);
        }
    }

    private static List<String> keywords(Element lom) {
        List<String> out = new ArrayList<>();
        for (Element general : QtiXml.descendants(lom, "general")) {
            for (Element keyword : QtiXml.children(general, "keyword")) {
                String text = QtiXml.text(keyword);
                if (!text.isBlank()) out.add(text);
            }
        }
        return out;
    }

    /** The entry of a LOM general identifier whose catalog is {@code idnumber} (how the export writes it). */
    private static String idNumber(Element lom) {
        for (Element general : QtiXml.descendants(lom, "general")) {
            for (Element identifier : QtiXml.children(general, "identifier")) {
                String catalog =
                        QtiXml.child(identifier, "catalog").map(QtiXml::text).orElse("");
                if (catalog.equals("idnumber"))
                    return QtiXml.child(identifier, "entry").map(QtiXml::text).orElse("");
            }
        }
        return "";
    }
}
