package kz.emtihan.bank.imports;

/**
 * Question and option text is HTML everywhere in the engine; this is the one way text from a teacher (JSON
 * or a file) becomes safe to show: the same allow-list as the importers. Plain text stays readable
 * ({@code a < b} becomes {@code a &lt; b}). Pictures, sounds and videos are kept only in their stored form,
 * {@code <img data-media="<64 hex>" alt="...">} / {@code <audio data-media="<hex>" controls>}: never an address.
 */
public final class QuestionHtml {
    private QuestionHtml() {}

    public static String sanitise(String html) {
        return HtmlText.stored(html).html();
    }
}
