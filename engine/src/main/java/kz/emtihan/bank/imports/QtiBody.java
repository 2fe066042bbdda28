package kz.emtihan.bank.imports;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.text.Text;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes QTI body content (XHTML in the QTI namespace) as the HTML an importer hands to {@link ChoiceDraft}, keeping
 * pictures and sounds by the contract every importer keeps: {@code <img src="@@PLUGINFILE@@/<path>" alt="...">} and
 * {@code <audio src="@@PLUGINFILE@@/<path>" controls>}, the path being the file's place in the package, with its
 * bytes collected in {@link #files()}. {@code <object data>} becomes a picture or a sound by its type. A file the
 * package lacks, a MathML formula or another kind of object is a {@link #problem()}: the question is skipped rather
 * than kept without it. QTI elements that are not content (feedback, rubric blocks, template variables) are left out.
 */
final class QtiBody {
    private static final String PLUGINFILE = "@@PLUGINFILE@@/";
    private static final Set<String> VOID = Set.of("img", "br", "hr", "col", "area");
    private static final Set<String> SKIPPED = Set.of(
            "feedbackInline",
            "feedbackBlock",
            "modalFeedback",
            "rubricBlock",
            "printedVariable",
            "templateInline",
            "templateBlock",
            "stylesheet",
            "companionMaterialsInfo",
            "catalogInfo",
            "script",
            "style");

    private final String itemPath;
    private final QtiPackage pack;
    private final Map<String, EmbeddedFile> files = new LinkedHashMap<>();
    private Text problem;

    /** @param pack the package the item came from; null for an item read on its own, which can carry no file */
    QtiBody(String itemPath, QtiPackage pack) {
        this.itemPath = itemPath;
        this.pack = pack;
    }

    Map<String, EmbeddedFile> files() {
        return files;
    }

    Optional<Text> problem() {
        return Optional.ofNullable(problem);
    }

    /** The HTML of the node's children. */
    String inner(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) write(n, out);
        return out.toString();
    }

    /** The HTML of the node itself. */
    String outer(Node node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private void write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.append(escape(node.getNodeValue(), false));
            case Node.ELEMENT_NODE -> element((Element) node, out);
            default -> {
                // comments and processing instructions carry no content
            }
        }
    }

    private void element(Element e, StringBuilder out) {
        String name = QtiXml.name(e);
        if (SKIPPED.contains(name)) return;
        if (name.equals("math")) {
            fail(ImportTexts.of("skip.qti-mathml"));
            return;
        }
        if (name.equals("img")) {
            media("img", e.getAttribute("src"), e.getAttribute("alt"), out);
            return;
        }
        if (name.equals("audio")) {
            String src = e.getAttribute("src");
            if (src.isBlank())
                src = QtiXml.children(e, "source").stream()
                        .map(s -> s.getAttribute("src"))
                        .findFirst()
                        .orElse("");
            media("audio", src, "", out);
            return;
        }
        if (name.equals("object")) {
            object(e, out);
            return;
        }
        if (name.equals("include")) { // XInclude of a shared passage: the question would lose it
            fail(ImportTexts.of("skip.qti-object", "type", "xi:include " + e.getAttribute("href")));
            return;
        }
        if (name.equals("video") || name.equals("iframe") || name.equals("embed")) {
            fail(ImportTexts.of("skip.qti-object", "type", name));
            return;
        }
        out.append('<').append(name);
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            String attr = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
            if (a.getNodeName().startsWith("xmlns") || a.getPrefix() != null) continue;
            out.append(' ')
                    .append(attr)
                    .append("=\"")
                    .append(escape(a.getNodeValue(), true))
                    .append('"');
        }
        out.append('>');
        if (VOID.contains(name)) return;
        out.append(inner(e));
        out.append("</").append(name).append('>');
    }

    private void object(Element e, StringBuilder out) {
        String data = e.getAttribute("data");
        String type = e.getAttribute("type").toLowerCase(Locale.ROOT);
        String lower = data.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/") || (type.isEmpty() && lower.matches(".*\\.(png|jpe?g|gif|webp|bmp|svg)$"))) {
            media("img", data, QtiXml.text(e), out);
        } else if (type.startsWith("audio/") || (type.isEmpty() && lower.matches(".*\\.(mp3|ogg|oga|wav|m4a)$"))) {
            media("audio", data, "", out);
        } else {
            fail(ImportTexts.of("skip.qti-object", "type", type.isEmpty() ? data : type));
        }
    }

    private void media(String tag, String reference, String alt, StringBuilder out) {
        Optional<String> path = pack == null ? Optional.empty() : QtiPackage.resolve(itemPath, reference);
        Optional<byte[]> bytes = path.flatMap(p -> pack.file(p));
        if (bytes.isEmpty()) {
            fail(ImportTexts.of("skip.qti-missing-file", "file", reference));
            return;
        }
        files.putIfAbsent(path.get(), new EmbeddedFile(path.get(), bytes.get()));
        String src = escape(PLUGINFILE + path.get(), true);
        if (tag.equals("img"))
            out.append("<img src=\"")
                    .append(src)
                    .append("\" alt=\"")
                    .append(escape(alt, true))
                    .append("\">");
        else out.append("<audio src=\"").append(src).append("\" controls></audio>");
    }

    private void fail(Text reason) {
        if (problem == null) problem = reason;
    }

    static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
