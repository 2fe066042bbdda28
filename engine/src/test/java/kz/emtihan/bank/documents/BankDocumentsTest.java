package kz.emtihan.bank.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kz.emtihan.text.Language;
import org.junit.jupiter.api.Test;

/** 5.27: papers print in the bank's language of instruction, however the passport names it. */
class BankDocumentsTest {
    @Test
    void thePassportsLanguageNamesTheLanguageOfThePapers() {
        for (String kk : new String[] {"kk", "KZ", "Kazakh", "қазақ тілі", "Қазақша", "казахский"})
            assertEquals(Language.KK, BankDocuments.language(kk, Language.EN), kk);
        for (String ru : new String[] {"ru", "Russian", "Русский", "русский язык", "орыс тілі"})
            assertEquals(Language.RU, BankDocuments.language(ru, Language.KK), ru);
        for (String en : new String[] {"en", "English", "en-GB", "Английский", "ағылшын тілі"})
            assertEquals(Language.EN, BankDocuments.language(en, Language.RU), en);
        assertEquals(Language.RU, BankDocuments.language("Deutsch", Language.RU), "else the caller's language");
        assertEquals(Language.KK, BankDocuments.language("", Language.KK));
    }
}
