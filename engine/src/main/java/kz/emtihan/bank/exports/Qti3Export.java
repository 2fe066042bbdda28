package kz.emtihan.bank.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.Question;

/**
 * A bank as an IMS QTI 3.0 content package: {@code imsmanifest.xml}, one {@code items/<id>.xml} per question, its
 * pictures and sounds under {@code media/}, and {@code test.xml}, an assessment test with a section per run of
 * questions of one topic (nested as the topic's " / " path). Each item is one choice interaction (single answer:
 * {@code max-choices="1"}) with the correct response and a mapping that carries the author's fractions (mapped value
 * = fraction / 100, the item scored between 0 and 1, as the regulation floors a question at 0), {@code shuffle} and
 * per-choice {@code fixed}; each option's feedback is a modal feedback shown when that choice is picked, the
 * general feedback one always shown. The manifest's LOM metadata for each item carries its difficulty (5.23.3:
 * easy, medium, difficult), its tags as keywords and its {@code idnumber} as an identifier of catalog {@code
 * idnumber}; the name is the item's title. {@link kz.emtihan.bank.imports.QtiImport} reads all of it back.
 */
public final class Qti3Export {
    static final String NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
    static final String CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";
    static final String LOM_NS = "http://ltsc.ieee.org/xsd/LOM";
    private static final String ITEM_XSD =
            "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd";
    private static final String CP_XSD =
            "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd";
    private static final String LOM_XSD = "https://purl.imsglobal.org/spec/md/v1p3/schema/xsd/imsmd_loose_v1p3p2.xsd";

    private Qti3Export() {}

