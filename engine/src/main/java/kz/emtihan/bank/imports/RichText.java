package kz.emtihan.bank.imports;

import java.util.Locale;
import java.util.Optional;

/** Text as written in the file, with the format it declares; {@link HtmlText} turns it into safe HTML. */
record RichText(String raw, Format format) {
    RichText {
        raw = raw == null ? "" : raw;
    }

    /** Moodle's four text formats. */
    enum Format {
        /** HTML as written. */
        HTML,
        /** Moodle's auto-format: HTML allowed, line breaks kept. */
        MOODLE,
        /** Plain text: shown exactly as written. */
        PLAIN,
        /** Markdown: kept as its text, not rendered. */
        MARKDOWN;

        /**
         * The {@code format} attribute of Moodle XML, read as Moodle reads it: absent means {@code fallback}
         * (HTML for question text, the question text's format for answers and feedback); an unknown one means HTML.
         */
        static Format ofXmlAttribute(String attribute, Format fallback) {
            switch (attribute == null ? "" : attribute.strip().toLowerCase(Locale.ROOT)) {
                case "":
                    return fallback;
                case "moodle_auto_format":
                case "wiki_like":
                    return MOODLE;
                case "plain_text":
                    return PLAIN;
                case "markdown":
                    return MARKDOWN;
                default:
                    return HTML;
            }
        }

        /** The word inside a GIFT marker such as {@code [html]}; empty when the word is not a format. */
        static Optional<Format> ofGiftMarker(String word) {
            switch (word.strip().toLowerCase(Locale.ROOT)) {
                case "html":
                    return Optional.of(HTML);
                case "moodle":
                    return Optional.of(MOODLE);
                case "plain":
                    return Optional.of(PLAIN);
                case "markdown":
                    return Optional.of(MARKDOWN);
                default:
                    return Optional.empty();
            }
        }
    }
}
