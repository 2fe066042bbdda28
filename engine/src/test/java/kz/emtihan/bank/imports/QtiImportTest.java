package kz.emtihan.bank.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.QuestionDraft;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.Test;

/**
 * IMS QTI 2.1 and 3.0 files nobody here wrote (real/qti/README.md names each one's source and licence): a QTI 2.1
 * content package exported from a course (9 items), a QTI 3.0 package of a Dutch test (10 items, pictures), the IMS
 * sample items in both versions; and packages built to harm.
 */
class QtiImportTest {
    static byte[] real(String name) throws Exception {
        try (InputStream in = QtiImportTest.class.getResourceAsStream("/kz/emtihan/bank/real/qti/" + name)) {
            if (in == null) throw new IOException("no real/qti/" + name);
            return in.readAllBytes();
        }
    }

    static String en(kz.emtihan.text.Text text) {
        return Catalogue.render(text, Language.EN);
    }

    static List<String> skips(ImportReport report) {
        return report.skipped().stream()
                .map(s -> s.question() + (s.kept() ? " kept: " : ": ") + en(s.reason()))
                .toList();
    }

    static ImportedQuestion at(ImportReport report, int position) {
        return report.questions().stream()
                .filter(q -> q.position() == position)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no question " + position + ": " + skips(report)));
    }

