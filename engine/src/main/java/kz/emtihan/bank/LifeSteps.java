package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.model.BankLife;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/**
 * One step of a bank's life (5.19, 5.24-5.26, 5.31), applied to the life as read and stored only if nobody changed it
 * meanwhile (else read again and applied again: the rule decides on what is stored now), with its entry in the bank's
 * audit trail written in the same Redis script.
 */
final class LifeSteps {
    private static final int TRIES = 8;
    private final BankStore store;

    LifeSteps(BankStore store) {
        this.store = store;
    }

    /** The new life and what the audit trail says of the step. */
    record Step(BankLife life, JsonObject entry) {}

    /** An audit entry: when, who, what. */
    static JsonObject entry(String action, Caller by, Instant at) {
        return new JsonObject().put("action", action).put("by", by.id()).put("at", at.toString());
    }

    /** Applies {@code step} (empty: nothing to do); the answer is the life as stored after it. */
    Future<BankLife> apply(String bankId, Function<BankStore.BankHeader, Optional<Step>> step) {
        return apply(bankId, step, 1);
    }

    private Future<BankLife> apply(String bankId, Function<BankStore.BankHeader, Optional<Step>> step, int tries) {
        return store.header(bankId).compose(found -> {
            BankStore.BankHeader h =
                    found.orElseThrow(() -> Refusal.of(CommonRefusal.NOT_FOUND, BankTexts.thing("bank"), bankId));
            Optional<Step> s = step.apply(h);
            if (s.isEmpty()) return Future.succeededFuture(h.life());
            return store.updateLife(
                            bankId, h.lifeJson(), s.get().life(), s.get().entry())
                    .compose(done -> {
                        if (done == 1) return Future.succeededFuture(s.get().life());
                        if (done < 0) throw Refusal.of(CommonRefusal.NOT_FOUND, BankTexts.thing("bank"), bankId);
                        if (tries >= TRIES) throw Refusal.of(CommonRefusal.STORE_UNAVAILABLE);
                        return apply(bankId, step, tries + 1);
                    });
        });
    }
}
