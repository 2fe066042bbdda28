package kz.emtihan.bank.imports;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Puts the pictures, sounds and videos of one HTML fragment into the one form {@link HtmlText} keeps, before the
 * safelist runs: imported text keeps {@code src="@@PLUGINFILE@@/<name>"} (the name URL-decoded, query dropped),
 * stored text keeps {@code data-media="<64 hex>"}. A sound or video given by {@code <source>} children becomes
 * {@code <audio src controls>} / {@code <video src controls>}; so does a link to an {@code .mp3}/{@code .mp4}...
 * file (which Moodle's media filter plays), after the link's words. Every other source is removed and listed in {@link #external()}; any other
 * mention of an embedded file (a link to a PDF, a style) is listed in {@link #links()}. Not thread-safe: one per
 * fragment.
 */
final class HtmlMedia {
    static final String PLUGINFILE = "@@PLUGINFILE@@";
    static final String DATA_MEDIA = "data-media";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,5}");
    private static final Set<String> MEDIA = Set.of("img", "audio", "video");
    private static final Set<String> AUDIO = Set.of("mp3", "ogg", "oga", "wav", "m4a", "aac", "flac", "opus");
    private static final Set<String> VIDEO = Set.of("mp4", "webm", "ogv", "m4v", "mov");
    private static final int SHOWN_SOURCE = 80;

    private final boolean stored;
    private final List<String> kept = new ArrayList<>();
    private final List<String> links = new ArrayList<>();
    private final List<String> external = new ArrayList<>();

    HtmlMedia(boolean stored) {
        this.stored = stored;
    }

    void rewrite(Element body) {
        for (Element element : new ArrayList<>(body.getAllElements())) {
            if (element.parent() == null && element != body) continue; // removed with an ancestor
            if (MEDIA.contains(element.normalName())) {
                media(element);
            } else if (!stored && element.nameIs("a") && playable(element.attr("href")) != null) {
                String tag = playable(element.attr("href"));
                Element player = new Element(tag).attr("src", element.attr("href"));
                element.after(player); // the link's words stay, the player follows them
                element.unwrap();
                media(player);
            } else {
                for (Attribute attribute : element.attributes()) {
                    int at = attribute.getValue().indexOf(PLUGINFILE);
                    if (at >= 0) links.add(fileName(attribute.getValue().substring(at + PLUGINFILE.length())));
                }
            }
        }
    }

    /** Names (or hashes) of the media kept, in document order. */
    List<String> kept() {
        return kept;
    }

    /** Embedded files mentioned other than as media, and not shown as media either (a link around its picture). */
    List<String> links() {
        return links.stream().filter(name -> !kept.contains(name)).distinct().toList();
    }

    List<String> external() {
        return external;
    }

    private void media(Element element) {
        String source = source(element);
        String width = element.attr("width").strip();
        String height = element.attr("height").strip();
        String alt = element.attr("alt");
        boolean hasAlt = element.hasAttr("alt");
        String hash = element.attr(DATA_MEDIA).strip();
        element.clearAttributes();
        element.empty();
        if (stored ? !HASH.matcher(hash).matches() : !source.startsWith(PLUGINFILE)) {
            external.add(shorten(stored && source.isEmpty() ? hash : source));
            element.remove();
            return;
        }
        if (stored) {
            element.attr(DATA_MEDIA, hash);
            kept.add(hash);
        } else {
            String name = fileName(source.substring(PLUGINFILE.length()));
            element.attr("src", PLUGINFILE + "/" + name);
            kept.add(name);
        }
        if (element.nameIs("img") && hasAlt) element.attr("alt", alt);
        if (!element.nameIs("audio")) {
            if (NUMBER.matcher(width).matches()) element.attr("width", width);
            if (NUMBER.matcher(height).matches()) element.attr("height", height);
        }
        if (!element.nameIs("img")) element.attr("controls", true);
    }

    /** The element's own {@code src}, or for a sound or video its first {@code <source>}'s. */
    private static String source(Element element) {
        String src = element.attr("src").strip();
        if (src.isEmpty() && !element.nameIs("img")) {
            Element first = element.selectFirst("source[src]");
            if (first != null) src = first.attr("src").strip();
        }
        return src;
    }

    /** "audio" or "video" when a link points at an embedded sound or video file, else null. */
    private static String playable(String href) {
        String h = href.strip();
        if (!h.startsWith(PLUGINFILE)) return null;
        String path = h.replaceFirst("[?#].*$", "");
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (AUDIO.contains(extension)) return "audio";
        if (VIDEO.contains(extension)) return "video";
        return null;
    }

    /** The path after {@code @@PLUGINFILE@@}, without its leading slash, query or fragment, URL-decoded. */
    static String fileName(String reference) {
        String path = reference.replaceFirst("[?#].*$", "").replaceFirst("^/+", "");
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return path;
        }
    }

    private static String shorten(String source) {
        if (source.isEmpty()) return "(no source)";
        return source.length() <= SHOWN_SOURCE ? source : source.substring(0, SHOWN_SOURCE) + "...";
    }
}
