package kz.emtihan.bank.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import kz.emtihan.bank.imports.EmbeddedFile;
import kz.emtihan.bank.imports.ImportSkip;
import kz.emtihan.bank.imports.ImportedQuestion;
import kz.emtihan.bank.model.Authored;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.QuestionDraft;
import kz.emtihan.text.Text;

/**
 * The media step of an import, after parsing (issue 12, 2): each file a question refers to ({@code
 * @@PLUGINFILE@@/<name>} in its text, options or feedback) must be among the files the question carries, of an accepted
 * type ({@link MediaSniffer}: read from the bytes), within {@link MediaLimits}, and shown by an element that fits it (a
 * picture in {@code <img>}). Then it is named by its SHA-256 and the reference becomes {@code data-media="<hash>"}. A
 * question with any missing or refused file is not imported, with the reason and its position: never kept with a
 * broken picture. A file the question carries but never shows is not stored (a note says so). Formulas were checked
 * by the parser ({@code imports.TexFormulas}): a question whose formula does not parse never reaches this step.
 *
 * <p>One instance per import: it counts the new bytes of the whole import against {@code maxImportBytes}.
 */
public final class ImportMedia {
    static final String TEXTS = "kz.emtihan.bank.media.texts";
    private final MediaLimits limits;
    private final Set<String> counted = new HashSet<>();
    private long importBytes;

    public ImportMedia(MediaLimits limits) {
        this.limits = limits;
    }

    /**
     * What became of one question: the question with its references rewritten and no files left in it, and the files
     * to store that this import has not handed out before (a file shown by several questions comes once); or empty,
     * with the reason among the notes.
     */
    public record Taken(Optional<ImportedQuestion> question, List<MediaFile> files, List<ImportSkip> notes) {}

    public Taken take(ImportedQuestion q) {
        QuestionDraft d = q.draft();
        List<ImportSkip> notes = new ArrayList<>();
        List<MediaRefs.Ref> refs = new ArrayList<>();
        for (String html : texts(d)) refs.addAll(MediaRefs.plugins(html));
        Map<String, EmbeddedFile> carried = new LinkedHashMap<>();
        for (EmbeddedFile f : q.files()) carried.putIfAbsent(MediaRefs.name(f.name()), f);
        Map<String, String> hashByName = new HashMap<>();
        Map<String, MediaFile> files = new LinkedHashMap<>();
        for (MediaRefs.Ref ref : refs) {
            Optional<Text> fault = checked(ref, carried.get(ref.name()), hashByName, files);
            if (fault.isPresent()) {
                notes.add(ImportSkip.of(q.position(), q.line(), fault.get()));
                return new Taken(Optional.empty(), List.of(), notes);
            }
        }
        List<MediaFile> fresh =
                files.values().stream().filter(f -> !counted.contains(f.hash())).toList();
        long freshBytes = fresh.stream().mapToLong(f -> f.bytes().length).sum();
        if (importBytes + freshBytes > limits.maxImportBytes()) {
            notes.add(ImportSkip.of(
                    q.position(), q.line(), text("media.import-full", "max", kib(limits.maxImportBytes()))));
            return new Taken(Optional.empty(), List.of(), notes);
        }
        importBytes += freshBytes;
        files.keySet().forEach(counted::add);
        for (String name : carried.keySet()) {
            if (!hashByName.containsKey(name))
                notes.add(ImportSkip.kept(q.position(), q.line(), text("media.unused", "file", name)));
        }
        QuestionDraft rewritten = map(d, html -> MediaRefs.rewrite(html, hashByName));
        return new Taken(Optional.of(new ImportedQuestion(q.position(), q.line(), rewritten, List.of())), fresh, notes);
    }

    private Optional<Text> checked(
            MediaRefs.Ref ref, EmbeddedFile file, Map<String, String> hashByName, Map<String, MediaFile> files) {
        if (file == null) return Optional.of(text("media.missing", "file", ref.name()));
        byte[] bytes = file.bytes();
        Optional<MediaSniffer.Sniffed> type = MediaSniffer.read(bytes);
        if (type.isEmpty())
            return Optional.of(text(
                    "media.refused", "file", ref.name(), "reason", text("refused." + MediaSniffer.refusal(bytes))));
        if (bytes.length > limits.maxFileBytes())
            return Optional.of(text(
                    "media.too-large",
                    "file",
                    ref.name(),
                    "size",
                    kib(bytes.length),
                    "max",
                    kib(limits.maxFileBytes())));
        if (!type.get().kind().fits(ref.element()))
            return Optional.of(
                    text(ref.element().equals("img") ? "media.not-picture" : "media.not-sound", "file", ref.name()));
        String hash = sha256(bytes);
        hashByName.put(ref.name(), hash);
        files.putIfAbsent(hash, new MediaFile(hash, type.get().type(), bytes));
        return Optional.empty();
    }

    /** Every HTML text of a draft: the question, its options and their feedback, the general feedback. */
    public static List<String> texts(QuestionDraft d) {
        List<String> out = new ArrayList<>();
        out.add(d.text());
        for (QuestionDraft.DraftOption o : d.options()) {
            out.add(o.text());
            out.add(o.feedback());
        }
        out.add(d.authored().feedback());
        return out;
    }

    private static QuestionDraft map(QuestionDraft d, UnaryOperator<String> f) {
        List<QuestionDraft.DraftOption> options = d.options().stream()
                .map(o -> new QuestionDraft.DraftOption(
                        f.apply(o.text()), o.fraction(), f.apply(o.feedback()), o.fixed()))
                .toList();
        Authored a = d.authored();
        return new QuestionDraft(
                d.id(),
                f.apply(d.text()),
                options,
                d.single(),
                d.difficulty(),
                d.topic(),
                d.shuffle(),
                new Authored(a.name(), a.idNumber(), a.tags(), f.apply(a.feedback()), a.order()));
    }

    /** The SHA-256 of the bytes, 64 lower-case hex digits: a stored file's name. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Why a file of these bytes is refused, in words ({@link MediaSniffer#refusal}). */
    public static Text refusedBecause(byte[] bytes) {
        return text("refused." + MediaSniffer.refusal(bytes));
    }

    /** A question refers to a file its bank does not have. */
    public static Text unknownFile(String hash) {
        return text("media.unknown", "hash", hash);
    }

    /** "picture or sound", for {@code not-found}. */
    public static Text thing() {
        return text("thing.media");
    }

    /** Bytes as whole KiB, rounded up, for the sentences ({@code {size} KB}). */
    static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }

    static Text text(String key, Object... namedArgs) {
        return Text.of(TEXTS, key, namedArgs);
    }
}
