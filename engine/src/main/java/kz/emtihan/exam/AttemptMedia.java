package kz.emtihan.exam;

import io.vertx.core.Future;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.BankMediaStore;
import kz.emtihan.bank.media.ImportMedia;
import kz.emtihan.bank.media.MediaRefs;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.exam.model.Paper;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/**
 * The pictures and sounds of a student's own paper (issue 12, 2): only the attempt's student, only a file that a
 * question of their paper shows (its text or an option: the frozen questions of the exam snapshot, never feedback),
 * and only while the attempt shows its questions (not while it is held for its identity step, 5.17.2). Any other file
 * of the bank, or of another student's paper, is "not found". The files stay in the bank's store, which never deletes
 * one ({@link BankMediaStore}), so a question edited or deleted after the exam was scheduled still shows its picture.
 */
public final class AttemptMedia {
    private final AttemptReads reads;
    private final AttemptStore store;
    private final BankMediaStore media;
    /** exam id + question id → the files the question shows to a student: frozen questions, so kept for good. */
    private final java.util.Map<String, Set<String>> shown = new java.util.concurrent.ConcurrentHashMap<>();

    AttemptMedia(AttemptReads reads, AttemptStore store, BankMediaStore media) {
        this.reads = reads;
        this.store = store;
        this.media = media;
    }

    /** 403 for another person's attempt, 404 for a file not on the caller's paper. */
    public Future<MediaFile> file(Caller caller, String attemptId, String hash) {
        return reads.owned(caller, attemptId)
                .compose(a -> reads.facts(attemptId)
                        .compose(facts ->
                                facts.held() || !MediaRefs.HASH.matcher(hash).matches()
                                        ? Future.failedFuture(notFound(hash))
                                        : reads.exams().snapshot(a.examId()).compose(snap -> {
                                            if (!onPaper(a, snap, shown).contains(hash))
                                                return Future.failedFuture(notFound(hash));
                                            return media.get(snap.exam().bankId(), List.of(hash))
                                                    .map(found -> {
                                                        MediaFile f = found.get(hash);
                                                        if (f == null) throw notFound(hash);
                                                        return f;
                                                    });
                                        })));
    }

    /** The files the questions of the attempt's paper show, as the student's view has them (AttemptJson). */
    static Set<String> onPaper(Attempt a, ExamSnapshot snap, java.util.Map<String, Set<String>> cache) {
        Set<String> out = new HashSet<>();
        for (Paper.Item item : a.paper().items()) {
            Question q = snap.byId().get(item.questionId());
            if (q == null) continue;
            out.addAll(cache.computeIfAbsent(snap.exam().id() + "\n" + q.id(), k -> shownBy(q)));
        }
        return out;
    }

    /** The files a question shows to a student: its text and its options (every option is on each paper). */
    private static Set<String> shownBy(Question q) {
        Set<String> out = new HashSet<>(MediaRefs.hashes(q.text()));
        for (Option o : q.options()) out.addAll(MediaRefs.hashes(o.text()));
        return Set.copyOf(out);
    }

    private static Refusal notFound(String hash) {
        return Refusal.of(CommonRefusal.NOT_FOUND, ImportMedia.thing(), hash);
    }
}
