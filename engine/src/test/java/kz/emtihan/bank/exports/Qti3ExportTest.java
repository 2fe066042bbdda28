package kz.emtihan.bank.exports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import kz.emtihan.bank.imports.EmbeddedFile;
import kz.emtihan.bank.imports.ImportReport;
import kz.emtihan.bank.imports.ImportedQuestion;
import kz.emtihan.bank.imports.QtiImport;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import kz.emtihan.bank.model.QuestionDraft;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/** Issue 12 (5): a bank exported as a QTI 3.0 package and imported again is the same bank, question by question. */
class Qti3ExportTest {
    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    /**
     * What the bank stores for an imported question's HTML: each {@code @@PLUGINFILE@@/<name>} becomes the stored
     * file's {@code data-media} hash (the contract between importers and the media store).
     */
    static String landed(String html, List<EmbeddedFile> files) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (Element e : doc.select("[src^=@@PLUGINFILE@@/]")) {
            String name = e.attr("src").substring("@@PLUGINFILE@@/".length());
            EmbeddedFile file = files.stream()
                    .filter(f -> f.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no file " + name));
            e.removeAttr("src");
            e.attr("data-media", ExportFixture.sha256(file.bytes()));
        }
        return doc.body().html();
    }

    static String withoutMedia(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        doc.select("[data-media]").remove();
        return doc.body().html();
    }

    /** The HTML as stored before export, compared with what came back, pictures and sounds in place. */
    static void assertSameHtml(String expected, String imported, List<EmbeddedFile> files, String what) {
        assertEquals(canonical(expected), canonical(landed(imported, files)), what);
    }

    /** The HTML with each element's attributes in name order: the order says nothing. */
    static String canonical(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (Element e : doc.body().getAllElements()) {
            java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
            e.attributes().forEach(a -> sorted.put(a.getKey(), a.getValue()));
            sorted.keySet().forEach(e::removeAttr);
            sorted.forEach(e::attr);
        }
        return doc.body().html();
    }

    static void assertSameQuestion(Question q, ImportedQuestion back) {
        assertSameQuestion(q, back, false);
    }

