package kz.emtihan.bank.exports;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.Question;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The pictures and sounds of a bank's questions on their way out: stored HTML refers to them as {@code
 * data-media="<sha-256>"}; a file for another program refers to them by a name ({@code @@PLUGINFILE@@/<name>} in
 * Moodle XML, a path inside a QTI package). A file is named by its hash and an extension taken from its type, so the
 * same picture in two questions is one file.
 */
public final class ExportMedia {
    private static final Pattern REFERENCE = Pattern.compile("data-media=\"([0-9a-f]{64})\"");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/bmp", "bmp"),
            Map.entry("image/svg+xml", "svg"),
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/ogg", "ogg"),
            Map.entry("audio/wav", "wav"),
            Map.entry("audio/x-wav", "wav"),
            Map.entry("audio/mp4", "m4a"),
            Map.entry("audio/webm", "webm"));

    private ExportMedia() {}

    /** Every hash the questions' text, options and feedback refer to, in order of first mention. */
    public static Set<String> hashes(List<Question> questions) {
        Set<String> out = new LinkedHashSet<>();
        for (Question q : questions) for (String html : htmlOf(q)) out.addAll(hashes(html));
        return out;
    }

    static Set<String> hashes(String html) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(html == null ? "" : html);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static List<String> htmlOf(Question q) {
        List<String> out = new java.util.ArrayList<>();
        out.add(q.text());
        out.add(q.authored().feedback());
        q.options().forEach(o -> {
            out.add(o.text());
            out.add(o.feedback());
        });
        return out;
    }

    /** The question's name, or for one that has none the start of its text (as an importer names it). */
    static String name(Question q) {
        if (!q.authored().name().isBlank()) return q.authored().name();
        String plain = Jsoup.parseBodyFragment(q.text()).text().strip().replaceAll("\\s+", " ");
        return plain.length() <= 60 ? plain : plain.substring(0, 57) + "...";
    }

    /** The file's name in an export: {@code <hash>.<extension>}. */
    static String fileName(MediaFile file) {
        return file.hash() + "." + EXTENSIONS.getOrDefault(file.type().toLowerCase(java.util.Locale.ROOT), "bin");
    }

    /**
     * The HTML with each {@code data-media} turned into a {@code src} ({@code source} gives it from the file); a
     * reference to a file the bank does not have is dropped (the bank never stores one). {@code xml} writes XHTML.
     */
    static String rewrite(String html, Map<String, MediaFile> media, Function<MediaFile, String> source, boolean xml) {
        if (html == null || html.isEmpty()) return "";
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        if (xml) {
            doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml);
            doc.outputSettings().charset(java.nio.charset.StandardCharsets.UTF_8);
        }
        for (Element e : doc.select("[data-media]")) {
            MediaFile file = media.get(e.attr("data-media"));
            if (file == null) {
                e.remove();
                continue;
            }
            e.removeAttr("data-media");
            if (xml && e.nameIs("audio")) { // QTI 3.0 has no inline audio: a sound is an object, as in QTI 2.1
                e.tagName("object");
                e.removeAttr("controls");
                e.attr("data", source.apply(file));
                e.attr("type", file.type());
                continue;
            }
            org.jsoup.nodes.Attributes others = e.attributes().clone();
            e.clearAttributes();
            e.attr("src", source.apply(file)); // first, as Moodle writes it
            e.attributes().addAll(others);
            if (e.nameIs("img") && !e.hasAttr("alt")) e.attr("alt", "");
            if (e.nameIs("audio")) e.attr("controls", true);
        }
        return doc.body().html();
    }
}
