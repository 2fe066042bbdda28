package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.documents.BankDocuments;
import kz.emtihan.bank.model.BankAccess;
import kz.emtihan.bank.model.BankLife;
import kz.emtihan.bank.model.Conclusion;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;

/**
 * 5.27: the passport and each conclusion as PDF, in the bank's language of instruction (the passport's {@code
 * language}, else the caller's), for whoever may read the bank. Rendered on a worker thread.
 */
final class BankPapers {
    private final BankReviews reviews;

    BankPapers(BankReviews reviews) {
        this.reviews = reviews;
    }

    Future<byte[]> passport(Caller caller, String bankId, Language callers) {
        Banks banks = reviews.banks();
        return banks.allowed(caller, bankId, BankAccess.Action.READ).compose(h -> {
            Set<String> ids = new LinkedHashSet<>();
            h.life().approvals().forEach(a -> ids.add(a.by()));
            h.life().panel().values().forEach(ids::addAll);
            return Future.all(
                            banks.store().questionJsons(bankId),
                            reviews.people().named(List.copyOf(ids)))
                    .compose(done -> {
                        int count = done.<List<String>>resultAt(0).size();
                        Map<String, String> names = names(done.resultAt(1));
                        return banks.onWorker(() -> BankDocuments.passport(
                                bankId,
                                h.passport(),
                                h.life(),
                                count,
                                names,
                                BankDocuments.language(h.passport().language(), callers),
                                reviews.calendar().zone()));
                    });
        });
    }

    Future<byte[]> conclusion(Caller caller, String bankId, String number, Language callers) {
        Banks banks = reviews.banks();
        return banks.allowed(caller, bankId, BankAccess.Action.READ).compose(h -> {
            BankLife life = h.life();
            Conclusion c = life.conclusions().stream()
                    .filter(x -> String.valueOf(x.number()).equals(number))
                    .findFirst()
                    .orElseThrow(() -> Refusal.of(CommonRefusal.NOT_FOUND, BankTexts.thing("conclusion"), number));
            Optional<BankLife.Approval> reviewed =
                    c.round() >= 1 && c.round() <= life.approvals().size()
                            ? Optional.of(life.approvals().get(c.round() - 1))
                            : Optional.empty();
            return reviews.people()
                    .named(List.of(c.expert()))
                    .compose(named -> banks.onWorker(() -> BankDocuments.conclusion(
                            bankId,
                            h.passport(),
                            c,
                            named.getJsonObject(0).getString("name"),
                            reviewed,
                            BankDocuments.language(h.passport().language(), callers),
                            reviews.calendar().zone())));
        });
    }

    private static Map<String, String> names(JsonArray named) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Object o : named) out.put(((JsonObject) o).getString("id"), ((JsonObject) o).getString("name"));
        return out;
    }
}
