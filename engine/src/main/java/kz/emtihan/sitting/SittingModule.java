package kz.emtihan.sitting;

import kz.emtihan.auth.Users;
import kz.emtihan.config.MailSettings;
import kz.emtihan.config.Regulation;
import kz.emtihan.live.LiveHub;
import kz.emtihan.live.LiveRegistry;
import kz.emtihan.live.RoomMedia;
import kz.emtihan.live.Rooms;
import kz.emtihan.store.RedisStore;

/**
 * The oral final attestation context (issue 5), wired over the store. Accounts give the people's names in a sitting's
 * view, the students' enrolment photos for the identity check (6.15.6) and the commission's addresses for the copies
 * of acts (6.15.2), sent over {@code mail}'s SMTP server if any.
 */
public record SittingModule(
        Sittings sittings,
        SittingSteps steps,
        SittingAfter after,
        SittingPostponements postponements,
        SittingPapers papers,
        SittingPhotos photos,
        kz.emtihan.live.RoomAccess room,
        SittingInterventions interventions) {
    public static SittingModule create(
            io.vertx.core.Vertx vertx,
            RedisStore redis,
            Regulation regulation,
            LiveHub live,
            Users users,
            MailSettings mail) {
        Sittings sittings =
                new Sittings(new SittingStore(redis), regulation.finalAttestation(), live, new SittingPeople(users));
        SittingPapers papers = new SittingPapers(vertx, sittings);
        return new SittingModule(
                sittings,
                new SittingSteps(sittings, regulation.scale()),
                new SittingAfter(
                        sittings,
                        new ActMail(vertx, sittings, papers, users, mail),
                        regulation.scale(),
                        regulation.calendar()),
                new SittingPostponements(sittings, redis.redis()),
                papers,
                new SittingPhotos(sittings, redis.redis(), users.photos()),
                new SittingRoom(sittings),
                new SittingInterventions(sittings, regulation.scale()));
    }

    /** Issue 16 (3): who is told of a sitting's final results (plugged in by the LMS's grade services). */
    public SittingResults.Slot finalResults() {
        return sittings.finals();
    }

    /**
     * Plugs the sittings into the live socket: a participant's page follows its sitting, and the commission and the
     * student being examined sit in its video room (whose media is {@code media}: browser to browser, or a server's).
     */
    public void plugInto(LiveRegistry live, RoomMedia media) {
        live.register(new SittingFeed(sittings)).register(new Rooms("sitting", live.hub(), room, media));
    }
}