    /**
     * @param moodle Moodle XML has no per-option "keeps its place", and carries the difficulty as a tag, which its
     *     importer keeps among the author's tags
     */
    static void assertSameQuestion(Question q, ImportedQuestion back, boolean moodle) {
        boolean fixedKept = !moodle;
        String n = q.id() + ": ";
        QuestionDraft d = back.draft();
        assertSameHtml(q.text(), d.text(), back.files(), n + "text");
        assertEquals(q.options().size(), d.options().size(), n + "options");
        for (int i = 0; i < q.options().size(); i++) {
            Option o = q.options().get(i);
            QuestionDraft.DraftOption b = d.options().get(i);
            assertSameHtml(o.text(), b.text(), back.files(), n + "option " + i);
            assertEquals(o.fraction(), b.fraction(), 1e-9, n + "fraction " + i);
            assertSameHtml(o.feedback(), b.feedback(), back.files(), n + "feedback " + i);
            if (fixedKept) assertEquals(o.fixed(), b.fixed(), n + "fixed " + i);
        }
        assertEquals(q.single(), d.single(), n + "single");
        assertEquals(q.shuffle(), d.shuffle(), n + "shuffle");
        assertEquals(q.difficulty(), d.difficulty(), n + "difficulty");
        assertEquals(q.topic(), d.topic(), n + "topic");
        assertEquals(q.authored().name(), d.authored().name(), n + "name");
        assertEquals(q.authored().idNumber(), d.authored().idNumber(), n + "idnumber");
        List<String> tags = new ArrayList<>(q.authored().tags());
        if (moodle) q.difficulty().map(kz.emtihan.bank.model.Difficulty::code).ifPresent(tags::add);
        assertEquals(tags, d.authored().tags(), n + "tags");
        assertSameHtml(q.authored().feedback(), d.authored().feedback(), back.files(), n + "general feedback");
        List<Integer> correct = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++)
            if (q.correct().contains(q.options().get(i).id())) correct.add(i);
        assertEquals(correct, d.correct(), n + "correct");
        // every picture and sound the question shows comes back byte for byte, under the hash it was stored by
        for (String hash : ExportMedia.hashes(ExportMedia.htmlOf(q).stream().reduce("", String::concat))) {
            EmbeddedFile file = back.files().stream()
                    .filter(f -> ExportFixture.sha256(f.bytes()).equals(hash))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(n + "no file for " + hash));
            assertArrayEquals(ExportFixture.media().get(hash).bytes(), file.bytes());
        }
        assertEquals(
                ExportMedia.hashes(ExportMedia.htmlOf(q).stream().reduce("", String::concat))
                        .size(),
                back.files().size(),
                n + "files");
    }

    @Test
    void aBankExportedAsQti3AndImportedAgainIsTheSameBank() throws Exception {
        List<Question> bank = ExportFixture.questions();
        byte[] zip = Qti3Export.write("Физика мен алгебра", bank, ExportFixture.media());
        ImportReport report = QtiImport.parse(zip);
        assertEquals(List.of(), report.skipped().stream().filter(s -> !s.kept()).toList(), "nothing skipped");
        assertEquals(bank.size(), report.questions().size());
        for (int i = 0; i < bank.size(); i++)
            assertSameQuestion(bank.get(i), report.questions().get(i));
    }

    @Test
    void thePackageIsQti30WithTheFractionsInTheMappingAndTheMediaInside() throws Exception {
        Map<String, MediaFile> media = ExportFixture.media();
        Map<String, byte[]> files = unzip(Qti3Export.write("Bank", ExportFixture.questions(), media));
        assertTrue(
                files.containsKey("imsmanifest.xml") && files.containsKey("test.xml"),
                files.keySet().toString());
        assertArrayEquals(ExportFixture.GRAPH, files.get("media/" + ExportFixture.H_GRAPH + ".png"));
        assertArrayEquals(ExportFixture.TONE, files.get("media/" + ExportFixture.H_TONE + ".mp3"));

        XPath x = XPathFactory.newInstance().newXPath();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document manifest =
                f.newDocumentBuilder().parse(new ByteArrayInputStream(files.get("imsmanifest.xml")));
        assertEquals(Qti3Export.CP_NS, manifest.getDocumentElement().getNamespaceURI());
        assertEquals("3", x.evaluate("count(//*[local-name()='resource'][@type='imsqti_item_xmlv3p0'])", manifest));
        assertEquals(
                "easy",
                x.evaluate(
                        "//*[local-name()='resource'][1]//*[local-name()='difficulty']/*[local-name()='value']",
                        manifest));
        String item1 = x.evaluate("//*[local-name()='resource'][1]/@href", manifest);

        org.w3c.dom.Document item = f.newDocumentBuilder().parse(new ByteArrayInputStream(files.get(item1)));
        assertEquals(Qti3Export.NS, item.getDocumentElement().getNamespaceURI());
        assertEquals("qti-assessment-item", item.getDocumentElement().getLocalName());
        String interaction = "//*[local-name()='qti-choice-interaction']";
        assertEquals("1", x.evaluate(interaction + "/@max-choices", item));
        assertEquals("false", x.evaluate(interaction + "/@shuffle", item));
        assertEquals("true", x.evaluate(interaction + "/*[local-name()='qti-simple-choice'][5]/@fixed", item));
        assertEquals("A", x.evaluate("//*[local-name()='qti-correct-response']/*[local-name()='qti-value']", item));
        NodeList mapped =
                (NodeList) x.evaluate("//*[local-name()='qti-map-entry']/@mapped-value", item, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < mapped.getLength(); i++) values.add(mapped.item(i).getNodeValue());
        assertEquals(List.of("1", "0.5", "0", "-0.5", "0"), values, "fractions over 100");
        assertEquals("1", x.evaluate("//*[local-name()='qti-mapping']/@upper-bound", item));
        assertEquals("0", x.evaluate("//*[local-name()='qti-mapping']/@lower-bound", item));
        assertEquals(
                "../media/" + ExportFixture.H_GRAPH + ".png",
                x.evaluate("//*[local-name()='qti-item-body']//*[local-name()='img']/@src", item));
        assertEquals(
                "Right.",
                x.evaluate(
                        "//*[local-name()='qti-modal-feedback'][@identifier='A']/*[local-name()='qti-content-body']",
                        item));
        assertEquals("Quadratic", item.getDocumentElement().getAttribute("title"));
        assertTrue(
                new String(files.get(item1), java.nio.charset.StandardCharsets.UTF_8).contains("\\(x^2 = 4\\)"),
                "the formula as written");

        org.w3c.dom.Document test = f.newDocumentBuilder().parse(new ByteArrayInputStream(files.get("test.xml")));
        assertEquals(
                "Алгебра|Теңдеулер",
                x.evaluate("//*[local-name()='qti-assessment-section'][1]/@title", test) + "|"
                        + x.evaluate(
                                "//*[local-name()='qti-assessment-section'][1]/*[local-name()='qti-assessment-section']/@title",
                                test));
    }

    @Test
    void aPictureTheBankNoLongerHasIsLeftOutRatherThanPointingNowhere() throws Exception {
        Map<String, MediaFile> media = new LinkedHashMap<>(ExportFixture.media());
        media.remove(ExportFixture.H_GRAPH);
        ImportReport report = QtiImport.parse(Qti3Export.write("Bank", ExportFixture.questions(), media));
        assertEquals(3, report.questions().size(), "every question still imports");
        assertEquals(
                Optional.empty(), report.questions().get(0).files().stream().findFirst());
    }
}
