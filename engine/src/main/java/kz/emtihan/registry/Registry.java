package kz.emtihan.registry;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Users;
import kz.emtihan.bank.Banks;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.ExamModule;
import kz.emtihan.exam.ExamRecords;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.registry.model.ExamLine;
import kz.emtihan.registry.model.FinalRating;
import kz.emtihan.registry.model.LetterTotals;
import kz.emtihan.registry.model.RegistrySheets;
import kz.emtihan.registry.model.Scored;
import kz.emtihan.registry.model.Sheet;
import kz.emtihan.sitting.Sittings;
import kz.emtihan.text.Language;

/**
 * The registry (issue 13, 5: 5.30, 5.33, 5.36-5.38, 6.10): the exams and sittings a caller may read, their exports
 * (CSV, CSV with {@code ;}, XLSX) with names, ratings and grades, and an exam's grade sheet as PDF. Files are written
 * off the event loop.
 */
public final class Registry {
    private final Vertx vertx;
    private final ExamRecords records;
    private final ExamRegistry exams;
    private final SittingRegistry sittings;
    private final Regulation regulation;

    private Registry(Vertx vertx, ExamRecords records, ExamRegistry exams, SittingRegistry sittings, Regulation r) {
        this.vertx = vertx;
        this.records = records;
        this.exams = exams;
        this.sittings = sittings;
        this.regulation = r;
    }

    public static Registry create(
            Vertx vertx,
            ExamModule exam,
            Redis redis,
            Banks banks,
            Users users,
            Sittings sittings,
            Regulation regulation) {
        ExamRecords records = ExamRecords.of(exam, redis);
        return new Registry(
                vertx,
                records,
                new ExamRegistry(records, banks.store(), users, regulation),
                new SittingRegistry(sittings, users),
                regulation);
    }

    /** A file to send: its bytes, type and name. */
    public record Download(byte[] body, String contentType, String fileName) {}

    /** The exams whose results the caller may read and the sittings they may read, for the registry page. */
    public Future<JsonObject> index(Caller caller) {
        return Future.all(records.readable(caller), sittings.readable(caller)).map(done -> {
            JsonArray exams = new JsonArray();
            for (kz.emtihan.exam.model.Exam e : done.<List<kz.emtihan.exam.model.Exam>>resultAt(0)) {
                JsonObject o = new JsonObject()
                        .put("id", e.id())
                        .put("title", e.title())
                        .put("kind", e.kind().code())
                        .put("opensAt", e.opensAt().toString())
                        .put("closesAt", e.closesAt().toString());
                e.retakeOf().ifPresent(r -> o.put("retakeOf", r));
                exams.add(o);
            }
            JsonArray sits = new JsonArray();
            for (JsonObject d : done.<List<JsonObject>>resultAt(1))
                sits.add(new JsonObject()
                        .put("id", d.getString("id"))
                        .put("title", d.getString("title"))
                        .put("kind", d.getString("kind"))
                        .put("date", d.getString("date")));
            return new JsonObject().put("exams", exams).put("sittings", sits);
        });
    }

    /** An exam's registry lines as JSON (the page's table and its groups). */
    public Future<JsonObject> exam(Caller caller, String examId, Optional<String> group) {
        return exams.report(caller, examId).map(r -> {
            JsonArray rows = new JsonArray();
            for (ExamLine l : filtered(r.lines(), group)) rows.add(RegistryJson.line(l));
            return new JsonObject()
                    .put("id", r.exam().id())
                    .put("title", r.exam().title())
                    .put("kind", r.exam().kind().code())
                    .put("discipline", r.discipline())
                    .put("programme", r.programme())
                    .put("teacher", r.teacher())
                    .put("retakes", r.chain())
                    .put("groups", new JsonArray(groups(r.lines())))
                    .put("rows", rows);
        });
    }

    public Future<Download> examExport(
            Caller caller, String examId, Exports.Format format, Optional<String> group, Language language) {
        return exams.report(caller, examId).compose(r -> {
            List<ExamLine> lines = filtered(r.lines(), group);
            Sheet sheet = RegistrySheets.exam(r.exam().title(), lines, r.chain(), RegistryWords.in(language));
            return vertx.executeBlocking(
                    () -> new Download(
                            Exports.write(sheet, format),
                            format.contentType(),
                            "registry-" + examId
                                    + group.map(g -> "-" + fileSafe(g)).orElse("") + "." + format.extension()),
                    false);
        });
    }