    static byte[] entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) if (e.getName().equals(name)) return in.readAllBytes();
        }
        throw new IOException("no " + name);
    }

    static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static void assertFractions(List<Double> expected, ImportedQuestion q) {
        assertEquals(expected.size(), q.fractions().size(), q.fractions().toString());
        for (int i = 0; i < expected.size(); i++)
            assertEquals(expected.get(i), q.fractions().get(i), 1e-6, "option " + (i + 1) + ": " + q.fractions());
    }

    @Test
    void aQti21PackageImportsItsChoiceItemsInManifestOrderAndSkipsTheRestWithItsPosition() throws Exception {
        byte[] file = real("qtiworks-WebDeveloperTest1.zip");
        ImportReport report = QtiImport.parse(file);
        assertEquals(
                List.of(1, 2, 3, 4, 5, 6, 7, 9),
                report.questions().stream().map(ImportedQuestion::position).toList(),
                skips(report).toString());
        assertEquals(
                List.of("8: item has 2 interactions (inlineChoiceInteraction, inlineChoiceInteraction); only items"
                        + " with one choice interaction are imported"),
                skips(report).stream().filter(s -> !s.contains("kept")).toList());

        ImportedQuestion q1 = at(report, 1);
        assertTrue(q1.text().contains("<b>Question 1</b>"), q1.text());
        assertTrue(q1.text().contains("From what you have learned so far"), "the prompt is the question: " + q1.text());
        assertEquals(List.of(".xml", ".php", ".html"), q1.options());
        assertFractions(List.of(0.0, 0.0, 100.0), q1); // match_correct, one correct choice
        assertTrue(!q1.multiple() && q1.draft().shuffle());
        assertEquals("Getting Started", q1.name());
        assertEquals("Electronics and Computer Science", q1.topic(), "the test's section title is the topic");
        assertEquals(Optional.empty(), q1.difficulty(), "no metadata, no difficulty word: unclassified (5.23.3)");

        // map_response: ChoiceB and ChoiceE worth 1 of upperBound 2, every other choice the defaultValue -2
        ImportedQuestion q5 = at(report, 5);
        assertTrue(q5.multiple());
        assertFractions(List.of(-100.0, 50.0, -100.0, -100.0, 50.0), q5);
        assertEquals(List.of(1, 4), q5.correct());

        // the picture comes from the package, referred to by its path
        ImportedQuestion q4 = at(report, 4);
        assertEquals(1, q4.files().size());
        assertEquals("directory.jpg", q4.files().get(0).name());
        assertArrayEquals(entry(file, "directory.jpg"), q4.files().get(0).bytes());
        // option text that shows markup as text stays text
        assertTrue(
                q4.options().get(0).contains("&lt;img src = \"myimage.jpg\" /&gt;"),
                q4.options().get(0));
    }

    @Test
    void aQti30PackageReadsItsOneChoiceItemAndNamesEveryOtherInteraction() throws Exception {
        ImportReport report = QtiImport.parse(real("citolab-kennisnet-1.zip"));
        assertEquals(
                List.of(8),
                report.questions().stream().map(ImportedQuestion::position).toList());
        List<String> skipped = skips(report);
        assertTrue(skipped.get(0).startsWith("1: item has no interaction"), skipped.toString());
        for (String name : List.of(
                "qti-hottext-interaction",
                "qti-match-interaction",
                "qti-gap-match-interaction",
                "qti-select-point-interaction",
                "qti-extended-text-interaction",
                "qti-order-interaction")) {
            assertTrue(skipped.stream().anyMatch(s -> s.contains(name + " skipped")), name + ": " + skipped);
        }
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("7: item has 2 interactions")), skipped.toString());

        ImportedQuestion q = at(report, 8); // ITEM007, "Romeinse cijfers": three correct of six, no mapping
        assertEquals("Romeinse cijfers", q.name());
        assertEquals(List.of("L", "C", "A", "M", "K", "G"), q.options());
        assertTrue(q.text().contains("Welke letters worden gebruikt in Romeinse cijfers?"), q.text());
        assertTrue(q.multiple());
        double third = 100.0 / 3;
        assertFractions(List.of(third, third, -third, third, -third, -third), q);
        assertEquals(List.of(0, 1, 3), q.correct());
        assertEquals("Section", q.topic());
    }

    @Test
    void theImsSampleReadsTheSameInQti21AndQti30() throws Exception {
        ImportReport v21 = QtiImport.parse(real("qtiworks-ims-choice_multiple.xml"));
        ImportReport v30 = QtiImport.parse(real("citolab-examples-choice_multiple.xml"));
        for (ImportReport report : List.of(v21, v30)) {
            ImportedQuestion q = at(report, 1);
            assertEquals("Composition of Water", q.name());
            assertEquals(List.of("Hydrogen", "Helium", "Carbon", "Oxygen", "Nitrogen", "Chlorine"), q.options());
            // lowerBound 0, upperBound 2, defaultValue -2: H and O 1 each, Cl -1, the unmapped ones -2
            assertFractions(List.of(50.0, -100.0, -100.0, 50.0, -100.0, -50.0), q);
            assertTrue(q.multiple() && q.draft().shuffle());
            assertEquals("<p>Which of the following elements are used to form water?</p>", q.text());
        }
    }

    @Test
    void aSingleItemThatShowsAPictureItCannotCarryIsSkippedNotKeptBroken() throws Exception {
        ImportReport report = QtiImport.parse(real("citolab-examples-choice.xml"));
        assertEquals(List.of(), report.questions());
        assertEquals(List.of("1: the file ../img/sign.png the item shows is not in the package"), skips(report));
    }

    @Test
    void aPackagedItemKeepsItsPictureFixedChoiceAndLomDifficulty() throws Exception {
        byte[] item = real("qtiworks-ims-choice_fixed.xml");
        byte[] sign = real("qtiworks-ims-sign.png");
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:imsmd="http://ltsc.ieee.org/xsd/LOM"
                    identifier="M">
                  <organizations/>
                  <resources>
                    <resource identifier="choice" type="imsqti_item_xmlv2p1" href="choice_fixed.xml">
                      <metadata><imsmd:lom><imsmd:educational><imsmd:difficulty>
                        <imsmd:source>LOMv1.0</imsmd:source><imsmd:value>very difficult</imsmd:value>
                      </imsmd:difficulty></imsmd:educational></imsmd:lom></metadata>
                      <file href="choice_fixed.xml"/><file href="images/sign.png"/>
                    </resource>
                  </resources>
                </manifest>
                """;
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
        files.put("choice_fixed.xml", item);
        files.put("images/sign.png", sign);
        ImportReport report = QtiImport.parse(zip(files));
        ImportedQuestion q = at(report, 1);
        assertEquals(
                List.of(false, false, false, true),
                q.draft().options().stream()
                        .map(QuestionDraft.DraftOption::fixed)
                        .toList(),
                "\"None of the above\" stays last");
        assertTrue(q.draft().shuffle());
        assertFractions(List.of(100.0, 0.0, 0.0, 0.0), q);
        assertEquals(Optional.of(Difficulty.HARD), q.difficulty(), "LOM very difficult is hard (5.23.3)");
        assertEquals(1, q.files().size());
        assertEquals("images/sign.png", q.files().get(0).name());
        assertArrayEquals(sign, q.files().get(0).bytes());
    }

    @Test
    void pictureAndSoundReachTheSanitiserByTheContract() throws Exception {
        String item = """
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="i" title="t"
                    adaptive="false" timeDependent="false">
                  <responseDeclaration identifier="R" cardinality="single" baseType="identifier">
                    <correctResponse><value>a</value></correctResponse>
                  </responseDeclaration>
                  <itemBody><p>Look <img src="images/a%20b.png" alt="a &amp; b"/></p>
                    <p><object type="audio/mpeg" data="../snd/tone.mp3">tone</object></p>
                    <choiceInteraction responseIdentifier="R" maxChoices="1">
                      <simpleChoice identifier="a">yes <object data="images/a%20b.png">the same</object></simpleChoice>
                      <simpleChoice identifier="b">no</simpleChoice>
                    </choiceInteraction>
                  </itemBody>
                </assessmentItem>
                """;
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", """
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M"><resources>
                  <resource identifier="i" type="imsqti_item_xmlv2p1" href="items/i.xml"/>
                </resources></manifest>
                """.getBytes(StandardCharsets.UTF_8));
        files.put("items/i.xml", item.getBytes(StandardCharsets.UTF_8));
        files.put("items/images/a b.png", new byte[] {1, 2});
        files.put("snd/tone.mp3", new byte[] {3});
        QtiPackage pack = QtiPackage.read(zip(files));
        QtiManifest.Entry entry = QtiManifest.items(pack).get(0);
        QtiItem.Read read = QtiItem.read(
                        QtiXml.parse(pack.file(entry.path()).orElseThrow()), entry.path(), pack, 1, entry)
                .read()
                .orElseThrow();
        assertEquals(
                "<p>Look <img src=\"@@PLUGINFILE@@/items/images/a b.png\" alt=\"a &amp; b\"></p>\n"
                        + "    <p><audio src=\"@@PLUGINFILE@@/snd/tone.mp3\" controls></audio></p>",
                read.draft().text().raw().strip());
        assertEquals(
                "yes <img src=\"@@PLUGINFILE@@/items/images/a b.png\" alt=\"the same\">",
                read.draft().options().get(0).raw());
        assertEquals(
                List.of("items/images/a b.png", "snd/tone.mp3"),
                read.draft().files().stream().map(EmbeddedFile::name).toList(),
                "each file once, in order of appearance");
    }

    @Test
    void sectionTitlesThatAreDifficultyWordsClassifyAndTheOthersAreTheTopic() throws Exception {
        String item = """
                <qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="i1" title="Sum"
                    adaptive="false" time-dependent="false">
                  <qti-response-declaration identifier="R" cardinality="single" base-type="identifier">
                    <qti-correct-response><qti-value>b</qti-value></qti-correct-response>
                  </qti-response-declaration>
                  <qti-item-body><p>\\(2 + 2\\)?</p>
                    <qti-choice-interaction response-identifier="R" max-choices="1">
                      <qti-simple-choice identifier="a">3</qti-simple-choice>
                      <qti-simple-choice identifier="b">4</qti-simple-choice>
                    </qti-choice-interaction>
                  </qti-item-body>
                  <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
                </qti-assessment-item>
                """;
        String test = """
                <qti-assessment-test xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="t" title="Final">
                  <qti-test-part identifier="p" navigation-mode="linear" submission-mode="individual">
                    <qti-assessment-section identifier="s1" title="Алгебра" visible="true">
                      <qti-assessment-section identifier="s2" title="күрделі" visible="true">
                        <qti-assessment-item-ref identifier="i1" href="../items/i1.xml"/>
                      </qti-assessment-section>
                    </qti-assessment-section>
                  </qti-test-part>
                </qti-assessment-test>
                """;
        String manifest = """
                <manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="M">
                  <resources>
                    <resource identifier="t" type="imsqti_test_xmlv3p0" href="tests/t.xml"><file href="tests/t.xml"/></resource>
                  </resources>
                </manifest>
                """;
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
        files.put("tests/t.xml", test.getBytes(StandardCharsets.UTF_8));
        files.put("items/i1.xml", item.getBytes(StandardCharsets.UTF_8));
        ImportedQuestion q = at(QtiImport.parse(zip(files)), 1);
        assertEquals("Алгебра", q.topic());
        assertEquals(Optional.of(Difficulty.HARD), q.difficulty());
        assertEquals("<p>\\(2 + 2\\)?</p>", q.text(), "a formula stays as written");
    }

    @Test
    void feedbackOnAChoiceAndOnEveryOtherChoiceBecomesOptionFeedback() throws Exception {
        ImportReport report = QtiImport.parse(real("qtiworks-ims-feedback.xml"));
        ImportedQuestion q = at(report, 1);
        assertEquals(List.of("George W Bush", "Tony Blair", "Vicente Fox", "Ariel Sharon"), q.options());
        List<String> feedback = q.draft().options().stream()
                .map(o -> o.feedback().replaceAll("\\s+", " "))
                .toList();
        assertEquals(
                List.of(
                        "No, he is the President of the USA. No, the correct answer is Vicente Fox.",
                        "No, he is the Prime Minister of England. No, the correct answer is Vicente Fox.",
                        "Yes. Yes, that is correct.",
                        "No, he is the Prime Minister of Israel. No, the correct answer is Vicente Fox."),
                feedback,
                "inline feedback, then the modal one shown on that pick (or on any pick but the right one)");
        assertEquals(List.of(), skips(report));
    }

    @Test
    void feedbackOnAnOutcomeOfTheItemsOwnScoringIsNotedAsNotImported() throws Exception {
        String item = new String(real("qtiworks-ims-choice_fixed.xml"), StandardCharsets.UTF_8)
                .replace("<img src=\"images/sign.png\" alt=\"NEVER LEAVE LUGGAGE UNATTENDED\"/>", "")
                .replace(
                        "</assessmentItem>",
                        "<modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\"correct\" showHide=\"show\">Well"
                                + " done</modalFeedback></assessmentItem>");
        ImportReport report = QtiImport.parse(item.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, report.questions().size());
        assertEquals(
                List.of("1 kept: feedback \"correct\" is shown on an outcome of the item's own scoring and is not"
                        + " imported: only feedback on a choice and general feedback are (question kept)"),
                skips(report));
    }

    @Test
    void anOrganisationItemTitledWithADifficultyWordClassifiesTheItemsBelowIt() throws Exception {
        String manifest = """
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M">
                  <organizations>
                    <organization identifier="o"><title>Chemistry test</title>
                      <item identifier="g1"><title>Water</title>
                        <item identifier="g2"><title>Орташа</title>
                          <item identifier="i1" identifierref="r1"><title>Composition of Water</title></item>
                        </item>
                      </item>
                    </organization>
                  </organizations>
                  <resources>
                    <resource identifier="r1" type="imsqti_item_xmlv2p1" href="q.xml"><file href="q.xml"/></resource>
                  </resources>
                </manifest>
                """;
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
        files.put("q.xml", real("qtiworks-ims-choice_multiple.xml"));
        ImportedQuestion q = at(QtiImport.parse(zip(files)), 1);
        assertEquals(Optional.of(Difficulty.MEDIUM), q.difficulty(), "Орташа is medium (5.23.3)");
        assertEquals("Water", q.topic(), "the organisation's own title and the item's are not topics");
    }

    @Test
    void adaptiveAndMathMlItemsAreSkippedWithTheirReason() throws Exception {
        assertEquals(
                List.of("1: adaptive item skipped: only items scored once from one choice interaction are imported"),
                skips(QtiImport.parse(real("qtiworks-ims-adaptive.xml"))));
        String math = new String(real("qtiworks-ims-choice_multiple.xml"), StandardCharsets.UTF_8)
                .replace(
                        "<prompt>Which",
                        "<prompt><m:math xmlns:m=\"http://www.w3.org/1998/Math/MathML\"><m:mi>x</m:mi></m:math> Which");
        assertTrue(skips(QtiImport.parse(math.getBytes(StandardCharsets.UTF_8)))
                .get(0)
                .contains("MathML"));
    }

    @Test
    void aPackageZippedWithItsFolderIsReadFromThatFolder() throws Exception {
        byte[] pack = real("qtiworks-WebDeveloperTest1.zip");
        Map<String, byte[]> folder = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(pack))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; )
                folder.put("WebDeveloperTest1/" + e.getName(), in.readAllBytes());
        }
        ImportReport report = QtiImport.parse(zip(folder));
        assertEquals(8, report.questions().size(), skips(report).toString());
        assertEquals("directory.jpg", at(report, 4).files().get(0).name());
    }

    @Test
    void anItemThatIncludesASharedPassageIsSkippedRatherThanKeptWithoutIt() throws Exception {
        String item = new String(real("citolab-examples-choice_multiple.xml"), StandardCharsets.UTF_8)
                .replace(
                        "<qti-item-body>",
                        "<qti-assessment-stimulus-ref identifier=\"s\" href=\"stimuli/s.xml\"/><qti-item-body>");
        assertEquals(
                List.of("1: item shows stimulus stimuli/s.xml, which is not imported: only pictures and sounds are"),
                skips(QtiImport.parse(item.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void fileNamesZippedInTheWindowsOemCodePageAreRead() throws Exception {
        String item = new String(real("qtiworks-ims-choice_fixed.xml"), StandardCharsets.UTF_8)
                .replace("images/sign.png", "рисунки/знак.png");
        String manifest = """
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M"><resources>
                  <resource identifier="r" type="imsqti_item_xmlv2p1" href="вопрос.xml"/>
                </resources></manifest>
                """;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.Charset.forName("IBM866"))) {
            for (Map.Entry<String, byte[]> f : Map.of(
                            "imsmanifest.xml", manifest.getBytes(StandardCharsets.UTF_8),
                            "вопрос.xml", item.getBytes(StandardCharsets.UTF_8),
                            "рисунки/знак.png", real("qtiworks-ims-sign.png"))
                    .entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        ImportReport report = QtiImport.parse(out.toByteArray());
        ImportedQuestion q = at(report, 1);
        assertEquals("рисунки/знак.png", q.files().get(0).name());
    }

    @Test
    void aZipWhosePathLeavesThePackageIsRefusedWhole() throws Exception {
        ImportException e = assertThrows(ImportException.class, () -> QtiImport.parse(real("qtiworks-ZipSlip.zip")));
        assertEquals("the zip archive has a file outside the package: ../etc/", en(e.fault()));
    }

    @Test
    void aZipBombIsRefusedBeforeItIsUnpacked() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", "<manifest/>".getBytes(StandardCharsets.UTF_8));
        files.put("zeros.bin", new byte[40 << 20]); // 40 MiB of zeros pack into some 40 KiB
        byte[] bomb = zip(files);
        assertTrue(bomb.length < 200_000, "the archive is small: " + bomb.length);
        ImportException e = assertThrows(ImportException.class, () -> QtiImport.parse(bomb));
        assertEquals("the file zeros.bin in the zip archive unpacks to more than is allowed", en(e.fault()));

        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= QtiPackage.MAX_ENTRIES; i++) many.put("f" + i, new byte[0]);
        ImportException tooMany = assertThrows(ImportException.class, () -> QtiImport.parse(zip(many)));
        assertEquals("the zip archive has more than 5000 files", en(tooMany.fault()));
    }

    @Test
    void aDoctypeIsRefusedAndNoEntityIsExpanded() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1">&e;</assessmentItem>
                """;
        ImportException e =
                assertThrows(ImportException.class, () -> QtiImport.parse(xxe.getBytes(StandardCharsets.UTF_8)));
        assertEquals("a DOCTYPE is not allowed in a question file (it could expand entities)", en(e.fault()));
    }

    @Test
    void aFileThatIsNotQtiIsRefusedNamingItsRoot() throws Exception {
        ImportException e =
                assertThrows(ImportException.class, () -> QtiImport.parse("<quiz/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("the root element is <quiz>, not a QTI assessment item: not a QTI item file", en(e.fault()));
        ImportException noManifest = assertThrows(
                ImportException.class,
                () -> QtiImport.parse(zip(Map.of("a.xml", "<a/>".getBytes(StandardCharsets.UTF_8)))));
        assertEquals("the zip archive has no imsmanifest.xml: not an IMS content package", en(noManifest.fault()));
    }
}
