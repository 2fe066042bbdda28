package kz.emtihan.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kz.emtihan.auth.model.Role;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.store.RedisStore;
import kz.emtihan.text.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts (5.11.2): stored in Redis hashes {@code user:<id>} with a bcrypt hash, never the password, and an optional
 * e-mail address for copies of sitting papers (6.15.2).
 */
public final class Users {
    private static final Logger log = LoggerFactory.getLogger(Users.class);
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final int MIN_PASSWORD = 8;

    private final Redis redis;
    private final RedisStore store;
    private final Passwords passwords;
    private final UserDirectory directory;
    private final UserPhotos photos;
    private final Names names;

    private final String unknownUserHash;
    /** bcrypt is CPU work: its own pool of cores - 1 threads keeps a login storm from starving the event loops. */
    private final io.vertx.core.WorkerExecutor hashing;
    /** Attempts from an account or address with recent failures: one thread, a few in flight, the rest refused. */
    private final io.vertx.core.WorkerExecutor suspectHashing;

    private static final int SUSPECTS_IN_FLIGHT = 4;
    private final java.util.concurrent.atomic.AtomicInteger suspectsHashing =
            new java.util.concurrent.atomic.AtomicInteger();
    private volatile long typicalHashMillis = 50;
    private final Vertx vertx;

