package kz.emtihan.lti;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.auth.Users;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.model.ToolKey;
import kz.emtihan.store.RedisStore;

/**
 * The LTI registrations, links and accounts in Redis (issue 16, 1-2), as the grade and roster services read them
 * ({@link LtiDirectory}). Keys: {@link LtiKeys}.
 */
public final class RedisLtiDirectory implements LtiDirectory {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final RedisStore store;
    private final Users users;
    private final ToolKeys keys;

    private final LinkNews news;

    public RedisLtiDirectory(RedisStore store, Users users, ToolKeys keys) {
        this(store, users, keys, null);
    }

    /** With {@code news} (null: none), a link newly bound to an exam is announced to every node before it answers. */
    public RedisLtiDirectory(RedisStore store, Users users, ToolKeys keys, LinkNews news) {
        this.store = store;
        this.users = users;
        this.keys = keys;
        this.news = news;
    }

    @Override
    public LinkWatch linkNews() {
        return news == null ? LinkWatch.NONE : news;
    }

    /** The news of new links, to start and stop with the node's periodic work (null: none). */
    public LinkNews news() {
        return news;
    }

    public ToolKeys keys() {
        return keys;
    }

    @Override
    public Future<Optional<Platform>> platform(String platformId) {
        return store.redis()
                .send(Request.cmd(Command.HGETALL).arg(LtiKeys.platform(platformId)))
                .map(r ->
                        r == null || r.size() == 0 ? Optional.<Platform>empty() : Optional.of(platform(platformId, r)));
    }

    /** Every registered platform, by id. */
    public Future<List<Platform>> platforms() {
        return store.redis()
                .send(Request.cmd(Command.SMEMBERS).arg(LtiKeys.platforms()))
                .compose(ids -> {
                    List<Future<Optional<Platform>>> each = new ArrayList<>();
                    if (ids != null) for (Response id : ids) each.add(platform(id.toString()));
                    return Future.all(each)
                            .map(done -> each.stream()
                                    .map(Future::result)
                                    .flatMap(Optional::stream)
                                    .sorted(java.util.Comparator.comparing(Platform::id))
                                    .toList());
                });
    }

    /** The platform a launch names by its issuer and (when it gives it) the client id this tool has there. */
    public Future<Optional<Platform>> platformOf(String issuer, Optional<String> clientId) {
        if (clientId.isPresent())
            return store.redis()
                    .send(Request.cmd(Command.HGET).arg(LtiKeys.platformIndex()).arg(indexKey(issuer, clientId.get())))
                    .compose(id -> id == null ? Future.succeededFuture(Optional.empty()) : platform(id.toString()));
        return platforms().map(all -> {
            List<Platform> of =
                    all.stream().filter(p -> p.issuer().equals(issuer)).toList();
            return of.size() == 1 ? Optional.of(of.get(0)) : Optional.empty();
        });
    }

    static String indexKey(String issuer, String clientId) {
        return issuer + "\n" + clientId;
    }

    static Platform platform(String id, Response r) {
        List<String> deployments = new ArrayList<>();
        String d = field(r, "deploymentIds");
        if (d != null) for (Object o : new JsonArray(d)) deployments.add(String.valueOf(o));
        return new Platform(
                id,
                orEmpty(field(r, "name")),
                orEmpty(field(r, "issuer")),
                orEmpty(field(r, "clientId")),
                deployments,
                orEmpty(field(r, "authUrl")),
                orEmpty(field(r, "tokenUrl")),
                orEmpty(field(r, "jwksUrl")));
    }

    @Override
    public Future<List<ResourceLink>> linksOfExam(String examId) {
        return links(LtiKeys.linksOfExam(examId));
    }

    @Override
    public Future<List<ResourceLink>> linksOfSitting(String sittingId) {
        return links(LtiKeys.linksOfSitting(sittingId));
    }

    @Override
    public Future<List<String>> linkedSittings() {
        return store.redis()
                .send(Request.cmd(Command.SMEMBERS).arg(LtiKeys.linkedSittings()))
                .map(r -> {
                    List<String> out = new ArrayList<>();
                    if (r != null) for (Response m : r) out.add(m.toString());
                    return out;
                });
    }

    private Future<List<ResourceLink>> links(String set) {
        return store.redis().send(Request.cmd(Command.SMEMBERS).arg(set)).compose(keys -> {
            if (keys == null || keys.size() == 0) return Future.succeededFuture(List.<ResourceLink>of());
            Request get = Request.cmd(Command.MGET);
            for (Response k : keys) get.arg(k.toString());
            return store.redis().send(get).map(values -> {
                List<ResourceLink> out = new ArrayList<>();
                for (Response v : values) if (v != null) out.add(LinkJson.read(new JsonObject(v.toString())));
                return out;
            });
        });
    }

    /** The link a launch came from, if it is known. */
    public Future<Optional<ResourceLink>> link(String platformId, String resourceLinkId) {
        return store.redis()
                .send(Request.cmd(Command.GET).arg(LtiKeys.link(platformId, resourceLinkId)))
                .map(v -> v == null
                        ? Optional.<ResourceLink>empty()
                        : Optional.of(LinkJson.read(new JsonObject(v.toString()))));
    }

