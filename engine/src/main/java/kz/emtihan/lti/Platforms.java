package kz.emtihan.lti;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.emtihan.lti.model.LtiRefusal;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.model.PlatformCheck;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.store.RedisStore;

/**
 * Issue 16 (1): an administrator's registrations of LMS platforms, and those a platform makes itself (dynamic
 * registration). Each change goes to the audit trail ({@link LtiKeys#audit}) with who, when, and the registration
 * before and after, in the same MULTI as the change.
 */
public final class Platforms {
    private final RedisStore store;
    private final RedisLtiDirectory directory;
    private final Clock clock;
    private final FrameAncestors frames;

    public Platforms(RedisStore store, RedisLtiDirectory directory, Clock clock, FrameAncestors frames) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.frames = frames;
    }

    public RedisLtiDirectory directory() {
        return directory;
    }

    /** A registration from a request body; every bad field is a problem (400 with the first, nothing changes). */
    static Platform read(String id, JsonObject body) {
        List<Problem> problems = new ArrayList<>();
        List<String> deployments = new ArrayList<>();
        Object d = body.getValue("deploymentIds");
        if (d instanceof JsonArray a) {
            for (Object o : a)
                if (o instanceof String s) deployments.add(s.strip());
                else problems.add(Problem.field("deploymentIds", LtiTexts.field("list")));
        } else if (d != null) problems.add(Problem.field("deploymentIds", LtiTexts.field("list")));
        Platform p = new Platform(
                id,
                text(body, "name"),
                text(body, "issuer"),
                text(body, "clientId"),
                deployments,
                text(body, "authUrl"),
                text(body, "tokenUrl"),
                text(body, "jwksUrl"));
        for (var problem : PlatformCheck.problems(p))
            problems.add(Problem.field(problem.field(), LtiTexts.field(problem.key())));
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw Refusal.of(CommonRefusal.BAD_FIELD, first.at().get("field"), first.text())
                    .withProblems(problems);
        }
        return p;
    }

    private static String text(JsonObject body, String field) {
        return body.getValue(field) instanceof String s ? s.strip() : "";
    }

    public Future<Platform> create(String by, JsonObject body) {
        Platform p;
        try {
            p = read(UUID.randomUUID().toString(), body);
        } catch (Refusal bad) {
            return Future.failedFuture(bad);
        }
        return save(by, "platform-created", Optional.empty(), p);
    }

    public Future<Platform> update(String by, String id, JsonObject body) {
        return existing(id).compose(before -> {
            Platform p;
            try {
                p = read(id, body);
            } catch (Refusal bad) {
                return Future.failedFuture(bad);
            }
            return save(by, "platform-changed", Optional.of(before), p);
        });
    }

    /** Adds a deployment id to a registration (dynamic registration answers one per tool it installs). */
    Future<Platform> save(String by, String type, Optional<Platform> before, Platform p) {
        String index = RedisLtiDirectory.indexKey(p.issuer(), p.clientId());
        return store.redis()
                .send(Request.cmd(Command.HGET).arg(LtiKeys.platformIndex()).arg(index))
                .compose(owner -> {
                    if (owner != null && !owner.toString().equals(p.id()))
                        return Future.failedFuture(Refusal.of(LtiRefusal.PLATFORM_EXISTS, p.issuer(), p.clientId()));
                    List<Request> tx = new ArrayList<>();
                    tx.add(Request.cmd(Command.DEL).arg(LtiKeys.platform(p.id())));
                    tx.add(Request.cmd(Command.HSET)
                            .arg(LtiKeys.platform(p.id()))
                            .arg("name")
                            .arg(p.name())
                            .arg("issuer")
                            .arg(p.issuer())
                            .arg("clientId")
                            .arg(p.clientId())
                            .arg("deploymentIds")
                            .arg(new JsonArray(p.deploymentIds()).encode())
                            .arg("authUrl")
                            .arg(p.authUrl())
                            .arg("tokenUrl")
                            .arg(p.tokenUrl())
                            .arg("jwksUrl")
                            .arg(p.jwksUrl()));
                    tx.add(Request.cmd(Command.SADD).arg(LtiKeys.platforms()).arg(p.id()));
                    before.map(b -> RedisLtiDirectory.indexKey(b.issuer(), b.clientId()))
                            .filter(old -> !old.equals(index))
                            .ifPresent(old -> tx.add(Request.cmd(Command.HDEL)
                                    .arg(LtiKeys.platformIndex())
                                    .arg(old)));
                    tx.add(Request.cmd(Command.HSET)
                            .arg(LtiKeys.platformIndex())
                            .arg(index)
                            .arg(p.id()));
                    tx.add(audit(by, type, before, Optional.of(p)));
                    return store.atomically(tx).compose(v -> frames.refresh()).map(p);
                });
    }

    public Future<Void> delete(String by, String id) {
        return existing(id)
                .compose(before -> store.atomically(List.of(
                                Request.cmd(Command.DEL).arg(LtiKeys.platform(id)),
                                Request.cmd(Command.SREM)
                                        .arg(LtiKeys.platforms())
                                        .arg(id),
                                Request.cmd(Command.HDEL)
                                        .arg(LtiKeys.platformIndex())
                                        .arg(RedisLtiDirectory.indexKey(before.issuer(), before.clientId())),
                                audit(by, "platform-removed", Optional.of(before), Optional.empty())))
                        .mapEmpty());
    }

    public Future<Platform> existing(String id) {
        return directory
                .platform(id)
                .compose(p -> p.isPresent()
                        ? Future.succeededFuture(p.get())
                        : Future.failedFuture(Refusal.of(CommonRefusal.NOT_FOUND, LtiTexts.platform(), id)));
    }

    /** The audit trail, newest first, at most {@code limit} events. */
    public Future<JsonArray> audit(int limit) {
        return store.redis()
                .send(Request.cmd(Command.LRANGE)
                        .arg(LtiKeys.audit())
                        .arg(-limit)
                        .arg(-1))
                .map(r -> {
                    JsonArray out = new JsonArray();
                    if (r != null) for (Response e : r) out.add(0, new JsonObject(e.toString()));
                    return out;
                });
    }

    /** Keys rotated: an audit event of its own (the keys' schedule is in their hash). */
    Request auditEvent(String by, String type, JsonObject details) {
        return Request.cmd(Command.RPUSH)
                .arg(LtiKeys.audit())
                .arg(details.copy()
                        .put("type", type)
                        .put("by", by)
                        .put("at", clock.instant().toString())
                        .encode());
    }

    private Request audit(String by, String type, Optional<Platform> before, Optional<Platform> after) {
        JsonObject details = new JsonObject()
                .put("platform", after.or(() -> before).map(Platform::id).orElse(""));
        before.ifPresent(b -> details.put("before", PlatformJson.write(b)));
        after.ifPresent(a -> details.put("after", PlatformJson.write(a)));
        return auditEvent(by, type, details);
    }
}
