package kz.emtihan.bank.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;

/**
 * A GIFT true/false question ({@code {T}}, {@code {TRUE}}, {@code {F}}, {@code {FALSE}}) as a single-answer
 * question with two options, "true" first, never shuffled, as Moodle shows it. As in Moodle's {@code
 * split_truefalse_comment}, the text after the first {@code #} is the feedback for a wrong answer and after the
 * second the feedback for the right one; each goes on the option it answers. The two words are in the language of
 * the bank ({@link Words}). Bank validation then reports the two-option question for an attestation bank (7.6).
 */
final class GiftTrueFalse {
    private GiftTrueFalse() {}

    /**
     * The words for "true" and "false": in the bank passport's language of instruction when it names Kazakh,
     * Russian or English (a code such as "kk" or a name such as "қазақ тілі", "русский", "English"); otherwise in
     * the language of the file's own text: Kazakh when it has letters only Kazakh uses (ә, ғ, қ, ң, ө, ұ, ү, һ, і),
     * Russian when it has other Cyrillic letters, else English.
     */
    record Words(Language language) {
        static final Words ENGLISH = new Words(Language.EN);

        static Words of(String passportLanguage, String fileText) {
            return new Words(ofPassport(passportLanguage).orElseGet(() -> ofText(fileText)));
        }

        String yes() {
            return Catalogue.render(ImportTexts.of("truefalse.true"), language);
        }

        String no() {
            return Catalogue.render(ImportTexts.of("truefalse.false"), language);
        }

        private static Optional<Language> ofPassport(String passport) {
            if (passport == null || passport.isBlank()) return Optional.empty();
            Optional<Language> code = Language.parse(passport);
            if (code.isPresent()) return code;
            String name = passport.strip().toLowerCase(Locale.ROOT);
            if (name.startsWith("қаз") || name.startsWith("каз") || name.startsWith("kaz"))
                return Optional.of(Language.KK);
            if (name.startsWith("рус") || name.startsWith("rus")) return Optional.of(Language.RU);
            if (name.startsWith("анг") || name.startsWith("ағыл") || name.startsWith("eng"))
                return Optional.of(Language.EN);
            return Optional.empty();
        }

        private static Language ofText(String text) {
            if (text.chars().anyMatch(c -> "әғқңөұүһіӘҒҚҢӨҰҮҺІ".indexOf(c) >= 0)) return Language.KK;
            if (text.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC))
                return Language.RU;
            return Language.EN;
        }
    }

    static void read(GiftQuestion.Parts parts, String answers, Words words, ReportBuilder report) {
        RichText.Format format = parts.text().format();
        int first = GiftEscapes.find(answers, "#", 0);
        int second = first < 0 ? -1 : GiftEscapes.find(answers, "#", first + 1);
        String answer = (first < 0 ? answers : answers.substring(0, first)).strip();
        RichText wrong = GiftQuestion.withFormat(
                first < 0 ? "" : answers.substring(first + 1, second < 0 ? answers.length() : second), format);
        RichText right = GiftQuestion.withFormat(second < 0 ? "" : answers.substring(second + 1), format);
        boolean isTrue = answer.equals("T") || answer.equals("TRUE");
        ChoiceDraft draft = new ChoiceDraft(
                parts.position(),
                parts.line(),
                parts.name(),
                parts.idNumber(),
                parts.text(),
                List.of(
                        new RichText(words.yes(), RichText.Format.PLAIN),
                        new RichText(words.no(), RichText.Format.PLAIN)),
                isTrue ? List.of(100.0, 0.0) : List.of(0.0, 100.0),
                isTrue ? List.of(right, wrong) : List.of(wrong, right),
                parts.generalFeedback(),
                Optional.of(true),
                false, // "true" stays first, as Moodle shows it
                parts.tags(),
                List.of(),
                parts.category());
        if (GiftQuestion.add(draft, report))
            report.kept(
                    parts.position(),
                    parts.line(),
                    ImportTexts.of("kept.truefalse", "yes", words.yes(), "no", words.no()));
    }
}