    /**
     * Keeps a link with the services its latest launch offered; bound to an exam, it is listed under the exam (and
     * taken off the exam it opened before, if that changed).
     */
    public Future<Void> saveLink(ResourceLink link) {
        return link(link.platformId(), link.resourceLinkId()).compose(before -> {
            String key = LtiKeys.link(link.platformId(), link.resourceLinkId());
            List<Request> tx = new ArrayList<>();
            tx.add(Request.cmd(Command.SET).arg(key).arg(LinkJson.write(link).encode()));
            before.map(ResourceLink::examId)
                    .filter(e -> e != null && !e.equals(link.examId()))
                    .ifPresent(e -> tx.add(Request.cmd(Command.SREM)
                            .arg(LtiKeys.linksOfExam(e))
                            .arg(key)));
            if (link.examId() != null)
                tx.add(Request.cmd(Command.SADD)
                        .arg(LtiKeys.linksOfExam(link.examId()))
                        .arg(key));
            // issue 16 (2-3): the same for a sitting
            before.map(ResourceLink::sittingId)
                    .filter(sit -> sit != null && !sit.equals(link.sittingId()))
                    .ifPresent(sit -> tx.add(Request.cmd(Command.SREM)
                            .arg(LtiKeys.linksOfSitting(sit))
                            .arg(key)));
            if (link.sittingId() != null) {
                tx.add(Request.cmd(Command.SADD)
                        .arg(LtiKeys.linksOfSitting(link.sittingId()))
                        .arg(key));
                tx.add(Request.cmd(Command.SADD).arg(LtiKeys.linkedSittings()).arg(link.sittingId()));
            }
            // issue 16 (3): every node forgets "no link" for the exam before this answers (LinkNews)
            boolean newExam = link.examId() != null
                    && !link.examId().equals(before.map(ResourceLink::examId).orElse(null));
            return store.atomically(tx)
                    .compose(done -> newExam && news != null ? news.linked(link.examId()) : Future.succeededFuture());
        });
    }

    @Override
    public Future<Optional<String>> subjectOf(String platformId, String userId) {
        return store.redis()
                .send(Request.cmd(Command.HGET).arg(LtiKeys.subjects(userId)).arg(platformId))
                .map(r -> Optional.ofNullable(r).map(Response::toString));
    }

    /**
     * Issue 16 (2): the account of a platform user, linked by (platform, sub). Made on first sight with the role the
     * launch carries and a random password no one knows (the person signs in through the platform); a later launch
     * with a role the account lacks adds it (Learner and Instructor in different courses).
     */
    @Override
    public Future<String> userFor(String platformId, String sub, String name, String email, Role role) {
        return store.redis()
                .send(Request.cmd(Command.HGET).arg(LtiKeys.users(platformId)).arg(sub))
                .compose(linked -> {
                    String id = linked != null ? linked.toString() : accountId(platformId, sub);
                    return users.find(id).compose(found -> {
                        Set<Role> roles = EnumSet.of(role);
                        found.ifPresent(c -> roles.addAll(c.roles()));
                        boolean same = found.isPresent() && found.get().roles().equals(roles);
                        Future<Integer> saved = same
                                ? Future.succeededFuture(0)
                                : users.upsert(
                                        new JsonArray().add(account(id, found.isPresent(), name, sub, email, roles)));
                        return saved.compose(n -> linked != null
                                        ? Future.succeededFuture()
                                        : store.atomically(List.of(
                                                Request.cmd(Command.HSET)
                                                        .arg(LtiKeys.users(platformId))
                                                        .arg(sub)
                                                        .arg(id),
                                                Request.cmd(Command.HSET)
                                                        .arg(LtiKeys.subjects(id))
                                                        .arg(platformId)
                                                        .arg(sub))))
                                .map(id);
                    });
                });
    }

    private static JsonObject account(
            String id, boolean exists, String name, String sub, String email, Set<Role> roles) {
        String shown = name == null || name.isBlank() ? sub : name.strip();
        if (shown.length() > 200) shown = shown.substring(0, 200);
        JsonObject a = new JsonObject()
                .put("id", id)
                .put("name", shown)
                .put(
                        "roles",
                        new JsonArray(roles.stream().map(Role::code).sorted().toList()));
        if (!exists) {
            byte[] pw = new byte[24];
            RANDOM.nextBytes(pw);
            a.put("password", Base64.getUrlEncoder().withoutPadding().encodeToString(pw));
        }
        if (email != null && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && email.length() <= 200)
            a.put("email", email);
        return a;
    }

    /** The same platform user always gets the same id: {@code lti-} and 22 characters of a SHA-256 of (platform, sub). */
    static String accountId(String platformId, String sub) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((platformId + "\n" + sub).getBytes(StandardCharsets.UTF_8));
            return "lti-"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 22);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One audit event, alone (the keys' rotation; registrations write theirs in their own MULTI). */
    Future<Void> audit(io.vertx.redis.client.Request event) {
        return store.redis().send(event).mapEmpty();
    }

    @Override
    public Future<ToolKey> signingKey() {
        return keys.signing();
    }

    private static String field(Response hash, String name) {
        Response v = hash.get(name);
        return v == null ? null : v.toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
