package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.model.BankAccess;
import kz.emtihan.bank.model.BankLife;
import kz.emtihan.bank.model.ExpertPanel;
import kz.emtihan.calendar.model.AcademicCalendar;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/**
 * 5.31: when the period ends the portal administrator locks the task base and the teacher's ability to grade. A lock
 * names the period it closes (the current one unless given) and an optional reason; an unlock needs its reason. Both
 * are kept in the bank's life (who, when, why) and in its audit trail. Many banks can be locked at once.
 */
public final class BankLocks {
    static final int MAX_BANKS = 500;
    private final Banks banks;
    private final AcademicCalendar calendar;

    public BankLocks(Banks banks, AcademicCalendar calendar) {
        this.banks = banks;
        this.calendar = calendar;
    }

    /** {@code {reason?, period?}}; an admin only (the route says so). */
    public Future<BankLife> lock(Caller caller, String bankId, JsonObject body) {
        String reason = reason(body, false);
        String period = period(body);
        return banks.allowed(caller, bankId, BankAccess.Action.READ)
                .compose(h -> lockOne(caller, bankId, reason, period));
    }

    private Future<BankLife> lockOne(Caller caller, String bankId, String reason, String period) {
        Instant now = Instant.now();
        return banks.life()
                .apply(
                        bankId,
                        h -> Optional.of(new LifeSteps.Step(
                                h.life().lock(caller.id(), now, reason, period),
                                LifeSteps.entry("locked", caller, now)
                                        .put("reason", reason)
                                        .put("period", period))));
    }

    /** {@code {reason}}: only a recorded unlock with its reason opens a locked bank again (5.31). */
    public Future<BankLife> unlock(Caller caller, String bankId, JsonObject body) {
        String reason = reason(body, true);
        Instant now = Instant.now();
        return banks.allowed(caller, bankId, BankAccess.Action.READ)
                .compose(x -> banks.life()
                        .apply(
                                bankId,
                                h -> Optional.of(new LifeSteps.Step(
                                        h.life().unlock(caller.id(), now, reason),
                                        LifeSteps.entry("unlocked", caller, now).put("reason", reason)))));
    }

    /**
     * {@code {bankIds, reason?, period?}}: locks every bank named (those locked already are reported, not locked
     * again). Every id must name a bank, else nothing is locked.
     */
    public Future<JsonObject> lockMany(Caller caller, JsonObject body) {
        String reason = reason(body, false);
        String period = period(body);
        if (!(body.getValue("bankIds") instanceof JsonArray arr) || arr.isEmpty() || arr.size() > MAX_BANKS)
            throw Refusal.of(CommonRefusal.BAD_FIELD, "bankIds", BankLife.text("lock.banks"));
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (Object o : arr) {
            if (!(o instanceof String s) || s.isEmpty() || s.length() > 64)
                throw Refusal.of(CommonRefusal.BAD_FIELD, "bankIds", BankLife.text("lock.banks"));
            ids.add(s);
        }
        List<Future<BankStore.BankHeader>> found = new ArrayList<>();
        for (String id : ids) found.add(banks.allowed(caller, id, BankAccess.Action.READ));
        return Future.all(found).compose(all -> {
            JsonArray locked = new JsonArray();
            JsonArray already = new JsonArray();
            Future<Void> chain = Future.succeededFuture();
            for (int i = 0; i < all.size(); i++) {
                BankStore.BankHeader h = all.resultAt(i);
                if (h.life().locked()) {
                    already.add(h.id());
                    continue;
                }
                chain = chain.compose(v -> lockOne(caller, h.id(), reason, period)
                        .map(l -> {
                            locked.add(h.id());
                            return (Void) null;
                        })
                        .recover(err -> {
                            if (err instanceof Refusal r && r.code() == kz.emtihan.bank.model.LifeRefusal.BANK_LOCKED) {
                                already.add(h.id()); // locked meanwhile by someone else
                                return Future.succeededFuture();
                            }
                            return Future.failedFuture(err);
                        }));
            }
            return chain.map(v ->
                    new JsonObject().put("period", period).put("locked", locked).put("alreadyLocked", already));
        });
    }

    private static String reason(JsonObject body, boolean required) {
        Object r = body.getValue("reason");
        if (r == null && !required) return "";
        if (r instanceof String s && s.length() <= BankLife.MAX_TEXT && !(required && s.isBlank())) return s.strip();
        throw Refusal.of(CommonRefusal.BAD_FIELD, "reason", BankLife.text(required ? "unlock.reason" : "lock.reason"));
    }

    /** The period a lock closes: given as "2026-2027/autumn", else the one of today (5.31). */
    private String period(JsonObject body) {
        String current = calendar.periodAt(Instant.now())
                .map(AcademicCalendar.Period::key)
                .orElse("");
        Object p = body.getValue("period");
        if (p == null) return current;
        if (p instanceof String s && s.contains("/")) {
            String year = s.substring(0, s.indexOf('/'));
            String name = s.substring(s.indexOf('/') + 1);
            if (ExpertPanel.firstYear(year).isPresent()
                    && calendar.periods().stream().anyMatch(r -> r.name().equals(name))) return s;
        }
        throw Refusal.of(CommonRefusal.BAD_FIELD, "period", BankLife.text("lock.period", "example", current));
    }
}
