package kz.emtihan.bank.imports;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns question and option text into HTML that is safe to show to a student during an exam (5.16: the exam
 * must not be open to distortion). Only the tags of the safelist survive: basic formatting, sub/sup, lists,
 * tables, line breaks, and pictures, sounds and videos the question itself carries. Scripts (with their code),
 * event attributes, styles, iframes and links are removed. Plain and Markdown text is escaped, never interpreted.
 *
 * <p>Media ({@link HtmlMedia}): in imported text an {@code img}/{@code audio}/{@code video} is kept only as {@code
 * src="@@PLUGINFILE@@/<name>"} (name URL-decoded, path kept relative) with {@code alt}, numeric {@code
 * width}/{@code height} and {@code controls}; in stored text ({@link #stored}) only as {@code data-media="<64
 * hex>"}. Anything else (an external or {@code data:} source) is removed and reported in {@link Safe#external()}.
 */
final class HtmlText {
    private static final String[] TAGS = {
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
        "td",
        "img",
        "audio",
        "video"
    };

    /** The only markup an imported question may keep: no attribute other than spans, list starts and media. */
    static final Safelist SAFELIST =
            base().addAttributes("img", "src").addAttributes("audio", "src").addAttributes("video", "src");

    /** The markup of a stored question: media by content hash, never by address. */
    static final Safelist STORED = base().addAttributes("img", HtmlMedia.DATA_MEDIA)
            .addAttributes("audio", HtmlMedia.DATA_MEDIA)
            .addAttributes("video", HtmlMedia.DATA_MEDIA);

    private HtmlText() {}

    private static Safelist base() {
        return new Safelist()
                .addTags(TAGS)
                .addAttributes("td", "colspan", "rowspan")
                .addAttributes("th", "colspan", "rowspan")
                .addAttributes("ol", "start")
                .addAttributes("img", "alt", "width", "height")
                .addAttributes("audio", "controls")
                .addAttributes("video", "controls", "width", "height");
    }

    /**
     * Safe HTML for imported {@code text}, with its media references and what was dropped on the way: links to
     * embedded files, external pictures.
     */
    static Safe of(RichText text) {
        String raw = text.raw().strip();
        switch (text.format()) {
            case PLAIN:
            case MARKDOWN:
                return new Safe(escape(raw), List.of(), List.of(), List.of(), raw);
            case MOODLE:
                return clean(raw.replace("\r\n", "\n").replace("\n", "<br>"), false);
            default:
                return clean(raw, false);
        }
    }

    /** Safe HTML for text that is already in the stored form (media as {@code data-media} hashes). */
    static Safe stored(String html) {
        return clean(html == null ? "" : html.strip(), true);
    }

    /** The visible text of safe HTML, whitespace collapsed: for names and for "is there any text" checks. */
    static String plain(String safeHtml) {
        return Jsoup.parseBodyFragment(safeHtml)
                .text()
                .replace('\u00a0', ' ')
                .strip()
                .replaceAll("\\s+", " ");
    }

    private static Safe clean(String html, boolean stored) {
        Document dirty = Jsoup.parseBodyFragment(html);
        HtmlMedia media = new HtmlMedia(stored);
        media.rewrite(dirty.body());
        Document clean = new Cleaner(stored ? STORED : SAFELIST).clean(dirty);
        clean.outputSettings(output());
        String safe = clean.body().html().strip();
        return new Safe(
                safe,
                media.kept(),
                media.links(),
                media.external(),
                clean.body().wholeText());
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

    private static Document.OutputSettings output() {
        return new Document.OutputSettings().prettyPrint(false);
    }

    /**
     * Safe HTML plus what it refers to and what was dropped from it.
     *
     * @param media the files its pictures, sounds and videos show ({@code @@PLUGINFILE@@} names, or hashes)
     * @param links embedded files it referred to otherwise (a link, a style): removed
     * @param external pictures, sounds and videos from elsewhere (an address, a {@code data:} source): removed
     * @param text what a reader sees of it, entities decoded, whitespace as written (where formulas are found)
     */
    record Safe(String html, List<String> media, List<String> links, List<String> external, String text) {
        Safe {
            media = List.copyOf(media);
            links = List.copyOf(links);
            external = List.copyOf(external);
        }

        /** No visible text and no picture, sound or video. */
        boolean blank() {
            return media.isEmpty() && text.replace('\u00a0', ' ').isBlank();
        }

        /** Every embedded file it referred to, shown or removed (the first shape of this record). */
        List<String> files() {
            List<String> all = new java.util.ArrayList<>(media);
            all.addAll(links);
            return all;
        }

        /** The pictures and sounds from elsewhere that were removed (the first shape of this record). */
        List<String> images() {
            return external;
        }

        /** Whether something was removed that could have been the content. */
        boolean lostMedia() {
            return !links.isEmpty() || !external.isEmpty();
        }
    }
}
