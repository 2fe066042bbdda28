package kz.emtihan.sitting;

import kz.emtihan.config.Regulation;
import kz.emtihan.live.LiveHub;
import kz.emtihan.store.RedisStore;

/** The oral final attestation context (issue 5), wired over the store. */
public record SittingModule(Sittings sittings, SittingSteps steps, SittingAfter after, SittingPostponements postponements,
                            SittingPapers papers, SittingPhotos photos, kz.emtihan.live.RoomAccess room) {
  public static SittingModule create(io.vertx.core.Vertx vertx, RedisStore redis, Regulation regulation, LiveHub live) {
    Sittings sittings = new Sittings(new SittingStore(redis.redis()), regulation.finalAttestation(), live);
    return new SittingModule(sittings, new SittingSteps(sittings, regulation.scale()), new SittingAfter(sittings),
        new SittingPostponements(sittings, redis.redis()), new SittingPapers(vertx, sittings),
        new SittingPhotos(sittings, redis.redis()), new SittingRoom(sittings));
  }
}
