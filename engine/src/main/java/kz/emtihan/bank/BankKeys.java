package kz.emtihan.bank;

import kz.emtihan.store.Slots;

/** Every Redis key of the question-bank context, spelled once. */
public final class BankKeys {
    private BankKeys() {}

    /** Set of every bank id. */
    public static String banks() {
        return "banks";
    }

    /** The bank's hash (passport, owner, co-authors). */
    public static String bank(String id) {
        return "bank:" + id;
    }

    /** The bank's questions: question id -> JSON. */
    public static String bankQuestions(String id) {
        return "bank:" + id + ":questions";
    }

    /** The bank's pictures and sounds: {@code <sha256>} -> bytes, {@code <sha256>:type} -> media type. */
    public static String bankMedia(String id) {
        return "bank:" + id + ":media";
    }

    /**
     * The bank's audit trail: JSON entries of its life's steps (5.19, 5.24-5.26, 5.31), oldest first. Issue 14 (2): in
     * the slot of the bank's hash ({@code {bank:<id>}:trail}), so update-life.lua runs on a Cluster.
     */
    public static String bankTrail(String id) {
        return Slots.beside(bank(id), ":trail");
    }

    /** The trail's name before issue 14 (renamed once by {@code upgrade.SlottedKeys}). */
    public static String bankTrailBefore14(String id) {
        return "bank:" + id + ":trail";
    }
}
