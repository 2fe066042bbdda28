package kz.emtihan.bank.imports;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import kz.emtihan.text.Text;

/**
 * Reads a Moodle XML file into its {@code <question>} elements, in order, with the JDK's StAX parser. The whole
 * file must be well-formed with a {@code <quiz>} root. XXE-safe: DTDs and external entities are not supported,
 * and a file with a DOCTYPE is refused outright, so no entity can be expanded.
 */
final class XmlTree {
    private static final int MAX_DEPTH = 32;

    private XmlTree() {}

    static List<XmlElement> questions(byte[] file) throws ImportException {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(file));
            toRoot(reader);
            List<XmlElement> questions = new ArrayList<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    XmlElement element = read(reader, 1);
                    if (element.name().equals("question")) questions.add(element);
                }
            }
            return questions;
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        } finally {
            close(reader);
        }
    }

    private static void toRoot(XMLStreamReader reader) throws XMLStreamException, ImportException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) throw doctype(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!reader.getLocalName().equals("quiz")) {
                    throw refused(reader, ImportTexts.of("fault.not-quiz", "root", reader.getLocalName()));
                }
                return;
            }
        }
        throw new ImportException(ImportTexts.of("fault.no-quiz"), 0, 0);
    }

    /** Reads the element the reader is on, to its end tag. */
    private static XmlElement read(XMLStreamReader reader, int depth) throws XMLStreamException, ImportException {
        if (depth > MAX_DEPTH) throw refused(reader, ImportTexts.of("fault.too-deep", "max", MAX_DEPTH));
        String name = reader.getLocalName();
        int line = reader.getLocation().getLineNumber();
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children.add(read(reader, depth + 1));
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return new XmlElement(name, attributes, text.toString(), children, line);
            } else if (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(reader.getText());
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * Points at the line where the DOCTYPE starts: the reader is at its end, and its text says how many lines back
     * that is. The column is left unknown (0): the parser's column after an internal subset is not reliable.
     */
    private static ImportException doctype(XMLStreamReader reader) {
        String declaration = reader.getText() == null ? "" : reader.getText();
        int lines = (int) declaration.chars().filter(c -> c == '\n').count();
        return new ImportException(
                ImportTexts.of("fault.doctype"), reader.getLocation().getLineNumber() - lines, 0);
    }

    private static ImportException refused(XMLStreamReader reader, Text fault) {
        Location at = reader.getLocation();
        return new ImportException(fault, at.getLineNumber(), at.getColumnNumber());
    }

    private static ImportException notWellFormed(XMLStreamException e) {
        Location at = e.getLocation();
        // the parser's own account of the fault is English and technical: the position says where to look
        return new ImportException(
                ImportTexts.of("fault.not-well-formed"),
                at == null ? 0 : at.getLineNumber(),
                at == null ? 0 : at.getColumnNumber());
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) return;
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // nothing was held open: the input is an in-memory array
        }
    }
}
