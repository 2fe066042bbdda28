package kz.emtihan.sitting.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The documents of an oral final attestation sitting as PDF: the protocol (6.15.6), each act of technical
 * failure (6.15.2) and each appeal decision (6.15.4, 6.15.5).
 *
 * <p>Every document is A4 in the sitting's language, with Liberation Sans embedded (subset) so Kazakh and
 * Russian text prints and extracts on any machine; bordered tables break across pages under a repeated
 * header; each page carries "page i of n"; the PDF title and language are set. The records are validated
 * on construction, so every call here succeeds for any record that exists.
 *
 * <p>Stateless and thread-safe. The work is CPU-bound and blocking (tens of milliseconds): from a Vert.x
 * handler, call it through {@code executeBlocking}.
 */
public final class SittingDocuments {
    /** The labels of the sitting's papers, {@code messages_<lang>.properties} next to this class. */
    public static final String BUNDLE = "kz.emtihan.sitting.documents.messages";

    private SittingDocuments() {}

    /** The sitting's protocol: commission, tickets, every member's score, final grades, signature lines. */
    public static byte[] protocol(ProtocolDocument document) {
        try {
            return ProtocolPdf.render(Check.present("document", document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the protocol of " + document.sittingTitle(), e);
        }
    }

    /** The act of technical failure: ticket, each vote as cast, the decision and the new time (6.15.2). */
    public static byte[] failureAct(FailureActDocument document) {
        try {
            return FailureActPdf.render(Check.present("document", document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the failure act for " + document.student(), e);
        }
    }

    /**
     * The zone as printed beside a date, in the paper's language, its offset then (issue 15, 1): "Қазақстан уақыты,
     * UTC+5", "Kazakhstan Time, UTC+5".
     */
    static String zone(kz.emtihan.pdf.Messages m, ZoneId zone, Instant at) {
        return kz.emtihan.text.Formats.zone(zone, m.language(), at);
    }

    /** The appeal commission's decision: reason, meeting time, grade before and after. */
    public static byte[] appealDecision(AppealDecisionDocument document) {
        try {
            return AppealDecisionPdf.render(Check.present("document", document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the appeal decision for " + document.student(), e);
        }
    }
}
