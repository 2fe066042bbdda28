package kz.emtihan.bank.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML of a QTI item, test or manifest, read with the JDK's DOM parser, and the two spellings of QTI read as
 * one: QTI 2.x {@code choiceInteraction maxChoices} and QTI 3.0 {@code qti-choice-interaction max-choices} both
 * answer to {@link #is(Element, String) is(e, "choiceInteraction")} and {@link #attr(Element, String) attr(e,
 * "maxChoices")}. XXE-safe as {@link XmlTree}: a DOCTYPE is refused, no DTD, no external entity or schema.
 */
final class QtiXml {
    private QtiXml() {}

    static Document parse(byte[] bytes) throws ImportException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE"))
                throw new ImportException(ImportTexts.of("fault.doctype"), e.getLineNumber(), 0);
            throw new ImportException(ImportTexts.of("fault.not-well-formed"), e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException | IOException e) {
            throw new ImportException(ImportTexts.of("fault.not-well-formed"), 0, 0);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setIgnoringComments(true);
        return f;
    }

    /** The element's name in QTI 2 spelling: {@code qti-simple-choice} → {@code simpleChoice}. */
    static String name(Node node) {
        String local = node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
        if (!local.startsWith("qti-")) return local;
        return camel(local.substring(4));
    }

    static boolean is(Node node, String qti2Name) {
        return node instanceof Element && name(node).equals(qti2Name);
    }

    /** The attribute in either spelling ({@code maxChoices} or {@code max-choices}), "" when absent. */
    static String attr(Element element, String qti2Name) {
        if (element.hasAttribute(qti2Name))
            return element.getAttribute(qti2Name).strip();
        String kebab = kebab(qti2Name);
        if (element.hasAttribute(kebab)) return element.getAttribute(kebab).strip();
        return "";
    }

    static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) out.add(e);
        }
        return out;
    }

    static List<Element> children(Node parent, String qti2Name) {
        return children(parent).stream().filter(e -> is(e, qti2Name)).toList();
    }

    static Optional<Element> child(Node parent, String qti2Name) {
        return children(parent, qti2Name).stream().findFirst();
    }

    /** Every element below {@code root} with that name, in document order. */
    static List<Element> descendants(Node root, String qti2Name) {
        List<Element> out = new ArrayList<>();
        collect(root, qti2Name, out);
        return out;
    }

    private static void collect(Node node, String qti2Name, List<Element> out) {
        for (Element e : children(node)) {
            if (is(e, qti2Name)) out.add(e);
            collect(e, qti2Name, out);
        }
    }

    /** The text of an element, whitespace collapsed. */
    static String text(Node node) {
        return node.getTextContent() == null
                ? ""
                : node.getTextContent().replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
    }

    static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) out.append('-').append(Character.toLowerCase(c));
            else out.append(c);
        }
        return out.toString();
    }

    static boolean isTrue(String value) {
        return value.toLowerCase(Locale.ROOT).equals("true") || value.equals("1");
    }
}