    public Users(Vertx vertx, RedisStore store, Passwords passwords) {
        this.hashing = vertx.createSharedWorkerExecutor(
                "emtihan-bcrypt", Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        this.vertx = vertx;
        this.suspectHashing = vertx.createSharedWorkerExecutor("emtihan-bcrypt-suspect", 1);
        this.store = store;
        this.redis = store.redis();
        this.passwords = passwords;
        this.directory = new UserDirectory(store);
        this.photos = new UserPhotos(store);
        this.names = new Names(directory::names, System::currentTimeMillis);
        this.unknownUserHash = passwords.hash(generatedPassword());
    }

    /**
     * A user to create or update; {@code password} empty keeps the stored one (required for a new user); {@code email}
     * empty keeps the stored address, present and blank removes it; {@code group} (a student's academic group, for the
     * registry's exports and grade sheets, 5.33) likewise.
     */
    public record Account(
            String id,
            String name,
            Set<Role> roles,
            Optional<String> password,
            Optional<String> email,
            Optional<String> group) {}

    /** What others may know of an account: its name, roles, e-mail address and academic group. */
    public record Profile(String id, String name, Set<Role> roles, Optional<String> email, Optional<String> group) {}

    /** People's names for the pages, from this node's cache (issue 15, 2). */
    public Names names() {
        return names;
    }

    /** The accounts' enrolment photos, kept beside them. */
    public UserPhotos photos() {
        return photos;
    }

    /** A successful sign-in: who, the credential version their token is issued under, and their saved language. */
    public record SignedIn(Caller caller, long version, Optional<Language> language) {}

    /**
     * Checks the password (bcrypt on a worker pool). {@code suspect}: the account or address has recent failures; such
     * attempts, and those for unknown accounts, are hashed aside on one thread with a few in flight, and refused (429;
     * unknown accounts: 401 after a hash's usual time) when that is busy: a storm of wrong passwords never queues
     * ahead of an honest sign-in (issue 10, 2). A disabled account is refused once the password is right.
     */
    public Future<SignedIn> login(String username, String password, boolean suspect) {
        Refusal bad = Refusal.of(AuthRefusal.BAD_CREDENTIALS);
        if (!ID.matcher(username).matches()) return Future.failedFuture(bad);
        String key = AuthKeys.user(username);
        return redis.send(Request.cmd(Command.HGETALL).arg(key)).compose(r -> {
            String hash = field(r, "hash");
            // an unknown user costs the same bcrypt work, so the answer time does not tell which usernames exist; it is
            // hashed aside, with the suspects, since it can only fail
            boolean aside = suspect || hash == null;
            if (aside && suspectsHashing.incrementAndGet() > SUSPECTS_IN_FLIGHT) {
                suspectsHashing.decrementAndGet();
                if (hash != null) return Future.failedFuture(LoginThrottle.tooMany(java.time.Duration.ofSeconds(1)));
                io.vertx.core.Promise<SignedIn> later =
                        io.vertx.core.Promise.promise(); // answered after a hash's usual time
                vertx.setTimer(Math.max(1, typicalHashMillis), t -> later.fail(bad));
                return later.future();
            }
            String checked = hash != null ? hash : unknownUserHash;
            Future<Boolean> matched = (aside ? suspectHashing : hashing)
                    .executeBlocking(
                            () -> {
                                long t0 = System.nanoTime();
                                boolean ok = passwords.matches(password, checked);
                                typicalHashMillis = (typicalHashMillis * 7 + (System.nanoTime() - t0) / 1_000_000) / 8;
                                return ok;
                            },
                            false);
            if (aside) matched = matched.onComplete(x -> suspectsHashing.decrementAndGet());
            return matched.compose(ok -> {
                if (!ok || hash == null) return Future.failedFuture(bad);
                if ("1".equals(field(r, "disabled"))) {
                    return Future.failedFuture(Refusal.of(AuthRefusal.ACCOUNT_DISABLED));
                }
                String version = field(r, "tokenVersion");
                return Future.succeededFuture(new SignedIn(
                        new Caller(username, field(r, "name"), roles(field(r, "roles"))),
                        version == null ? 0 : Long.parseLong(version),
                        Language.parse(field(r, "language"))));
            });
        });
    }

    /**
     * Disables or enables an account (admin). Disabling ends every token of the account at once and refuses its
     * sign-ins; enabling lets it sign in again but does not bring old tokens back.
     */
    public Future<Void> setDisabled(String id, boolean disabled) {
        if (!ID.matcher(id).matches()) return Future.failedFuture(notFound(id));
        return redis.send(Request.cmd(Command.HEXISTS).arg(AuthKeys.user(id)).arg("name"))
                .compose(r -> {
                    if (r.toInteger() != 1) return Future.failedFuture(notFound(id));
                    List<Request> tx = new ArrayList<>();
                    tx.add(
                            disabled
                                    ? Request.cmd(Command.HSET)
                                            .arg(AuthKeys.user(id))
                                            .arg("disabled")
                                            .arg("1")
                                    : Request.cmd(Command.HDEL)
                                            .arg(AuthKeys.user(id))
                                            .arg("disabled"));
                    tx.addAll(Sessions.endAllRequests(id));
                    return store.atomically(tx).mapEmpty(); // one account: one slot
                });
    }

    /**
     * Keeps the person's choice of language: answers to their requests that name none of ours in {@code
     * Accept-Language} are in it. Announced like a change of standing, so every node's copy learns it at once.
     */
    public Future<Void> setLanguage(String id, Language language) {
        return store.atomically(List.of(
                        Request.cmd(Command.HSET)
                                .arg(AuthKeys.user(id))
                                .arg("language")
                                .arg(language.code()),
                        Sessions.announce(id)))
                .mapEmpty();
    }

    public Future<Optional<Caller>> find(String id) {
        return redis.send(Request.cmd(Command.HGETALL).arg(AuthKeys.user(id))).map(r -> {
            String name = field(r, "name");
            return name == null
                    ? Optional.<Caller>empty()
                    : Optional.of(new Caller(id, name, roles(field(r, "roles"))));
        });
    }

    /** Every account (id, name, roles, email when set; never the hash), by id. */
    public Future<JsonArray> list() {
        return directory.list();
    }

    /** The accounts among {@code ids} in one round trip to the store; ids with no account are left out. */
    public Future<Map<String, Profile>> profiles(Collection<String> ids) {
        return directory.profiles(ids);
    }

    /**
     * Validates every account first (problems carry the index), then stores all in one MULTI/EXEC; on a Cluster (issue
     * 14, 2) one per slot, so each account (its hash and the end of its tokens) is written whole, and the set of ids
     * apart (a listing skips an id whose account is not there yet).
     */
    public Future<Integer> upsert(JsonArray body) {
        List<Account> accounts;
        try {
            accounts = AccountList.read(body);
        } catch (Refusal invalid) {
            return Future.failedFuture(invalid);
        }
        // the stored roles (null: a new account): a change of roles or password ends the account's tokens (issue 10, 1)
        List<Future<String>> stored = accounts.stream()
                .map(a -> redis.send(Request.cmd(Command.HGET)
                                .arg(AuthKeys.user(a.id()))
                                .arg("roles"))
                        .map(r -> r == null ? null : r.toString()))
                .toList();
        return Future.all(stored)
                .compose(done -> {
                    List<Integer> newWithoutPassword = new ArrayList<>();
                    for (int i = 0; i < accounts.size(); i++) {
                        if (stored.get(i).result() == null
                                && accounts.get(i).password().isEmpty()) newWithoutPassword.add(i);
                    }
                    if (!newWithoutPassword.isEmpty()) {
                        return Future.failedFuture(AccountList.needPasswords(newWithoutPassword));
                    }
                    return hashing.executeBlocking(
                            () -> accounts.stream()
                                    .map(a -> a.password().map(passwords::hash).orElse(""))
                                    .toList(),
                            false);
                })
                .compose(hashes -> {
                    List<Request> tx = new ArrayList<>();
                    for (int i = 0; i < accounts.size(); i++) {
                        Account a = accounts.get(i);
                        Request set = Request.cmd(Command.HSET)
                                .arg(AuthKeys.user(a.id()))
                                .arg("name")
                                .arg(a.name())
                                .arg("roles")
                                .arg(String.join(
                                        ",",
                                        a.roles().stream()
                                                .map(Role::code)
                                                .sorted()
                                                .toList()));
                        if (!hashes.get(i).isEmpty()) set.arg("hash").arg(hashes.get(i));
                        a.email()
                                .filter(e -> !e.isEmpty())
                                .ifPresent(e -> set.arg("email").arg(e));
                        a.group()
                                .filter(g -> !g.isEmpty())
                                .ifPresent(g -> set.arg("group").arg(g));
                        tx.add(set);
                        if (a.group().filter(String::isEmpty).isPresent())
                            tx.add(Request.cmd(Command.HDEL)
                                    .arg(AuthKeys.user(a.id()))
                                    .arg("group"));
                        if (a.email().filter(String::isEmpty).isPresent())
                            tx.add(Request.cmd(Command.HDEL)
                                    .arg(AuthKeys.user(a.id()))
                                    .arg("email"));
                        tx.add(Request.cmd(Command.SADD).arg(AuthKeys.users()).arg(a.id()));
                        String before = stored.get(i).result();
                        if (before != null
                                && (!hashes.get(i).isEmpty() || !roles(before).equals(a.roles())))
                            tx.addAll(Sessions.endAllRequests(a.id()));
                    }
                    return store.atomically(tx)
                            .onSuccess(done -> names.forget(
                                    accounts.stream().map(Account::id).toList()))
                            .map(accounts.size());
                });
    }

    /** First start (API.md): with no admin stored, create {@code admin} with the given or a generated password. */
    public Future<Void> ensureAdmin(Optional<String> password) {
        String adminKey = AuthKeys.user("admin");
        return redis.send(Request.cmd(Command.EXISTS).arg(adminKey)).compose(r -> {
            if (r.toInteger() == 1) return Future.succeededFuture();
            String pw = password.filter(p -> !p.isBlank()).orElseGet(Users::generatedPassword);
            JsonArray admin = new JsonArray()
                    .add(new JsonObject()
                            .put("id", "admin")
                            .put("name", "Administrator")
                            .put("roles", new JsonArray().add("admin"))
                            .put("password", pw));
            return upsert(admin)
                    .onSuccess(n -> {
                        if (password.isEmpty())
                            log.warn(
                                    "created user 'admin' with generated password {} (shown once; set EMTIHAN_ADMIN_PASSWORD to choose)",
                                    pw);
                        else log.info("created user 'admin' with the password from EMTIHAN_ADMIN_PASSWORD");
                    })
                    .mapEmpty();
        });
    }

    private static String generatedPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static Refusal notFound(String id) {
        return Refusal.of(CommonRefusal.NOT_FOUND, AuthTexts.user(), id);
    }

    private static String field(Response hash, String name) {
        if (hash == null) return null;
        Response v = hash.get(name);
        return v == null ? null : v.toString();
    }

    static Set<Role> roles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (csv != null) for (String r : csv.split(",")) Role.fromCode(r).ifPresent(roles::add);
        return roles;
    }
}
