package kz.emtihan.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.bank.imports.EmbeddedFile;
import kz.emtihan.bank.imports.ImportedQuestion;
import kz.emtihan.bank.media.ImportMedia;
import kz.emtihan.bank.model.Authored;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.Question;
import kz.emtihan.bank.model.QuestionDraft;

/**
 * For tests: a valid bank (100 five-option questions, 40/40/20, 7.6) whose questions come as an importer hands them
 * over ({@code <img src="@@PLUGINFILE@@/...">} and the file's bytes) and land through the import's media step, as
 * {@link Banks#importFile} lands them after parsing.
 */
public final class MediaBank {
    private MediaBank() {}

    /** One question as a parser gives it: its HTML text (may refer to files) and the files it carries. */
    public record Imported(String text, String feedback, List<EmbeddedFile> files) {
        public Imported(String text, List<EmbeddedFile> files) {
            this(text, "", files);
        }
    }

    /** The bank's id; question {@code i} is {@code question.apply(i)}, its correct option index {@code i % 5}. */
    public static String create(TestEngine app, String teacherToken, IntFunction<Imported> question) throws Exception {
        String bankId = app.post("/api/v1/banks", teacherToken, Fixtures.passport())
                .json()
                .getString("id");
        ImportMedia step =
                new ImportMedia(app.engine().services().banks().media().limits());
        List<Question> questions = new ArrayList<>();
        List<MediaFile> files = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Imported q = question.apply(i);
            List<QuestionDraft.DraftOption> options = new ArrayList<>();
            for (int o = 0; o < 5; o++)
                options.add(new QuestionDraft.DraftOption(
                        "option " + o + " of question " + i, o == i % 5 ? 100 : 0, "", false));
            Difficulty d = i < 40 ? Difficulty.EASY : i < 80 ? Difficulty.MEDIUM : Difficulty.HARD;
            QuestionDraft draft = new QuestionDraft(
                    Optional.empty(),
                    q.text(),
                    options,
                    true,
                    Optional.of(d),
                    "Topic " + i % 3,
                    true,
                    new Authored("Q" + i, "", List.of(), q.feedback(), i));
            ImportMedia.Taken taken = step.take(new ImportedQuestion(i + 1, 0, draft, q.files()));
            assertEquals(
                    List.of(), taken.notes().stream().filter(n -> !n.kept()).toList(), "question " + i);
            questions.add(QuestionJson.toQuestion(taken.question().orElseThrow().draft(), i));
            files.addAll(taken.files());
        }
        Banks banks = app.engine().services().banks();
        banks.media()
                .put(bankId, files)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        banks.store()
                .put(bankId, questions)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        Fixtures.usable(app, bankId); // 5.19, 5.24-5.26: approved and reviewed, so attestations may use it
        return bankId;
    }

    /** A test file of {@code kz/emtihan/bank/media/} (see the README.md there). */
    public static byte[] resource(String name) {
        try (java.io.InputStream in = MediaBank.class.getResourceAsStream("/kz/emtihan/bank/media/" + name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A PNG signature and the number: a distinct "picture" per number for the access tests (never drawn). */
    public static byte[] fakePng(int n) {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, (byte) (n >> 8), (byte) n};
    }
}