    /** 5.33: the grade sheet, in {@code language} if given, else the exam's (its bank's passport), else the caller's. */
    public Future<Download> gradeSheet(
            Caller caller, String examId, Optional<String> group, Optional<Language> language, Language callers) {
        return exams.report(caller, examId).compose(r -> {
            List<ExamLine> lines = filtered(r.lines(), group);
            Language lang =
                    language.or(() -> r.language().flatMap(Language::parse)).orElse(callers);
            java.util.function.UnaryOperator<String> words = RegistryWords.in(lang);
            List<GradeSheetPdf.Line> printed = new ArrayList<>();
            List<Optional<String>> letters = new ArrayList<>();
            for (ExamLine l : lines) {
                // the final rating's grade when there is one (6.10); else the exam's own (a control with no admission)
                Optional<String> letter = l.finalRating()
                        .map(f -> f.band().letter())
                        .or(() -> l.exam().map(Scored::letter));
                Optional<Double> gpa = l.finalRating()
                        .map(f -> f.band().gpa())
                        .or(() -> l.exam().map(Scored::gpa));
                Optional<String> traditional = l.finalRating()
                        .map(f -> f.band().traditional())
                        .or(() -> l.exam().map(Scored::traditional));
                letters.add(letter);
                printed.add(new GradeSheetPdf.Line(
                        l.name(),
                        number(l.admission().rating(), lang),
                        number(l.exam().map(Scored::percent), lang),
                        number(l.finalRating().map(FinalRating::rating), lang),
                        letter,
                        number(gpa, lang),
                        traditional.map(t -> words.apply("traditional." + t)).orElse("—")));
            }
            GradeSheetPdf.Document doc = new GradeSheetPdf.Document(
                    lang,
                    r.discipline().isEmpty() ? r.exam().title() : r.discipline(),
                    r.programme(),
                    r.exam().kind().code(),
                    regulation.calendar().date(r.exam().opensAt()),
                    r.teacher(),
                    group,
                    regulation.rating().admissionPercent(),
                    regulation.rating().examPercent(),
                    printed,
                    LetterTotals.of(letters, regulation.scale()));
            return vertx.executeBlocking(
                    () -> new Download(
                            GradeSheetPdf.render(doc),
                            "application/pdf",
                            "grade-sheet-" + examId
                                    + group.map(g -> "-" + fileSafe(g)).orElse("") + ".pdf"),
                    false);
        });
    }

    public Future<Download> sittingExport(Caller caller, String sittingId, Exports.Format format, Language language) {
        return sittings.report(caller, sittingId, Instant.now()).compose(r -> {
            Sheet sheet = RegistrySheets.sitting(
                    r.sitting().getString("title", sittingId),
                    r.lines(),
                    r.members(),
                    r.names(),
                    RegistryWords.in(language));
            return vertx.executeBlocking(
                    () -> new Download(
                            Exports.write(sheet, format),
                            format.contentType(),
                            "registry-" + sittingId + "." + format.extension()),
                    false);
        });
    }

    private static List<ExamLine> filtered(List<ExamLine> lines, Optional<String> group) {
        if (group.isEmpty()) return lines;
        List<ExamLine> out =
                lines.stream().filter(l -> l.group().equals(group.get())).toList();
        if (out.isEmpty()) throw Refusal.of(CommonRefusal.NOT_FOUND, RegistryWords.group(), group.get());
        return out;
    }

    private static List<String> groups(List<ExamLine> lines) {
        TreeSet<String> out = new TreeSet<>();
        for (ExamLine l : lines) if (!l.group().isEmpty()) out.add(l.group());
        return new ArrayList<>(out);
    }

    /** A number as printed: a decimal comma in Kazakh and Russian, a point in English. */
    private static String number(Optional<Double> v, Language language) {
        return v.map(d -> Sheet.text(d, language != Language.EN)).orElse("—");
    }

    private static String fileSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