    public static byte[] write(String title, List<Question> questions, Map<String, MediaFile> media) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (Question q : questions) {
            String id = identifier(q, ids.size());
            ids.add(id);
            files.put(itemPath(id), Qti3Item.write(id, q, media).getBytes(StandardCharsets.UTF_8));
        }
        Map<String, MediaFile> used = new LinkedHashMap<>();
        for (String hash : ExportMedia.hashes(questions)) {
            MediaFile f = media.get(hash);
            if (f != null) used.put(hash, f);
        }
        for (MediaFile f : used.values()) files.put(Qti3Item.mediaPath(f), f.bytes());
        files.put("test.xml", test(title, questions, ids).getBytes(StandardCharsets.UTF_8));
        files.put("imsmanifest.xml", manifest(title, questions, ids, media).getBytes(StandardCharsets.UTF_8));
        return zip(files);
    }

    static String itemPath(String id) {
        return "items/" + id + ".xml";
    }

    /** A QTI identifier for the question: its id where that is one, always unique in the package. */
    private static String identifier(Question q, int index) {
        String safe = q.id().replaceAll("[^A-Za-z0-9._-]", "_");
        return "Q" + (index + 1) + "_" + safe;
    }

    private static String manifest(
            String title, List<Question> questions, List<String> ids, Map<String, MediaFile> media) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<manifest xmlns=\"")
                .append(CP_NS)
                .append("\" xmlns:imsmd=\"")
                .append(LOM_NS)
                .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
                .append(CP_NS)
                .append(' ')
                .append(CP_XSD)
                .append(' ')
                .append(LOM_NS)
                .append(' ')
                .append(LOM_XSD)
                .append("\" identifier=\"MANIFEST\">\n");
        out.append("  <metadata>\n    <schema>QTI Package</schema>\n    <schemaversion>3.0.0</schemaversion>\n");
        out.append("    <imsmd:lom>\n      <imsmd:general>\n        <imsmd:title>\n          <imsmd:string>")
                .append(Xml.escape(title))
                .append("</imsmd:string>\n        </imsmd:title>\n      </imsmd:general>\n    </imsmd:lom>\n");
        out.append("  </metadata>\n  <organizations/>\n  <resources>\n");
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String id = ids.get(i);
            out.append("    <resource identifier=\"")
                    .append(id)
                    .append("\" type=\"imsqti_item_xmlv3p0\" href=\"")
                    .append(itemPath(id))
                    .append("\">\n");
            lom(q, out);
            out.append("      <file href=\"").append(itemPath(id)).append("\"/>\n");
            for (String hash : ExportMedia.hashes(ExportMedia.htmlOf(q).stream().reduce("", String::concat))) {
                if (media.containsKey(hash))
                    out.append("      <dependency identifierref=\"M_")
                            .append(hash)
                            .append("\"/>\n");
            }
            out.append("    </resource>\n");
        }
        for (String hash : ExportMedia.hashes(questions)) {
            MediaFile f = media.get(hash);
            if (f == null) continue;
            String path = Qti3Item.mediaPath(f);
            out.append("    <resource identifier=\"M_")
                    .append(hash)
                    .append("\" type=\"webcontent\" href=\"")
                    .append(path)
                    .append("\">\n      <file href=\"")
                    .append(path)
                    .append("\"/>\n    </resource>\n");
        }
        out.append("    <resource identifier=\"TEST\" type=\"imsqti_test_xmlv3p0\" href=\"test.xml\">\n")
                .append("      <file href=\"test.xml\"/>\n");
        for (String id : ids)
            out.append("      <dependency identifierref=\"").append(id).append("\"/>\n");
        out.append("    </resource>\n  </resources>\n</manifest>\n");
        return out.toString();
    }

    private static void lom(Question q, StringBuilder out) {
        out.append("      <metadata>\n        <imsmd:lom>\n          <imsmd:general>\n");
        if (!q.authored().idNumber().isBlank()) {
            out.append("            <imsmd:identifier>\n              <imsmd:catalog>idnumber</imsmd:catalog>\n")
                    .append("              <imsmd:entry>")
                    .append(Xml.escape(q.authored().idNumber()))
                    .append("</imsmd:entry>\n            </imsmd:identifier>\n");
        }
        out.append("            <imsmd:title>\n              <imsmd:string>")
                .append(Xml.escape(ExportMedia.name(q)))
                .append("</imsmd:string>\n            </imsmd:title>\n");
        for (String tag : q.authored().tags()) {
            out.append("            <imsmd:keyword>\n              <imsmd:string>")
                    .append(Xml.escape(tag))
                    .append("</imsmd:string>\n            </imsmd:keyword>\n");
        }
        out.append("          </imsmd:general>\n");
        q.difficulty()
                .ifPresent(d -> out.append("          <imsmd:educational>\n            <imsmd:difficulty>\n")
                        .append("              <imsmd:source>LOMv1.0</imsmd:source>\n              <imsmd:value>")
                        .append(
                                switch (d) {
                                    case EASY -> "easy";
                                    case MEDIUM -> "medium";
                                    case HARD -> "difficult";
                                })
                        .append("</imsmd:value>\n            </imsmd:difficulty>\n          </imsmd:educational>\n"));
        out.append("        </imsmd:lom>\n      </metadata>\n");
    }

    private static String test(String title, List<Question> questions, List<String> ids) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<qti-assessment-test xmlns=\"")
                .append(NS)
                .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
                .append(NS)
                .append(' ')
                .append(ITEM_XSD)
                .append("\" identifier=\"TEST\" title=\"")
                .append(Xml.escape(title))
                .append("\">\n");
        out.append(
                "  <qti-test-part identifier=\"PART\" navigation-mode=\"nonlinear\" submission-mode=\"simultaneous\">\n");
        int section = 0;
        int i = 0;
        while (i < questions.size()) {
            String topic = questions.get(i).topic();
            List<String> path = topic.isBlank() ? List.of("") : List.of(topic.split(" / "));
            StringBuilder close = new StringBuilder();
            String indent = "    ";
            for (String segment : path) {
                section++;
                out.append(indent)
                        .append("<qti-assessment-section identifier=\"S")
                        .append(section)
                        .append("\" title=\"")
                        .append(Xml.escape(segment.strip()))
                        .append("\" visible=\"true\">\n");
                close.insert(0, indent + "</qti-assessment-section>\n");
                indent += "  ";
            }
            while (i < questions.size() && questions.get(i).topic().equals(topic)) {
                out.append(indent)
                        .append("<qti-assessment-item-ref identifier=\"")
                        .append(ids.get(i))
                        .append("\" href=\"")
                        .append(itemPath(ids.get(i)))
                        .append("\"/>\n");
                i++;
            }
            out.append(close);
        }
        out.append("  </qti-test-part>\n</qti-assessment-test>\n");
        return out.toString();
    }

    /** A mapped value: the fraction over 100, as exact as it was written. */
    static String mapped(double fraction) {
        return BigDecimal.valueOf(fraction)
                .movePointLeft(2)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }
}
