package kz.emtihan.bank.imports;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.text.Text;

/**
 * The checks every format's question passes on its sanitised parts before it lands, so a question is never kept
 * broken: each picture, sound or video must be one the file carries for it (an address or a {@code data:} source
 * is not), and each formula must render ({@link TexFormulas}). The first problem skips the question, naming the
 * part (question text, answer n, its feedback, general feedback) and what is wrong.
 */
final class DraftChecks {
    private DraftChecks() {}

    /** One part of a question: what it is called in a report, and its safe HTML. */
    record Part(Text label, HtmlText.Safe safe) {
        static Part text(HtmlText.Safe safe) {
            return new Part(ImportTexts.of("part.text"), safe);
        }

        static Part answer(int n, HtmlText.Safe safe) {
            return new Part(ImportTexts.of("part.answer", "n", n), safe);
        }

        static Part answerFeedback(int n, HtmlText.Safe safe) {
            return new Part(ImportTexts.of("part.answer-feedback", "n", n), safe);
        }

        static Part generalFeedback(HtmlText.Safe safe) {
            return new Part(ImportTexts.of("part.general-feedback"), safe);
        }
    }

    /** Why the question cannot be kept, or empty. */
    static Optional<Text> problem(List<Part> parts, Set<String> carried) {
        for (Part part : parts) {
            for (String source : part.safe().external()) {
                return Optional.of(ImportTexts.of("skip.external-media", "part", part.label(), "source", source));
            }
            for (String name : part.safe().media()) {
                if (!carried.contains(name))
                    return Optional.of(ImportTexts.of("skip.missing-file", "part", part.label(), "file", name));
            }
            Optional<TexFormulas.Problem> formula =
                    TexFormulas.firstProblemInText(part.safe().text());
            if (formula.isPresent()) {
                return Optional.of(ImportTexts.of(
                        "skip.formula",
                        "part",
                        part.label(),
                        "formula",
                        formula.get().formula(),
                        "why",
                        formula.get().why()));
            }
        }
        return Optional.empty();
    }
}
