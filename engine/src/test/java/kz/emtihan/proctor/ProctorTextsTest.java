package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.emtihan.proctor.model.Credibility;
import kz.emtihan.proctor.model.EvidenceKind;
import kz.emtihan.proctor.model.Flag;
import kz.emtihan.proctor.model.FlagKind;
import kz.emtihan.proctor.model.IdentityCheck;
import kz.emtihan.proctor.model.ProctorTexts;
import kz.emtihan.proctor.model.Verdict;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, 1: proctoring's refusals, flag details and credibility explanation are said in kk, ru and en from one
 * catalogue, and a stored flag keeps its sentence's key and arguments.
 */
class ProctorTextsTest {
    static final Instant T = Instant.parse("2026-06-01T09:00:00Z");

    /** Every sentence proctoring can say, with arguments. */
    static List<Text> everyText() {
        List<Text> all = new ArrayList<>(List.of(
                ProctorTexts.noFaceRun(),
                ProctorTexts.facesRun(2),
                ProctorTexts.cannotJudge(12, 3),
                ProctorTexts.pageReported(),
                ProctorTexts.connectionLost(),
                ProctorTexts.diskFull(),
                ProctorTexts.asRecorded("as it was"),
                ProctorTexts.noFaceOnPhoto(),
                ProctorTexts.photoTooDark(),
                ProctorTexts.manyFacesOnPhoto(3),
                ProctorTexts.noFaceOnCard(),
                ProctorTexts.notAnInstant(),
                Credibility.formula()));
        for (EvidenceKind k : EvidenceKind.values()) all.add(ProctorTexts.evidenceMissing(k, T, 3, 10_000));
        for (FlagKind k : FlagKind.values()) all.add(ProctorTexts.flagKind(k));
        for (Verdict v : Verdict.values()) all.add(ProctorTexts.verdict(v));
        for (String thing :
                List.of("snapshot", "camera-frame", "face-photo", "card-photo", "identity-photo", "stream", "segment"))
            all.add(ProctorTexts.thing(thing));
        for (Credibility.Penalty p : Credibility.of(
                        List.of(Flag.of(FlagKind.PASTE, T, Optional.empty(), ProctorTexts.pageReported())),
                        new Credibility.Evidence(0, 0, 0))
                .penalties()) all.add(p.reason());
        return all;
    }

    @Test
    void everySentenceIsInEveryLanguageWithAllItsArgumentsFilled() {
        for (Text text : everyText()) {
            for (Language language : Language.values()) {
                String said = Catalogue.render(text, language);
                assertFalse(said.isBlank(), text + " in " + language);
                assertFalse(said.matches(".*\\{[a-zA-Z]+}.*"), "an argument left unfilled: " + said);
                text.args().forEach((name, value) -> {
                    // a flag kind's code is an argument for the pages; the sentence names the kind in words
                    if (!(value instanceof Text) && !name.equals("kind"))
                        assertTrue(said.contains(value.toString()), said + " says " + value);
                });
            }
            if (!text.key().equals("flag.as-recorded") && !text.key().startsWith("credibility.flags")) {
                assertNotEquals(
                        Catalogue.render(text, Language.EN),
                        Catalogue.render(text, Language.RU),
                        text.key() + " is not translated");
            }
        }
    }

    @Test
    void everyRefusalIsInEveryLanguageAndTheBundlesHaveTheSameKeys() {
        Set<String> codes = new TreeSet<>();
        for (ProctorRefusal code : ProctorRefusal.values()) {
            codes.add(code.code());
            Object[] values = Collections.nCopies(code.args().size(), "x").toArray();
            for (Language language : Language.values()) {
                String said = Refusal.of(code, values).message(language);
                assertFalse(said.matches(".*\\{[a-zA-Z]+}.*"), "an argument left unfilled: " + said);
            }
        }
        for (Language language : Language.values()) {
            assertEquals(
                    codes,
                    new TreeSet<>(Catalogue.bundle(ProctorRefusal.values()[0].bundle(), language)
                            .keySet()),
                    "refusals_" + language.code() + " declares exactly the codes of ProctorRefusal");
            assertEquals(
                    new TreeSet<>(
                            Catalogue.bundle(ProctorTexts.BUNDLE, Language.EN).keySet()),
                    new TreeSet<>(
                            Catalogue.bundle(ProctorTexts.BUNDLE, language).keySet()),
                    "texts_" + language.code() + " has the keys of texts_en");
        }
    }

    @Test
    void aStoredFlagKeepsItsSentenceAndIsReadInTheReadersLanguage() {
        Flag flag = Flag.missing(
                        EvidenceKind.SNAPSHOTS, T, ProctorTexts.evidenceMissing(EvidenceKind.SNAPSHOTS, T, 3, 10_000))
                .numbered("f1");
        JsonObject stored = FlagJson.toStored(flag);
        assertEquals("flag.evidence-missing.snapshots", stored.getString("detailKey"));
        assertEquals(
                "no camera snapshots since 2026-06-01T09:00:00Z (allowed: 3 × 10000 ms)",
                stored.getString("detail"),
                "the stored form (pushed live) carries English");
        Flag back = FlagJson.fromStored(new JsonObject(stored.encode()));
        assertEquals(flag.detail().key(), back.detail().key());
        assertEquals(
                Catalogue.render(flag.detail(), Language.KK),
                Catalogue.render(back.detail(), Language.KK),
                "the arguments survive the store");
        JsonObject api = FlagJson.toJson(back, "a1", Language.KK);
        assertTrue(api.getString("detail").startsWith("2026-06-01T09:00:00Z бастап камерадан сурет жоқ"), api.encode());
        assertEquals(3, api.getJsonObject("detailArgs").getInteger("times"));
        assertEquals("snapshots", api.getString("missing"));
    }

    @Test
    void aFlagStoredBeforeDetailsWereSentencesIsShownAsItWas() {
        JsonObject old = new JsonObject()
                .put("id", "f1")
                .put("kind", "copy")
                .put("severity", "low")
                .put("at", T.toString())
                .put("insufficientEvidence", false)
                .put("detail", "reported by the exam page");
        Flag flag = FlagJson.fromStored(old);
        assertEquals(
                "reported by the exam page",
                FlagJson.toJson(flag, "a1", Language.RU).getString("detail"));
    }

    @Test
    void identityProblemsAreSaidInTheStudentsLanguageWithTheirCodes() {
        var problems = Identity.problemsJson(IdentityCheck.problems(2, true, 0), Language.RU);
        assertEquals(2, problems.size());
        JsonObject faces = problems.getJsonObject(0);
        assertEquals("multiple-faces", faces.getString("error"));
        assertEquals("face", faces.getString("field"));
        assertEquals("На фото лица найдено лиц: 2. На нём должны быть только вы.", faces.getString("message"));
        assertEquals("identity.many-faces", faces.getString("messageKey"));
        assertEquals("document", problems.getJsonObject(1).getString("field"));
    }
}
