package kz.emtihan.bank.imports;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Turns question and option text into HTML that is safe to show to a student during an exam (5.16: the exam
 * must not be open to distortion). Only the tags of {@link #SAFELIST} survive: basic formatting, sub/sup,
 * lists, tables and line breaks. Scripts (with their code), event attributes, styles, iframes, links and
 * images are removed. Plain and Markdown text is escaped, never interpreted.
 */
final class HtmlText {
    /** The only markup an imported question may keep. No attribute other than table spans and list starts. */
    static final Safelist SAFELIST = new Safelist()
            .addTags(
                    "p",
                    "br",
                    "hr",
                    "b",
                    "strong",
                    "i",
                    "em",
                    "u",
                    "s",
                    "small",
                    "sub",
                    "sup",
                    "code",
                    "pre",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "table",
                    "caption",
                    "thead",
                    "tbody",
                    "tfoot",
                    "tr",
                    "th",
                    "td")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan")
            .addAttributes("ol", "start");

    private static final String PLUGINFILE = "@@PLUGINFILE@@";
    private static final int SHOWN_SOURCE = 80;

    private HtmlText() {}

    /**
     * Safe HTML for {@code text}, with what was dropped on the way: files referenced through Moodle's
     * {@code @@PLUGINFILE@@} (by file name) and other images (by source, shortened).
     */
    static Safe of(RichText text) {
        String raw = text.raw().strip();
        switch (text.format()) {
            case PLAIN:
            case MARKDOWN:
                return new Safe(escape(raw), List.of(), List.of());
            case MOODLE:
                return clean(raw.replace("\r\n", "\n").replace("\n", "<br>"));
            default:
                return clean(raw);
        }
    }

    /** The visible text of safe HTML, whitespace collapsed: for names and for "is there any text" checks. */
    static String plain(String safeHtml) {
        return Jsoup.parseBodyFragment(safeHtml)
                .text()
                .replace('\u00a0', ' ')
                .strip()
                .replaceAll("\\s+", " ");
    }

    private static Safe clean(String html) {
        List<String> files = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            boolean embedded = false;
            for (Attribute attribute : element.attributes()) {
                int at = attribute.getValue().indexOf(PLUGINFILE);
                if (at >= 0) {
                    files.add(fileName(attribute.getValue().substring(at + PLUGINFILE.length())));
                    embedded = true;
                }
            }
            if (!embedded && element.nameIs("img")) images.add(shorten(element.attr("src")));
        }
        String safe = Jsoup.clean(html, "", SAFELIST, output()).strip();
        return new Safe(safe, List.copyOf(files), List.copyOf(images));
    }

    private static String escape(String text) {
        Document document = Document.createShell("");
        document.outputSettings(output());
        Element body = document.body();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) body.appendElement("br");
            body.appendText(lines[i]);
        }
        return body.html();
    }

    private static String fileName(String reference) {
        String path = reference.replaceFirst("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return name;
        }
    }

    private static String shorten(String source) {
        return source.length() <= SHOWN_SOURCE ? source : source.substring(0, SHOWN_SOURCE) + "...";
    }

    private static Document.OutputSettings output() {
        return new Document.OutputSettings().prettyPrint(false);
    }

    /** Safe HTML plus what was dropped from it. */
    record Safe(String html, List<String> files, List<String> images) {
        boolean blank() {
            return plain(html).isEmpty();
        }
    }
}
