package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.emtihan.exam.model.AttemptStatus;
import kz.emtihan.exam.model.ExamKind;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.Test;

/**
 * The exam context's refusals and words are said in kk, ru and en, each sentence with exactly its declared arguments
 * (the engine-wide catalogue test holds every context; this one says which exam sentence is wrong).
 */
class ExamRefusalTest {
    private static final Pattern ARG = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    @Test
    void everyCodeInEveryLanguageWithItsArguments() {
        for (ExamRefusal code : ExamRefusal.values()) {
            for (Language lang : Language.values()) {
                assertTrue(Catalogue.has(code.bundle(), code.code(), lang), code.code() + " in " + lang);
                String sentence = Catalogue.bundle(code.bundle(), lang).getString(code.code());
                assertEquals(new TreeSet<>(code.args()), args(sentence), code.code() + " in " + lang);
            }
        }
    }

    @Test
    void theWordsAreTheSameKeysWithTheSameArgumentsInEveryLanguage() {
        Set<String> keys = Catalogue.bundle(ExamWords.BUNDLE, Language.EN).keySet();
        for (AttemptStatus s : AttemptStatus.values()) assertTrue(keys.contains("status." + s.code()), s.code());
        for (ExamKind k : ExamKind.values()) assertTrue(keys.contains("kind." + k.code()), k.code());
        for (Language lang : Language.values()) {
            var bundle = Catalogue.bundle(ExamWords.BUNDLE, lang);
            assertEquals(keys, bundle.keySet(), "the same words in " + lang);
            for (String key : keys) {
                String en = Catalogue.bundle(ExamWords.BUNDLE, Language.EN).getString(key);
                assertEquals(args(en), args(bundle.getString(key)), key + " in " + lang);
            }
        }
    }

    @Test
    void theNotAdmittedRefusalSaysTheRatingAndTheMinimum() { // 5.30
        Refusal r = Refusal.of(ExamRefusal.NOT_ADMITTED, AttemptStart.rating("42.0"), 50);
        assertEquals(42L, r.args().get("rating"));
        assertEquals(49.5, AttemptStart.rating("49.5"));
        for (Language lang : Language.values()) {
            String said = r.message(lang);
            assertTrue(said.contains("42") && said.contains("50") && said.contains("5.30"), said);
        }
        assertTrue(Refusal.of(ExamRefusal.ATTEMPT_FINISHED, ExamWords.status(AttemptStatus.TIMED_OUT))
                .message(Language.RU)
                .contains("по истечении времени"));
    }

    private static Set<String> args(String sentence) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(sentence);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
