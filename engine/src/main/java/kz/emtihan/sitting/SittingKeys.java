package kz.emtihan.sitting;

import kz.emtihan.store.Slots;

/**
 * Every Redis key and channel of the sitting context, spelled here only. A sitting's document and version are in the
 * hash {@link #sitting}, the secret seed of its draw apart from it ({@link #seed}: no view can leak it before it is
 * revealed), the ids in the set {@link #ALL}; the bytes of the check photos and of the postponement scans beside
 * them; a change is published on {@link #channel} for the sitting's live pages (replace-sitting.lua).
 */
public final class SittingKeys {
    /** The set of every sitting's id. */
    static final String ALL = "sittings";

    private SittingKeys() {}

    /** The hash {@code version}, {@code doc} of one sitting. */
    static String sitting(String id) {
        return "sitting:" + id;
    }

    /**
     * The secret seed of the ticket draw. Issue 14 (2): in the slot of the sitting's hash ({@code {sitting:<id>}:seed}),
     * so a sitting is never stored without its seed, on a Cluster too.
     */
    public static String seed(String id) {
        return Slots.beside(sitting(id), ":seed");
    }

    /** The seed's name before issue 14 (renamed once by {@code upgrade.SlottedKeys}). */
    public static String seedBefore14(String id) {
        return sitting(id) + ":seed";
    }

    /** The set of every sitting's id. */
    public static String all() {
        return ALL;
    }

    /** The bytes of one check photo (6.15.6): id-card, identity or room. */
    static String photo(String id, String student, String kind) {
        return sitting(id) + ":photo:" + student + ":" + kind;
    }

    /** The scanned document of one application to postpone (6.15.2-6.15.3). */
    static String postponementScan(String id, String postponementId) {
        return sitting(id) + ":postponement:" + postponementId;
    }

    /** Where a sitting's changes are published for its live pages. */
    public static String channel(String id) {
        return SittingFeed.TOPIC.channel(id);
    }
}
