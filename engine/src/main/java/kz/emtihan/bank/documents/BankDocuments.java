package kz.emtihan.bank.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.bank.model.BankLife;
import kz.emtihan.bank.model.Conclusion;
import kz.emtihan.bank.model.Passport;
import kz.emtihan.text.Language;

/**
 * The papers a department keeps of a bank (5.27): its passport (5.22, with its approval, 5.19) and each expert's
 * conclusion (5.25-5.26), in the bank's language of instruction. Labels: {@code messages_<lang>.properties} here.
 */
public final class BankDocuments {
    static final String BUNDLE = "kz.emtihan.bank.documents.messages";

    private BankDocuments() {}

    /**
     * The language a passport's "language of instruction" names, in any of the ways a teacher writes it (kk, Kazakh,
     * Қазақ тілі, казахский...); {@code fallback} (the caller's language) when it names none of kk, ru, en.
     */
    public static Language language(String passportLanguage, Language fallback) {
        String s = passportLanguage == null ? "" : passportLanguage.strip().toLowerCase(Locale.ROOT);
        if (s.equals("kk") || s.equals("kz") || s.startsWith("kaz") || s.startsWith("қаз") || s.startsWith("каз"))
            return Language.KK;
        if (s.equals("ru") || s.startsWith("rus") || s.startsWith("рус") || s.startsWith("орыс")) return Language.RU;
        if (s.equals("en")
                || s.startsWith("en-")
                || s.startsWith("eng")
                || s.startsWith("англ")
                || s.startsWith("ағыл")) return Language.EN;
        return fallback;
    }

    /** The passport with its approval (or "not approved"), {@code names} the people's names by id. */
    public static byte[] passport(
            String bankId,
            Passport passport,
            BankLife life,
            int questionCount,
            Map<String, String> names,
            Language language,
            ZoneId zone) {
        try {
            return PassportPdf.render(bankId, passport, life, questionCount, names, language, zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One conclusion, with the approval it reviewed. */
    public static byte[] conclusion(
            String bankId,
            Passport passport,
            Conclusion conclusion,
            String expertName,
            Optional<BankLife.Approval> reviewed,
            Language language,
            ZoneId zone) {
        try {
            return ConclusionPdf.render(bankId, passport, conclusion, expertName, reviewed, language, zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
