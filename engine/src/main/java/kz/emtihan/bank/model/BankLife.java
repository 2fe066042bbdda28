package kz.emtihan.bank.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Text;

/**
 * A bank's life (5.19, 5.24-5.26, 5.31): draft → approved at a department meeting → reviewed by the experts of the
 * academic year's panel → usable that year; locked when the period ends. Pure: each step returns the new life or
 * throws the refusal naming its clause. Decisions where the regulation is silent (docs/bank-life.md):
 *
 * <ul>
 *   <li>approval is recorded by a head of department or an admin, only for a bank that passes validation (7.6);
 *   <li>any change of the questions of an approved bank sends it back to draft: it needs a new approval and new
 *       conclusions (5.24 "renewed yearly"); conclusions on an earlier version stay in the record but no longer count;
 *   <li>usable in a year = approved, at least one conclusion on this version for that year, and the latest
 *       conclusion of every expert still on that year's panel says "may be used" (one "may not" is enough to stop it);
 *   <li>locked: nothing of the bank changes, its life neither, until an admin unlocks it with a reason.
 * </ul>
 */
public record BankLife(
        boolean approved,
        List<Approval> approvals,
        Map<String, List<String>> panel,
        List<Conclusion> conclusions,
        boolean locked,
        List<LockEvent> locks) {
    static final String TEXTS = "kz.emtihan.bank.model.life";
    public static final int MAX_TEXT = 2000;

    /** 5.19: a department meeting approved the bank (or the head recorded it): date, minutes number, who, when. */
    public record Approval(LocalDate meetingDate, String minutes, String by, Instant at) {}

    /** 5.31: a lock or an unlock, who, when, why, and the period it closes. */
    public record LockEvent(String action, String by, Instant at, String reason, String period) {}

    public BankLife {
        approvals = List.copyOf(approvals);
        Map<String, List<String>> p = new TreeMap<>();
        panel.forEach((y, ids) -> p.put(y, List.copyOf(ids)));
        panel = java.util.Collections.unmodifiableMap(p);
        conclusions = List.copyOf(conclusions);
        locks = List.copyOf(locks);
    }

    public static BankLife draft() {
        return new BankLife(false, List.of(), Map.of(), List.of(), false, List.of());
    }

    public String status() {
        return approved ? "approved" : "draft";
    }

    /** The approval in force; empty for a draft. */
    public Optional<Approval> approval() {
        return approved ? Optional.of(approvals.get(approvals.size() - 1)) : Optional.empty();
    }

    /** Which approval the bank is at: the number of approvals so far (conclusions on another one do not count). */
    public int round() {
        return approvals.size();
    }

    /** 5.31: throws unless the bank is open for change. */
    public void requireOpen() {
        if (locked) throw refusal(LifeRefusal.BANK_LOCKED);
    }

    /** 5.19: approval at a department meeting held on {@code meeting} (not after {@code today}), minutes {@code minutes}. */
    public BankLife approve(LocalDate meeting, String minutes, String by, Instant at, LocalDate today, int problems) {
        requireOpen();
        if (approved) throw refusal(LifeRefusal.BANK_APPROVED);
        if (meeting.isAfter(today))
            throw Refusal.of(
                    CommonRefusal.BAD_FIELD, "meetingDate", text("approval.future", "today", today.toString()));
        if (problems > 0) throw refusal(LifeRefusal.BANK_NOT_VALID, problems);
        List<Approval> all = new ArrayList<>(approvals);
        all.add(new Approval(meeting, minutes, by, at));
        return new BankLife(true, all, panel, conclusions, locked, locks);
    }

    /** 5.24: the bank's questions changed: an approved bank goes back to draft; empty when it was a draft already. */
    public Optional<BankLife> changed() {
        return approved
                ? Optional.of(new BankLife(false, approvals, panel, conclusions, locked, locks))
                : Optional.empty();
    }

    /** 5.24: the experts of {@code year}'s panel, replacing who was named for it (an empty list clears it). */
    public BankLife assign(String year, List<String> experts) {
        requireOpen();
        Map<String, List<String>> p = new LinkedHashMap<>(panel);
        if (experts.isEmpty()) p.remove(year);
        else p.put(year, experts);
        return new BankLife(approved, approvals, p, conclusions, locked, locks);
    }

    public List<String> panelOf(String year) {
        return panel.getOrDefault(year, List.of());
    }

    /**
     * 5.24-5.26: a new conclusion of {@code c.expert()} for {@code c.academicYear()} on the approved version (its
     * number and round are given here). {@code compiler}: the expert compiled the bank ({@link ExpertPanel}).
     */
    public BankLife conclude(Conclusion c, boolean compiler) {
        if (!panelOf(c.academicYear()).contains(c.expert())) // who first: 403 whatever the bank's state
        throw refusal(LifeRefusal.NOT_ON_PANEL, c.academicYear());
        requireOpen();
        if (compiler) throw refusal(LifeRefusal.EXPERT_IS_COMPILER, c.expert());
        if (!approved) throw refusal(LifeRefusal.BANK_NOT_APPROVED);
        if (c.contradicts()) throw Refusal.of(CommonRefusal.BAD_FIELD, "decision", text("conclusion.contradicts"));
        List<Conclusion> all = new ArrayList<>(conclusions);
        all.add(new Conclusion(
                conclusions.size() + 1,
                c.expert(),
                c.academicYear(),
                round(),
                c.standards(),
                c.difficulty(),
                c.wording(),
                c.decision(),
                c.at()));
        return new BankLife(approved, approvals, panel, all, locked, locks);
    }

    /** The conclusions that count for {@code year}: on this version, the latest of each expert still on the panel. */
    public List<Conclusion> counting(String year) {
        Map<String, Conclusion> latest = new LinkedHashMap<>();
        for (Conclusion c : conclusions)
            if (approved
                    && c.round() == round()
                    && c.academicYear().equals(year)
                    && panelOf(year).contains(c.expert())) latest.put(c.expert(), c);
        return List.copyOf(latest.values());
    }

    /** 5.24-5.26: why the bank may not be used in {@code year}; empty when it may. */
    public Optional<Text> whyNotUsable(String year) {
        if (!approved) return Optional.of(text("usable.not-approved"));
        List<Conclusion> counting = counting(year);
        if (counting.isEmpty()) return Optional.of(text("usable.no-conclusion", "year", year));
        for (Conclusion c : counting)
            if (c.decision() == Conclusion.Decision.MAY_NOT_BE_USED)
                return Optional.of(text("usable.may-not", "expert", c.expert(), "number", c.number()));
        return Optional.empty();
    }

    public boolean usable(String year) {
        return whyNotUsable(year).isEmpty();
    }

    /** 5.24-5.26: throws unless the bank is usable in {@code year}. */
    public void requireUsable(String year) {
        whyNotUsable(year).ifPresent(why -> {
            throw refusal(LifeRefusal.BANK_NOT_USABLE, year, why);
        });
    }

    /** 5.31: the administrator locks the bank and the grading of its exams when {@code period} ends. */
    public BankLife lock(String by, Instant at, String reason, String period) {
        requireOpen();
        List<LockEvent> all = new ArrayList<>(locks);
        all.add(new LockEvent("lock", by, at, reason, period));
        return new BankLife(approved, approvals, panel, conclusions, true, all);
    }

    /** 5.31: only a recorded unlock opens a locked bank again; the reason is required. */
    public BankLife unlock(String by, Instant at, String reason) {
        if (reason.isBlank()) throw Refusal.of(CommonRefusal.BAD_FIELD, "reason", text("unlock.reason"));
        if (!locked) throw refusal(LifeRefusal.BANK_NOT_LOCKED);
        List<LockEvent> all = new ArrayList<>(locks);
        String period = locks.isEmpty() ? "" : locks.get(locks.size() - 1).period();
        all.add(new LockEvent("unlock", by, at, reason, period));
        return new BankLife(approved, approvals, panel, conclusions, false, all);
    }

    public static Refusal refusal(LifeRefusal code, Object... args) {
        return Refusal.of(code, args).withDetails(Map.of("rule", code.rule()));
    }

    public static Text text(String key, Object... namedArgs) {
        return Text.of(TEXTS, key, namedArgs);
    }
}
