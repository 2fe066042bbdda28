package kz.emtihan.bank.imports;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.text.Text;

/**
 * The files one Moodle XML question carries, read area by area (question text, each answer, each feedback) as
 * Moodle stores them: {@code <file name="a.png" path="/img/" encoding="base64">} in an element is the file {@code
 * img/a.png} its HTML refers to as {@code @@PLUGINFILE@@/img/a.png}. Moodle keeps files per area, this engine per
 * question: when two areas carry different bytes under one name, the later area's files and references move under
 * {@code <area>/} so each reference still finds its own bytes. A file whose base64 does not decode is the
 * question's {@link #problem()}. Not thread-safe: one per question.
 */
final class QuestionFiles {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private Text problem;

    /**
     * The text of an element with a {@code format} attribute and {@code <file>} children (Moodle's
     * {@code <x format=".."><text>..</text><file ../></x>}).
     */
    RichText area(XmlElement element, RichText.Format fallback, String area, Text label) {
        String raw = element.innerText();
        RichText.Format format = RichText.Format.ofXmlAttribute(element.attribute("format"), fallback);
        Map<String, byte[]> own = new LinkedHashMap<>();
        for (XmlElement file : element.children("file")) {
            String name = (file.attribute("path") + "/" + file.attribute("name")).replaceAll("^/+|/+(?=/)", "");
            Optional<byte[]> bytes = decode(file.text());
            if (bytes.isEmpty() || !file.attribute("encoding").strip().equalsIgnoreCase("base64")) {
                if (problem == null) problem = ImportTexts.of("skip.bad-file", "part", label, "file", name);
                continue;
            }
            own.putIfAbsent(name, bytes.get()); // Moodle keeps the first of two files with one name
        }
        boolean clash = own.entrySet().stream()
                .anyMatch(e -> files.containsKey(e.getKey()) && !Arrays.equals(files.get(e.getKey()), e.getValue()));
        if (clash) {
            raw = raw.replace(HtmlMedia.PLUGINFILE + "/", HtmlMedia.PLUGINFILE + "/" + area + "/");
            own.forEach((name, bytes) -> files.putIfAbsent(area + "/" + name, bytes));
        } else {
            own.forEach(files::putIfAbsent);
        }
        return new RichText(raw, format);
    }

    /**
     * Moodle 1.x/2.x's {@code <image>} + {@code <image_base64>}: the picture is appended to the question text as
     * Moodle's own import does (its name with {@code /} turned into {@code _}). An {@code <image>} without its
     * bytes is a picture the file does not carry: the question's problem.
     */
    RichText oldImage(XmlElement question, RichText text) {
        String image = question.child("image").map(XmlElement::text).orElse("").strip();
        String base64 =
                question.child("image_base64").map(XmlElement::text).orElse("").strip();
        if (image.isEmpty()) return text;
        String name = image.replace('/', '_').replaceAll("[\\\\:*?\"<>|\\p{Cntrl}]", "");
        if (base64.isEmpty()) {
            if (problem == null)
                problem = ImportTexts.of("skip.missing-file", "part", ImportTexts.of("part.text"), "file", image);
            return text;
        }
        Optional<byte[]> bytes = decode(base64);
        if (bytes.isEmpty()) {
            if (problem == null)
                problem = ImportTexts.of("skip.bad-file", "part", ImportTexts.of("part.text"), "file", name);
            return text;
        }
        if (files.containsKey(name) && !Arrays.equals(files.get(name), bytes.get())) name = "image/" + name;
        files.putIfAbsent(name, bytes.get());
        String img = " <img src=\"" + HtmlMedia.PLUGINFILE + "/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        .replace("+", "%20")
                        .replace("%2F", "/")
                + "\" alt=\"\">";
        return switch (text.format()) {
            case PLAIN, MARKDOWN -> new RichText(HtmlText.of(text).html() + img, RichText.Format.HTML);
            default -> new RichText(text.raw() + img, text.format());
        };
    }

    /** Why the question cannot be kept as it stands, if a file is broken. */
    Optional<Text> problem() {
        return Optional.ofNullable(problem);
    }

    List<EmbeddedFile> files() {
        List<EmbeddedFile> out = new ArrayList<>();
        files.forEach((name, bytes) -> out.add(new EmbeddedFile(name, bytes)));
        return out;
    }

    private static Optional<byte[]> decode(String base64) {
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException spaced) {
            // Moodle wraps long base64 in lines; anything but whitespace is still refused below
        }
        StringBuilder compact = new StringBuilder(base64.length());
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (!Character.isWhitespace(c)) compact.append(c);
        }
        try {
            return Optional.of(Base64.getDecoder().decode(compact.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
