package kz.emtihan.bank.model;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/**
 * Refusals of a bank's life (5.19, 5.24-5.26, 5.31), declared beside the rules that give them ({@link BankLife},
 * {@link ExpertPanel}). Sentences in kk, ru and en: {@code kz/emtihan/bank/model/refusals_<lang>.properties}; each
 * names its clause, and the refusal carries it as {@code rule} too.
 */
public enum LifeRefusal implements RefusalCode {
    /** 5.31: the bank (and the grading of its exams) is locked until an administrator unlocks it. */
    BANK_LOCKED("bank-locked", Kind.CONFLICT),
    /** 5.31: unlocking a bank that is not locked. */
    BANK_NOT_LOCKED("bank-not-locked", Kind.CONFLICT),
    /** 5.24-5.26: an intermediate attestation or midterm on a bank not usable in {@code year}; {@code reason} why. */
    BANK_NOT_USABLE("bank-not-usable", Kind.CONFLICT, "year", "reason"),
    /** 5.19, 7.6: a bank with {@code count} validation problems is not put to a department meeting. */
    BANK_NOT_VALID("bank-not-valid", Kind.CONFLICT, "count"),
    /** 5.19: the bank is approved already; a change of its questions sends it back to draft first. */
    BANK_APPROVED("bank-approved", Kind.CONFLICT),
    /** 5.24: experts review an approved bank. */
    BANK_NOT_APPROVED("bank-not-approved", Kind.CONFLICT),
    /** 5.24: {@code expert} compiled the bank and may not review it. */
    EXPERT_IS_COMPILER("expert-is-compiler", Kind.CONFLICT, "expert"),
    /** 5.24: the caller is not on the bank's expert panel for {@code year}. */
    NOT_ON_PANEL("not-on-panel", Kind.FORBIDDEN, "year");

    private final Declared declared;

    LifeRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }

    /** The clause the refusal enforces, sent as {@code rule} beside the sentence. */
    public String rule() {
        return switch (this) {
            case BANK_LOCKED, BANK_NOT_LOCKED -> "5.31";
            case BANK_NOT_USABLE -> "5.24-5.26";
            case BANK_NOT_VALID -> "7.6";
            case BANK_APPROVED -> "5.19";
            case BANK_NOT_APPROVED, EXPERT_IS_COMPILER, NOT_ON_PANEL -> "5.24";
        };
    }
}
