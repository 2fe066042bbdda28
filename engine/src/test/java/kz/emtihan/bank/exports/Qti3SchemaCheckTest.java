package kz.emtihan.bank.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The export against 1EdTech's QTI 3.0 schemas, when they are on this machine: {@code -Dqti3.xsd=<dir>} names a
 * directory with {@code qtiv3p0/imsqti_asiv3p0_v1p0.xsd} (or the SBAC profile, {@code
 * imsqti_asiv3p0_sbacv1p0_v1p0.xsd}, which extends it) and {@code qtiv3p0/imsqtiv3p0_imscpv1p2_v1p0.xsd} with
 * the files they import (as laid out in oat-sa/qti-sdk's {@code src/qtism/data/storage/xml/schemes}). The schemas
 * are not in this repository (their licence is 1EdTech's), so without the property the check is skipped; {@link
 * Qti3ExportTest} checks the structure with XPath every time. See docs/banks.md.
 */
class Qti3SchemaCheckTest {
    @Test
    void everyItemTheTestAndTheManifestAreValidQti30() throws Exception {
        String dir = System.getProperty("qti3.xsd", "");
        assumeTrue(!dir.isBlank(), "no -Dqti3.xsd: the schemas are not on this machine");
        Path xsd = Path.of(dir, "qtiv3p0");
        Path asi = xsd.resolve("imsqti_asiv3p0_v1p0.xsd");
        if (!Files.exists(asi)) asi = xsd.resolve("imsqti_asiv3p0_sbacv1p0_v1p0.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator items = factory.newSchema(asi.toFile()).newValidator();
        Validator manifest = factory.newSchema(
                        xsd.resolve("imsqtiv3p0_imscpv1p2_v1p0.xsd").toFile())
                .newValidator();
        Map<String, byte[]> files =
                Qti3ExportTest.unzip(Qti3Export.write("Bank", ExportFixture.questions(), ExportFixture.media()));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!f.getKey().endsWith(".xml")) continue;
            Validator v = f.getKey().equals("imsmanifest.xml") ? manifest : items;
            v.setErrorHandler(new ErrorHandler() {
                public void warning(SAXParseException e) {}

                public void error(SAXParseException e) {
                    problems.add(f.getKey() + ":" + e.getLineNumber() + ": " + e.getMessage());
                }

                public void fatalError(SAXParseException e) {
                    error(e);
                }
            });
            v.validate(new StreamSource(new ByteArrayInputStream(f.getValue())));
        }
        assertEquals(List.of(), problems);
    }
}
