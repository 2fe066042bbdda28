package kz.emtihan.bank.exports;

import java.util.Map;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;

/** One question as a QTI 3.0 assessment item ({@link Qti3Export} says what it holds). */
final class Qti3Item {
    private static final String RESPONSE = "RESPONSE";
    /** The identifier no choice has: the general feedback is shown whenever FEEDBACK does not hold it. */
    private static final String GENERAL = "GENERAL_FEEDBACK";

    private Qti3Item() {}

    static String mediaPath(MediaFile f) {
        return "media/" + ExportMedia.fileName(f);
    }

    static String choiceId(int index) {
        return String.valueOf((char) ('A' + index));
    }

    static String write(String id, Question q, Map<String, MediaFile> media) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<qti-assessment-item xmlns=\"")
                .append(Qti3Export.NS)
                .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
                .append(Qti3Export.NS)
                .append(" https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd\"")
                .append(" identifier=\"")
                .append(id)
                .append("\" title=\"")
                .append(Xml.escape(ExportMedia.name(q)))
                .append("\" adaptive=\"false\" time-dependent=\"false\">\n");
        String cardinality = q.single() ? "single" : "multiple";
        out.append("  <qti-response-declaration identifier=\"RESPONSE\" cardinality=\"")
                .append(cardinality)
                .append("\" base-type=\"identifier\">\n    <qti-correct-response>\n");
        for (int i = 0; i < q.options().size(); i++) {
            if (q.correct().contains(q.options().get(i).id()))
                out.append("      <qti-value>").append(choiceId(i)).append("</qti-value>\n");
        }
        out.append("    </qti-correct-response>\n");
        out.append("    <qti-mapping lower-bound=\"0\" upper-bound=\"1\" default-value=\"0\">\n");
        for (int i = 0; i < q.options().size(); i++) {
            out.append("      <qti-map-entry map-key=\"")
                    .append(choiceId(i))
                    .append("\" mapped-value=\"")
                    .append(Qti3Export.mapped(q.options().get(i).fraction()))
                    .append("\"/>\n");
        }
        out.append("    </qti-mapping>\n  </qti-response-declaration>\n");
        out.append("  <qti-outcome-declaration identifier=\"SCORE\" cardinality=\"single\" base-type=\"float\">\n")
                .append("    <qti-default-value>\n      <qti-value>0</qti-value>\n    </qti-default-value>\n")
                .append("  </qti-outcome-declaration>\n");
        out.append("  <qti-outcome-declaration identifier=\"MAXSCORE\" cardinality=\"single\" base-type=\"float\">\n")
                .append("    <qti-default-value>\n      <qti-value>1</qti-value>\n    </qti-default-value>\n")
                .append("  </qti-outcome-declaration>\n");
        out.append(
                "  <qti-outcome-declaration identifier=\"FEEDBACK\" cardinality=\"multiple\" base-type=\"identifier\"/>\n");
        out.append("  <qti-item-body>\n    <div class=\"question\">")
                .append(html(q.text(), media))
                .append("</div>\n");
        out.append("    <qti-choice-interaction response-identifier=\"RESPONSE\" shuffle=\"")
                .append(q.shuffle())
                .append("\" max-choices=\"")
                .append(q.single() ? 1 : 0)
                .append("\">\n");
        for (int i = 0; i < q.options().size(); i++) {
            Option o = q.options().get(i);
            out.append("      <qti-simple-choice identifier=\"")
                    .append(choiceId(i))
                    .append('"');
            if (o.fixed()) out.append(" fixed=\"true\"");
            out.append('>').append(html(o.text(), media)).append("</qti-simple-choice>\n");
        }
        out.append("    </qti-choice-interaction>\n  </qti-item-body>\n");
        responseProcessing(out);
        for (int i = 0; i < q.options().size(); i++) {
            String feedback = q.options().get(i).feedback();
            if (!feedback.isBlank()) modal(out, choiceId(i), "show", html(feedback, media));
        }
        if (!q.authored().feedback().isBlank())
            modal(out, GENERAL, "hide", html(q.authored().feedback(), media));
        out.append("</qti-assessment-item>\n");
        return out.toString();
    }

    /** SCORE = the mapped response (0 when nothing is picked); FEEDBACK = the picked choices. */
    private static void responseProcessing(StringBuilder out) {
        out.append("  <qti-response-processing>\n")
                .append("    <qti-response-condition>\n      <qti-response-if>\n")
                .append("        <qti-is-null>\n          <qti-variable identifier=\"")
                .append(RESPONSE)
                .append("\"/>\n        </qti-is-null>\n")
                .append("        <qti-set-outcome-value identifier=\"SCORE\">\n")
                .append("          <qti-base-value base-type=\"float\">0</qti-base-value>\n")
                .append("        </qti-set-outcome-value>\n      </qti-response-if>\n")
                .append("      <qti-response-else>\n        <qti-set-outcome-value identifier=\"SCORE\">\n")
                .append("          <qti-map-response identifier=\"")
                .append(RESPONSE)
                .append("\"/>\n        </qti-set-outcome-value>\n")
                .append("        <qti-set-outcome-value identifier=\"FEEDBACK\">\n          <qti-multiple>\n")
                .append("            <qti-variable identifier=\"")
                .append(RESPONSE)
                .append("\"/>\n          </qti-multiple>\n        </qti-set-outcome-value>\n")
                .append("      </qti-response-else>\n    </qti-response-condition>\n")
                .append("  </qti-response-processing>\n");
    }

    private static void modal(StringBuilder out, String identifier, String showHide, String html) {
        out.append("  <qti-modal-feedback outcome-identifier=\"FEEDBACK\" identifier=\"")
                .append(identifier)
                .append("\" show-hide=\"")
                .append(showHide)
                .append("\">\n    <qti-content-body>")
                .append(html)
                .append("</qti-content-body>\n  </qti-modal-feedback>\n");
    }

    /** XHTML with pictures pointing into the package, from {@code items/}. */
    private static String html(String html, Map<String, MediaFile> media) {
        return ExportMedia.rewrite(html, media, f -> "../" + mediaPath(f), true);
    }
}
