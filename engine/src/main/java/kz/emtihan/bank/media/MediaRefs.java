package kz.emtihan.bank.media;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The references to files in question HTML. On import a file is {@code <img src="@@PLUGINFILE@@/<name>">} (also
 * audio, video, source); stored, it is {@code <img data-media="<sha-256 hex>">}. Text without a reference is returned
 * unchanged, byte for byte.
 */
public final class MediaRefs {
    public static final String PLUGINFILE = "@@PLUGINFILE@@";
    public static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String ELEMENTS = "img[src], audio[src], video[src], source[src]";

    private MediaRefs() {}

    /** One reference of an imported text: the element that shows it and the file's name, as {@link #name} gives it. */
    public record Ref(String element, String name) {}

    /** The {@code @@PLUGINFILE@@} references of an imported text, in order (a name may come twice). */
    public static List<Ref> plugins(String html) {
        List<Ref> out = new ArrayList<>();
        if (html == null || !html.contains(PLUGINFILE)) return out;
        for (Element e : body(html).select(ELEMENTS)) {
            String src = e.attr("src");
            if (src.startsWith(PLUGINFILE + "/"))
                out.add(new Ref(element(e), name(src.substring(PLUGINFILE.length()))));
        }
        return out;
    }

    /** The text with each {@code src="@@PLUGINFILE@@/<name>"} replaced by {@code data-media="<hash of name>"}. */
    public static String rewrite(String html, Map<String, String> hashByName) {
        if (html == null || !html.contains(PLUGINFILE)) return html;
        Element body = body(html);
        for (Element e : body.select(ELEMENTS)) {
            for (Attribute a : e.attributes()) {
                if (!a.getKey().equals("src") || !a.getValue().startsWith(PLUGINFILE + "/")) continue;
                String hash = hashByName.get(name(a.getValue().substring(PLUGINFILE.length())));
                if (hash == null) throw new IllegalArgumentException("no file for " + a.getValue());
                a.setKey("data-media");
                a.setValue(hash);
            }
        }
        return body.html();
    }

    /** The stored files a text shows ({@code data-media} of 64 lower-case hex), in order of first mention. */
    public static Set<String> hashes(String html) {
        Set<String> out = new LinkedHashSet<>();
        if (html == null || !html.contains("data-media")) return out;
        for (Element e : body(html).select("[data-media]")) {
            String hash = e.attr("data-media");
            if (HASH.matcher(hash).matches()) out.add(hash);
        }
        return out;
    }

    /**
     * A file's name as a reference or an embedded file gives it: URL-decoded (Moodle writes {@code a%20b.png} in the
     * text and {@code a b.png} as the file's name), without a query, a fragment or leading slashes.
     */
    public static String name(String reference) {
        String path = reference.replaceFirst("[?#].*$", "");
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            // a bare % in a name: kept as written
        }
        return path.replaceFirst("^/+", "");
    }

    private static String element(Element e) {
        return e.nameIs("source") && e.parent() != null ? e.parent().normalName() : e.normalName();
    }

    private static Element body(String html) {
        Document d = Jsoup.parseBodyFragment(html);
        d.outputSettings(new Document.OutputSettings().prettyPrint(false));
        return d.body();
    }
}
