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
 * Streams a Moodle XML file's {@code <question>} elements, in order, with the JDK's StAX parser: one question is
 * read into an {@link XmlElement} and handed on before the next is read, so only one question's tree is ever held
 * (a 5,000-question bank with pictures is not built twice in memory). The whole file must be well-formed with a
 * {@code <quiz>} root; its bytes must match the encoding it declares ({@link XmlEncoding}). XXE-safe: DTDs and
 * external entities are not supported, and a file with a DOCTYPE is refused outright, so no entity can be expanded.
 * A fault found late stops the file, and the caller drops what it had read.
 */
final class XmlTree {
    private static final int MAX_DEPTH = 32;

    private XmlTree() {}

    /** Receives each question element in file order. */
    interface Questions {
        void accept(XmlElement question) throws ImportException;
    }

    static void questions(byte[] file, Questions sink) throws ImportException {
        XmlEncoding.check(file);
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(file));
            toRoot(reader);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (reader.getLocalName().equals("question")) sink.accept(read(reader, 1));
                    else skip(reader);
                }
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        } finally {
            close(reader);
        }
    }

    /** Reads past the element the reader is on, keeping nothing. */
    private static void skip(XMLStreamReader reader) throws XMLStreamException, ImportException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH)
                throw refused(reader, ImportTexts.of("fault.too-deep", "max", MAX_DEPTH));
            if (event == XMLStreamConstants.END_ELEMENT) depth--;
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
