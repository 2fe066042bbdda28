package kz.emtihan.registry;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Users;
import kz.emtihan.bank.BankStore;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.ExamRecords;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamKind;
import kz.emtihan.grade.model.CountingResult;
import kz.emtihan.registry.model.Admission;
import kz.emtihan.registry.model.ExamLine;
import kz.emtihan.registry.model.FinalRating;
import kz.emtihan.registry.model.RetakeChain;
import kz.emtihan.registry.model.Scored;

/**
 * An exam's registry lines (5.30, 5.33, 6.10, 5.36-5.38): every roster student (and anyone with an attempt) with name
 * and group, the admission rating by {@link Admission}'s order, the exam's grade, the final rating, and in a chain of
 * retakes which result counts. Only for a caller who may read the exam's results (ExamAccess RESULTS: its teacher,
 * its proctors, registrars, admins), asked before anything else is read.
 */
final class ExamRegistry {
    private final ExamRecords records;
    private final BankStore banks;
    private final Users users;
    private final Regulation regulation;

    ExamRegistry(ExamRecords records, BankStore banks, Users users, Regulation regulation) {
        this.records = records;
        this.banks = banks;
        this.users = users;
        this.regulation = regulation;
    }

    /** The exam as the registry describes it, and its lines in roster order (by name). */
    record Report(
            Exam exam,
            String discipline,
            String programme,
            Optional<String> language,
            String teacher,
            boolean chain,
            List<ExamLine> lines) {}

    Future<Report> report(Caller caller, String examId) {
        return records.allowed(caller, examId)
                .compose(exam -> Future.all(records.all(), banks.header(exam.bankId()))
                        .compose(done -> {
                            List<Exam> all = done.resultAt(0);
                            Optional<BankStore.BankHeader> bank = done.resultAt(1);
                            return compute(exam, all, bank);
                        }));
    }

    private Future<Report> compute(Exam exam, List<Exam> all, Optional<BankStore.BankHeader> bank) {
        String discipline = bank.map(b -> b.passport().discipline()).orElse("");
        Map<String, RetakeChain.Link> links = new HashMap<>();
        for (Exam e : all) links.put(e.id(), new RetakeChain.Link(e.id(), e.opensAt(), e.retakeOf()));
        List<RetakeChain.Link> chain = RetakeChain.of(exam.id(), links);
        Map<String, String> titles = new HashMap<>();
        for (Exam e : all) titles.put(e.id(), e.title());
        return midtermExams(exam, all, discipline).compose(midterms -> {
            List<String> chainIds = chain.size() > 1
                    ? chain.stream().map(RetakeChain.Link::examId).toList()
                    : List.of(exam.id());
            Set<String> needed = new LinkedHashSet<>(chainIds);
            needed.add(exam.id());
            needed.addAll(midterms);
            List<String> ids = new ArrayList<>(needed);
            List<Future<Map<String, ExamRecords.Result>>> reads = new ArrayList<>();
            for (String id : ids) reads.add(records.results(id));
            return Future.all(Future.all(reads), records.roster(exam.id())).compose(done -> {
                Map<String, Map<String, ExamRecords.Result>> results = new HashMap<>();
                for (int i = 0; i < ids.size(); i++)
                    results.put(ids.get(i), reads.get(i).result());
                ExamRecords.Roster roster = done.resultAt(1);
                Set<String> students = new LinkedHashSet<>(roster.students());
                students.addAll(new TreeSet<>(results.get(exam.id()).keySet()));
                Set<String> named = new LinkedHashSet<>(students);
                named.add(exam.owner());
                return users.profiles(named).map(profiles -> {
                    List<ExamLine> lines = new ArrayList<>();
                    for (String s : students) {
                        Users.Profile p = profiles.get(s);
                        lines.add(line(
                                exam.id(),
                                s,
                                p == null ? s : p.name(),
                                p == null ? "" : p.group().orElse(""),
                                roster,
                                results,
                                midterms,
                                chain.size() > 1 ? chain : List.of(),
                                titles));
                    }
                    // by name in the Unicode collation order (Latin, then Cyrillic with Kazakh letters in place)
                    java.text.Collator byName = java.text.Collator.getInstance(java.util.Locale.ROOT);
                    lines.sort(java.util.Comparator.comparing(ExamLine::name, byName)
                            .thenComparing(ExamLine::studentId));
                    return new Report(
                            exam,
                            discipline,
                            bank.map(b -> b.passport().programme()).orElse(""),
                            bank.map(b -> b.passport().language()),
                            Optional.ofNullable(profiles.get(exam.owner()))
                                    .map(Users.Profile::name)
                                    .orElse(exam.owner()),
                            chain.size() > 1,
                            lines);
                });
            });
        });
    }

