package kz.emtihan.bank;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Question;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/**
 * Classifies many questions at once (5.23.3). Each question is written only if it is still what was read, as an edit
 * in place is: an edit landing meanwhile is read again and kept, never undone, and a question deleted meanwhile stays
 * deleted.
 */
final class QuestionClassifier {
    private static final int TRIES = 8;

    private QuestionClassifier() {}

    /** Unknown ids are a 404 before anything is written. Returns how many questions changed. */
    static Future<Integer> classify(
            BankStore store, String bankId, Collection<String> questionIds, Optional<Difficulty> difficulty) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(questionIds));
        return store.questionJsons(bankId, ids).compose(found -> {
            for (String id : ids) {
                if (!found.containsKey(id)) throw Refusal.of(CommonRefusal.NOT_FOUND, BankTexts.thing("question"), id);
            }
            return written(store, bankId, found, difficulty, 1);
        });
    }

    private static Future<Integer> written(
            BankStore store, String bankId, Map<String, String> read, Optional<Difficulty> difficulty, int tries) {
        List<String> ids = new ArrayList<>();
        List<Future<Boolean>> writes = new ArrayList<>();
        read.forEach((id, json) -> {
            Question q = QuestionJson.fromStored(json);
            if (q.difficulty().equals(difficulty)) return;
            ids.add(id);
            writes.add(store.replaceQuestion(bankId, json, q.withDifficulty(difficulty)));
        });
        return Future.all(writes).compose(done -> {
            List<String> lost = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) if (!done.<Boolean>resultAt(i)) lost.add(ids.get(i));
            int changed = ids.size() - lost.size();
            if (lost.isEmpty()) return Future.succeededFuture(changed);
            if (tries >= TRIES) throw Refusal.of(CommonRefusal.STORE_UNAVAILABLE);
            return store.questionJsons(bankId, lost)
                    .compose(again -> written(store, bankId, again, difficulty, tries + 1))
                    .map(more -> changed + more);
        });
    }
}
