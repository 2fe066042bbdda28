package kz.emtihan.sitting.model;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/**
 * The refusals of the oral final attestation (6.15-6.15.6), declared once. Sentences in kk, ru and en:
 * {@code kz/emtihan/sitting/refusals_<lang>.properties}. Declared here, beside the rules that give most of them, so
 * the pure aggregate ({@link Sitting}) and the table ({@link StudentFlow}) refuse without depending on the services'
 * package; the words its arguments name (steps, states, things, rules) are {@link SittingWords}. Forbidden and
 * not-found are the common refusals ({@code kz.emtihan.refusal.CommonRefusal}).
 */
public enum SittingRefusal implements RefusalCode {
    /** A step out of the order of 6.15.6: {@code step} and {@code state} in words, {@code rule} the rule it broke. */
    WRONG_ORDER("wrong-order", Kind.CONFLICT, "step", "state", "rule"),
    /** The step is done already (a check, an application, an appeal): {@code rule} says what stands. */
    ALREADY("already", Kind.CONFLICT, "rule"),
    SITTING_CLOSED("sitting-closed", Kind.CONFLICT),
    /** 6.15.6: a step of the exam on another day than the sitting's ({@code date} in {@code zone}). */
    NOT_SITTING_DAY("not-sitting-day", Kind.CONFLICT, "date", "zone"),
    /** 6.15.3: after the sitting closed only an absent student applies, within the limits: {@code rule}. */
    APPLICATION_LATE("application-late", Kind.CONFLICT, "rule"),
    /** 6.15.3: a student carried into a later sitting is examined before their "I" runs out, at {@code deadline}. */
    CARRIED_LATE("carried-late", Kind.CONFLICT, "deadline"),
    /** The enrolment photo is the account's, kept by an administrator on the users page (405 as documented). */
    READ_ONLY_PHOTO("read-only-photo", Kind.READ_ONLY),
    /** 6.15.4: an appeal is filed once the sitting is closed. */
    SITTING_OPEN("sitting-open", Kind.CONFLICT),
    /** 6.15.4: the 48 hours ended at {@code deadline}. */
    APPEAL_LATE("appeal-late", Kind.CONFLICT, "deadline"),
    /** 6.15.6: a check is confirmed with the photo of {@code kind}. */
    PHOTO_MISSING("photo-missing", Kind.CONFLICT, "kind"),
    NO_TICKETS("no-tickets", Kind.CONFLICT),
    TICKETS_DRAWN("tickets-drawn", Kind.CONFLICT),
    /** {@code what} (an act, an application) is decided already. */
    DECIDED("decided", Kind.CONFLICT, "what"),
    /** 6.15.5: the appeal commission has not decided yet, so there is no decision to print. */
    NOT_DECIDED("not-decided", Kind.CONFLICT),
    /** The sitting changed too often while this change was being made. */
    BUSY("busy", Kind.CONFLICT),
    /** The step's own rule refuses the values given: {@code rule}. */
    BAD_STEP("bad-step", Kind.INVALID, "rule"),
    NOT_CONFIRMED("not-confirmed", Kind.INVALID),
    /** 6.15.6: {@code item} of the room checklist ({@code items}) is not confirmed. */
    CHECKLIST("checklist", Kind.INVALID, "item", "items"),
    BAD_DOCUMENT("bad-document", Kind.INVALID),

    /** {@code count} fields of a new sitting are wrong, each in the problems. */
    INVALID_SITTING("invalid-sitting", Kind.INVALID, "count"),
    /** {@code count} tickets (or CSV rows) are wrong, each in the problems. */
    INVALID_TICKETS("invalid-tickets", Kind.INVALID, "count");

    private final Declared declared;

    SittingRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }

    /** The sentences are the sitting context's: {@code kz/emtihan/sitting/refusals_<lang>.properties}. */
    @Override
    public String bundle() {
        return "kz.emtihan.sitting.refusals";
    }
}