    private ExamLine line(
            String examId,
            String student,
            String name,
            String group,
            ExamRecords.Roster roster,
            Map<String, Map<String, ExamRecords.Result>> results,
            List<String> midterms,
            List<RetakeChain.Link> chain,
            Map<String, String> titles) {
        List<Optional<Double>> fromExams = new ArrayList<>();
        if (midterms.size() == 2)
            for (String m : midterms)
                fromExams.add(Optional.ofNullable(results.get(m).get(student))
                        .flatMap(ExamRecords.Result::grade)
                        .map(ExamRecords.Scored::percent));
        // 5.30, 6.10: the roster's midterms, else its admission rating, else the engine's two midterm exams
        Admission admission = Admission.decide(
                Optional.ofNullable(roster.midterms().get(student)),
                Optional.ofNullable(roster.admission().get(student)),
                fromExams);
        Optional<ExamRecords.Result> result =
                Optional.ofNullable(results.get(examId).get(student));
        Optional<Scored> grade = result.flatMap(ExamRecords.Result::grade)
                .map(g -> new Scored(g.points(), g.percent(), g.letter(), g.gpa(), g.traditional()));
        Optional<FinalRating> rating =
                FinalRating.of(regulation.rating(), regulation.scale(), admission.rating(), grade.map(Scored::percent));
        Optional<Boolean> counts = Optional.empty();
        Optional<String> counting = Optional.empty();
        if (!chain.isEmpty()) {
            List<CountingResult.Sitting<ExamRecords.Result>> sittings = new ArrayList<>();
            for (RetakeChain.Link l : chain)
                sittings.add(new CountingResult.Sitting<>(
                        l.examId(),
                        l.opensAt(),
                        Optional.ofNullable(results.get(l.examId()).get(student))
                                .filter(r -> r.grade().isPresent())));
            // 5.36-5.38: the latest graded result of the chain counts
            Optional<String> which = CountingResult.counting(sittings).map(CountingResult.Sitting::examId);
            counts = Optional.of(which.map(examId::equals).orElse(false));
            counting = which.map(titles::get);
        }
        return new ExamLine(
                student,
                name,
                group,
                admission,
                result.map(ExamRecords.Result::status).orElse("not-started"),
                grade,
                rating,
                counts,
                counting);
    }

    /**
     * 6.10: the engine's midterm exams of the discipline (its bank's passport) in the same academic period
     * (regulation.yaml {@code calendar}), the first two by opening; none unless there are two. Only an intermediate
     * attestation is admitted by them (5.30); other controls take midterms only from their roster.
     */
    private Future<List<String>> midtermExams(Exam exam, List<Exam> all, String discipline) {
        if (exam.kind() != ExamKind.INTERMEDIATE_ATTESTATION || discipline.isEmpty())
            return Future.succeededFuture(List.of());
        String period = period(exam.opensAt());
        List<Exam> candidates = all.stream()
                .filter(e -> e.kind() == ExamKind.MIDTERM && period.equals(period(e.opensAt())))
                .toList();
        List<Future<Optional<BankStore.BankHeader>>> headers = new ArrayList<>();
        for (Exam e : candidates) headers.add(banks.header(e.bankId()));
        return Future.all(headers).map(done -> {
            List<String> same = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                Optional<BankStore.BankHeader> h = done.resultAt(i);
                if (h.isPresent() && discipline.equals(h.get().passport().discipline()))
                    same.add(candidates.get(i).id());
            }
            return same.size() >= 2 ? same.subList(0, 2) : List.<String>of();
        });
    }

    private String period(Instant at) {
        return regulation.calendar().periodAt(at).map(p -> p.key()).orElse("");
    }
}
