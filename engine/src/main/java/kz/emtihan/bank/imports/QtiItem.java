package kz.emtihan.bank.imports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.bank.model.Question;
import kz.emtihan.text.Text;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One QTI 2.1/2.2/3.0 assessment item read as a multiple-choice draft, or the reason it cannot be one.
 *
 * <p>Only an item with exactly one {@code choiceInteraction} is a question here; an adaptive item, another
 * interaction or more than one are skipped with their names. Single answer when {@code maxChoices} is 1 (or the
 * response's cardinality is single). Fractions, in percent of the item's best score:
 *
 * <ul>
 *   <li>{@code map_response} (the template, or {@code mapResponse} in custom processing) with a {@code mapping}:
 *       each option's {@code mappedValue} (the {@code defaultValue} when it has none) over the best score, which is
 *       {@code upperBound} when given, else the sum of the positive values (the largest one on a single-answer
 *       item); clamped to -100..100;
 *   <li>otherwise ({@code match_correct}, or no mapping): the {@code correctResponse} as {@link
 *       Question#plainFraction} reads a list of correct options (100 for the one correct option of a single-answer
 *       item; 100/k and -100/k on a multiple-answer one, so only the exact set scores fully).
 * </ul>
 *
 * Feedback: a {@code feedbackInline} inside a choice, or a {@code modalFeedback}/{@code feedbackBlock} whose
 * identifier is a choice's, is that option's feedback; one shown when its identifier is not matched ({@code
 * showHide="hide"}) is the general feedback.
 */
final class QtiItem {
    private QtiItem() {}

    /** A draft ready for {@link ChoiceDraft#addTo}, with the per-option {@code fixed} flags it cannot carry. */
    record Read(ChoiceDraft draft, List<Boolean> fixed, List<String> droppedFeedback) {}

    /** The draft, or the reason the item is skipped. */
    static Result read(Document doc, String itemPath, QtiPackage pack, int position, QtiManifest.Entry entry) {
        Element item = doc.getDocumentElement();
        if (!QtiXml.is(item, "assessmentItem"))
            return skip(ImportTexts.of("skip.qti-not-item", "root", item.getLocalName()));
        if (QtiXml.isTrue(QtiXml.attr(item, "adaptive"))) return skip(ImportTexts.of("skip.qti-adaptive"));
        for (Element stimulus : QtiXml.children(item, "assessmentStimulusRef")) // a shared passage it would lose
        return skip(ImportTexts.of("skip.qti-object", "type", "stimulus " + QtiXml.attr(stimulus, "href")));
        Element body = QtiXml.child(item, "itemBody").orElse(null);
        if (body == null) return skip(ImportTexts.of("skip.qti-no-interaction"));
        List<Element> interactions = allInteractions(body);
        if (interactions.isEmpty()) return skip(ImportTexts.of("skip.qti-no-interaction"));
        if (interactions.size() > 1)
            return skip(ImportTexts.of(
                    "skip.qti-interactions",
                    "count",
                    interactions.size(),
                    "names",
                    String.join(
                            ", ",
                            interactions.stream().map(Element::getLocalName).toList())));
        Element interaction = interactions.get(0);
        if (!QtiXml.is(interaction, "choiceInteraction"))
            return skip(ImportTexts.of("skip.qti-interaction", "name", interaction.getLocalName()));

        String responseId = QtiXml.attr(interaction, "responseIdentifier");
        Element response = QtiXml.children(item, "responseDeclaration").stream()
                .filter(r -> QtiXml.attr(r, "identifier").equals(responseId))
                .findFirst()
                .orElse(null);
        if (response == null) return skip(ImportTexts.of("skip.qti-no-response", "id", responseId));

        QtiBody html = new QtiBody(itemPath, pack);
        List<Element> choices = QtiXml.children(interaction, "simpleChoice");
        List<String> ids = new ArrayList<>();
        List<RichText> options = new ArrayList<>();
        List<Boolean> fixed = new ArrayList<>();
        Map<String, StringBuilder> feedback = new HashMap<>();
        for (Element choice : choices) {
            String id = QtiXml.attr(choice, "identifier");
            ids.add(id);
            options.add(new RichText(html.inner(choice), RichText.Format.HTML));
            fixed.add(QtiXml.isTrue(QtiXml.attr(choice, "fixed")));
            for (Element inline : QtiXml.descendants(choice, "feedbackInline"))
                append(feedback, id, html.inner(inline));
        }
        boolean single = QtiXml.attr(interaction, "maxChoices").equals("1")
                || QtiXml.attr(response, "cardinality").equals("single");
        StringBuilder general = new StringBuilder();
        List<String> dropped = new ArrayList<>();
        Set<String> computed = computedValues(item);
        for (Element fb : feedbackOutsideChoices(item, interaction)) {
            String id = QtiXml.attr(fb, "identifier");
            boolean hide = QtiXml.attr(fb, "showHide").equals("hide");
            String content = html.inner(QtiXml.child(fb, "contentBody").orElse(fb));
            if (!hide && ids.contains(id)) {
                append(feedback, id, content); // shown to whoever picks that choice
            } else if (hide && ids.contains(id) && single) {
                for (String other : ids) if (!other.equals(id)) append(feedback, other, content); // any other pick
            } else if (hide && !ids.contains(id) && !computed.contains(id)) {
                general.append(content); // hidden only by a value nothing sets: shown to everyone
            } else {
                dropped.add(id); // shown on an outcome this engine does not compute ("correct", "incorrect"...)
            }
        }

        String text = textOf(body, interaction, html);
        if (html.problem().isPresent()) return skip(html.problem().get());

        List<Double> weights = weights(item, response, ids, single);
        List<RichText> optionFeedback = new ArrayList<>();
        for (String id : ids)
            optionFeedback.add(
                    new RichText(feedback.getOrDefault(id, new StringBuilder()).toString(), RichText.Format.HTML));
        String shuffle = QtiXml.attr(interaction, "shuffle");
        List<String> tags = entry.keywords();
        ChoiceDraft draft = new ChoiceDraft(
                position,
                0,
                QtiXml.attr(item, "title"),
                entry.idNumber(),
                new RichText(text, RichText.Format.HTML),
                options,
                weights,
                optionFeedback,
                new RichText(general.toString(), RichText.Format.HTML),
                Optional.of(single),
                QtiXml.isTrue(shuffle),
                tags,
                List.copyOf(html.files().values()),
                entry.category());
        return new Result(Optional.of(new Read(draft, fixed, dropped)), Optional.empty());
    }

    /** Read or skipped. */
    record Result(Optional<Read> read, Optional<Text> skipped) {}

    private static Result skip(Text reason) {
        return new Result(Optional.empty(), Optional.of(reason));
    }

    private static List<Element> allInteractions(Element body) {
        List<Element> out = new ArrayList<>();
        collectInteractions(body, out);
        return out;
    }

    private static void collectInteractions(Element parent, List<Element> out) {
        for (Element e : QtiXml.children(parent)) {
            String name = QtiXml.name(e);
            if (name.endsWith("Interaction")) {
                out.add(e); // an interaction does not hold another
            } else {
                collectInteractions(e, out);
            }
        }
    }

    private static List<Element> feedbackOutsideChoices(Element item, Element interaction) {
        List<Element> out = new ArrayList<>(QtiXml.children(item, "modalFeedback"));
        for (Element block : QtiXml.descendants(item, "feedbackBlock")) {
            if (!isInside(block, interaction)) out.add(block);
        }
        return out;
    }

    private static boolean isInside(Element e, Element ancestor) {
        for (org.w3c.dom.Node n = e.getParentNode(); n != null; n = n.getParentNode()) if (n == ancestor) return true;
        return false;
    }

    private static void append(Map<String, StringBuilder> feedback, String id, String html) {
        if (html.isBlank()) return;
        StringBuilder to = feedback.computeIfAbsent(id, k -> new StringBuilder());
        if (to.length() > 0) to.append(' ');
        to.append(html.strip());
    }

    /** The identifiers response processing may set an outcome to: its base values. */
    private static Set<String> computedValues(Element item) {
        Set<String> out = new HashSet<>();
        QtiXml.child(item, "responseProcessing")
                .ifPresent(p -> QtiXml.descendants(p, "baseValue").forEach(v -> out.add(QtiXml.text(v))));
        return out;
    }

    /** The body with the interaction replaced by its prompt. */
    private static String textOf(Element body, Element interaction, QtiBody html) {
        String prompt = QtiXml.child(interaction, "prompt").map(html::inner).orElse("");
        String marker = "\uFDD1";
        org.w3c.dom.Node placeholder = body.getOwnerDocument().createTextNode(marker);
        interaction.getParentNode().replaceChild(placeholder, interaction);
        String all = html.inner(body);
        placeholder.getParentNode().replaceChild(interaction, placeholder);
        String wrapped =
                prompt.isBlank() || prompt.contains("<p") || prompt.contains("<div") ? prompt : "<p>" + prompt + "</p>";
        return all.replace(marker, wrapped);
    }

    private static List<Double> weights(Element item, Element response, List<String> ids, boolean single) {
        Optional<Element> mapping = QtiXml.child(response, "mapping");
        if (mapping.isPresent() && mapsResponse(item)) return mapped(mapping.get(), ids, single);
        Set<String> correct = new HashSet<>();
        QtiXml.child(response, "correctResponse")
                .ifPresent(c -> QtiXml.children(c, "value").forEach(v -> correct.add(QtiXml.text(v))));
        int k = (int) ids.stream().filter(correct::contains).count();
        List<Double> out = new ArrayList<>();
        for (String id : ids) out.add(Question.plainFraction(single, k, correct.contains(id)));
        return out;
    }

    /** The map_response template, or custom processing that maps the response; no processing at all counts too. */
    private static boolean mapsResponse(Element item) {
        Optional<Element> processing = QtiXml.child(item, "responseProcessing");
        if (processing.isEmpty()) return true;
        String template = QtiXml.attr(processing.get(), "template");
        if (!template.isEmpty()) return template.replaceFirst("\\.xml$", "").endsWith("map_response");
        // custom processing maps the response when it sets the score to the mapped value itself, not when it only
        // compares the mapped value with a number (that is all-or-nothing, read from the correct response)
        return QtiXml.descendants(processing.get(), "setOutcomeValue").stream()
                .anyMatch(set -> QtiXml.children(set).stream().anyMatch(e -> QtiXml.is(e, "mapResponse")));
    }

    private static List<Double> mapped(Element mapping, List<String> ids, boolean single) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (Element entry : QtiXml.children(mapping, "mapEntry")) {
            values.putIfAbsent(QtiXml.attr(entry, "mapKey"), number(QtiXml.attr(entry, "mappedValue")));
        }
        BigDecimal fallback = number(QtiXml.attr(mapping, "defaultValue"));
        List<BigDecimal> raw = new ArrayList<>();
        for (String id : ids) raw.add(values.getOrDefault(id, fallback));
        BigDecimal best = number(QtiXml.attr(mapping, "upperBound"));
        if (best.signum() <= 0) {
            best = BigDecimal.ZERO;
            for (BigDecimal v : raw) {
                if (v.signum() <= 0) continue;
                best = single ? best.max(v) : best.add(v);
            }
        }
        List<Double> out = new ArrayList<>();
        for (BigDecimal v : raw) {
            double f = best.signum() <= 0
                    ? 0
                    : v.multiply(BigDecimal.valueOf(100))
                            .divide(best, MathContext.DECIMAL64)
                            .doubleValue();
            out.add(Math.max(-100, Math.min(100, f)));
        }
        return out;
    }

    private static BigDecimal number(String text) {
        try {
            return text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
