package kz.emtihan.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 (3): EVERY operation of the OpenAPI document, called as every role — owner and non-owner where it
 * declares {@code x-owner} — and without a token, on real data ({@link AccessFixture}); the answer must be what the
 * document declares: 401 without a token, 403 for a role not in {@code x-roles} or a caller not among the owners, and
 * for an allowed caller anything but 401/403. No operation may answer 5xx to anyone. Driven by the document: an
 * operation added to it is called too; a new path parameter needs a value in the fixture, a new {@code x-owner} the
 * users it names ({@link #OWNERS}), a body the operation cannot do without an entry in {@link #BODIES}.
 */
@SharedEngine
class AccessMatrixTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** x-owner text → the fixture users it names (the owners of the fixture's resources). */
    static final Map<String, Set<String>> OWNERS = new LinkedHashMap<>();
    /** Operations run after all others, in this order: they end what others need (an attempt, a sitting). */
    static final List<String> LAST = List.of(
            "POST /api/v1/attempts/{attemptId}/terminate",
            "POST /api/v1/attempts/{attemptId}/submit",
            "DELETE /api/v1/banks/{bankId}/questions/{questionId}",
            "POST /api/v1/sittings/{sittingId}/students/{studentId}/remove",
            "POST /api/v1/sittings/{sittingId}/close",
            "POST /api/v1/auth/logout",
            "POST /api/v1/auth/logout-all");
    /** Operations that end the token they are called with (and logout-all every token of its user): each call signs in afresh. */
    static final Set<String> FRESH_TOKEN = Set.of("POST /api/v1/auth/logout", "POST /api/v1/auth/logout-all");

    static {
        String bankReaders =
                "the bank's owner, its co-authors and its assigned experts; admins; any head of department";
        OWNERS.put(bankReaders, Set.of("tA", "tC", "eE", "adm1", "hH"));
        // 5.24: the fixture bank's panel is Fixtures.EXPERT, no user of the matrix: every expert here is refused
        OWNERS.put("an expert on the bank's panel for the academic year", Set.of());
        OWNERS.put("the bank's owner and its co-authors; admins", Set.of("tA", "tC", "adm1"));
        OWNERS.put("the bank's owner; admins", Set.of("tA", "adm1"));
        OWNERS.put("the owner or a co-author of the bank named in the body; admins", Set.of("tA", "tC", "adm1"));
        OWNERS.put(
                "the exam's teacher and its assigned proctors; admins; any registrar",
                Set.of("tA", "pP", "adm1", "rR"));
        OWNERS.put("the exam's teacher; admins", Set.of("tA", "adm1"));
        OWNERS.put( // issue 16 (3): a student's grade on its way to the LMS ({studentId} is s1)
                "the student themself; the exam's teacher and its assigned proctors; admins; any registrar",
                Set.of("s1", "tA", "pP", "adm1", "rR"));
        OWNERS.put("the exam's teacher and its assigned proctors; admins", Set.of("tA", "pP", "adm1"));
        OWNERS.put("a student on the exam's roster", Set.of("s1", "s2"));
        OWNERS.put("the attempt's student", Set.of("s1"));
        OWNERS.put(
                "the attempt's student; its exam's teacher and assigned proctors; admins",
                Set.of("s1", "tA", "pP", "adm1"));
        OWNERS.put("its exam's teacher and assigned proctors; admins; any registrar", Set.of("tA", "pP", "adm1", "rR"));
        OWNERS.put(
                "the attempt's student once it is reviewed; its exam's teacher and assigned proctors; admins",
                Set.of("s1", "tA", "pP", "adm1"));
        OWNERS.put("the account's own user; admins", Set.of("s1", "adm1"));
        OWNERS.put("the caller themself", AccessFixture.USERS.keySet());
        OWNERS.put("a participant of the sitting; admins", Set.of("ch", "cm", "sec", "rR", "eE", "s1", "s2", "adm1"));
        OWNERS.put("the sitting's secretary; admins", Set.of("sec", "adm1"));
        OWNERS.put("the sitting's secretary or chair", Set.of("sec", "ch"));
        OWNERS.put("the sitting's secretary", Set.of("sec"));
        OWNERS.put("the sitting's secretary; the student themself for their id-card", Set.of("sec", "s1"));
        OWNERS.put(
                "the sitting's commission and secretary; admins; the student shown",
                Set.of("ch", "cm", "sec", "adm1", "s1"));
        OWNERS.put("the sitting's chair", Set.of("ch"));
        OWNERS.put("the sitting's chair and members", Set.of("ch", "cm"));
        OWNERS.put("a student of the sitting", Set.of("s1", "s2"));
        OWNERS.put("the appeal commission's chair or deputy", Set.of("rR", "eE"));
        OWNERS.put("the sitting's chair and secretary; admins; the applicant", Set.of("ch", "sec", "adm1", "s2"));
        OWNERS.put("the sitting's commission and secretary; admins", Set.of("ch", "cm", "sec", "adm1"));
        OWNERS.put(
                "the sitting's commission and secretary; admins; the student concerned",
                Set.of("ch", "cm", "sec", "adm1", "s1"));
        OWNERS.put( // issue 13 (5): the registry's sitting exports
                "registrars; admins; the sitting's commission and secretary", Set.of("rR", "adm1", "ch", "cm", "sec"));
        OWNERS.put(
                "the appeal commission; the sitting's chair and secretary; admins; the appellant",
                Set.of("rR", "eE", "ch", "sec", "adm1", "s1"));
        OWNERS.put(
                "the applicant; the signers, the registrar and admins", Set.of("s2", "dn", "dr", "vr", "rR", "adm1"));
        OWNERS.put("the applicant; the signers and the registrar", Set.of("s2", "dn", "dr", "vr", "rR"));
        OWNERS.put( // issue 16 (3): a sitting's grades on their way to the LMS
                "the sitting's commission, secretary and appeal commission; admins",
                Set.of("ch", "cm", "sec", "rR", "eE", "adm1"));
        OWNERS.put("the sitting's chair and secretary; admins", Set.of("ch", "sec", "adm1"));
        // issue 16 (2): no matrix user was signed in by an LTI launch; the fixture's launch id is nobody's
        OWNERS.put("the person the launch signed in, within the hour after it", Set.of());
    }

    /** A request body (and query, headers) an operation needs to get past reading it; JSON {@code {}} otherwise. */
    record Body(String contentType, byte[] bytes, String query, String... headers) {
        static Body json(Object o) {
            return new Body(
                    "application/json", io.vertx.core.json.Json.encode(o).getBytes(StandardCharsets.UTF_8), "");
        }
    }

    static final Map<String, java.util.function.Function<AccessFixture, Body>> BODIES = new LinkedHashMap<>();

    static {
        BODIES.put("POST /api/v1/users", f -> Body.json(new JsonArray()));
        BODIES.put( // English, as every other call of the matrix expects
                "PUT /api/v1/users/me/language", f -> Body.json(new JsonObject().put("language", "en")));
        BODIES.put(
                "POST /api/v1/users/import",
                f -> new Body("text/csv", "id,name,roles,password\n".getBytes(StandardCharsets.UTF_8), ""));
        BODIES.put("PUT /api/v1/users/{userId}/photo", f -> new Body("image/jpeg", AccessFixture.FACE, ""));
        BODIES.put("POST /api/v1/banks", f -> Body.json(Fixtures.passport()));
        BODIES.put("POST /api/v1/banks/{bankId}/approval", f -> Body.json(Fixtures.approval()));
        BODIES.put(
                "PUT /api/v1/banks/{bankId}/panel",
                f -> Body.json(new JsonObject()
                        .put(
                                "academicYear",
                                f.app.get("/api/v1/banks/" + f.bankId + "/life", f.app.admin())
                                        .json()
                                        .getString("currentYear"))
                        .put("experts", new JsonArray().add(Fixtures.EXPERT))));
        BODIES.put("POST /api/v1/banks/{bankId}/conclusions", f -> Body.json(Fixtures.conclusion("may-be-used")));
        BODIES.put("POST /api/v1/banks/{bankId}/unlock", f -> Body.json(new JsonObject().put("reason", "matrix")));
        BODIES.put(
                "POST /api/v1/bank-locks",
                f -> Body.json(new JsonObject().put("bankIds", new JsonArray().add(f.lockBankId))));
        BODIES.put("POST /api/v1/banks/{bankId}/questions", f -> Body.json(Fixtures.questions(1, 0, 0)));
        BODIES.put(
                "POST /api/v1/banks/{bankId}/import",
                f -> new Body(
                        "text/plain",
                        "::Q1:: What is 2 + 2? {=4 ~3 ~5 ~6 ~7}\n".getBytes(StandardCharsets.UTF_8),
                        "?format=gift&difficulty=easy"));
        BODIES.put("PUT /api/v1/banks/{bankId}/access", f -> Body.json(f.bankPeople()));
        BODIES.put("POST /api/v1/banks/{bankId}/media", f -> new Body("image/png", AccessFixture.PICTURE, ""));
        BODIES.put( // issue 12: edit in place and classify many, on the fixture's question (the edit keeps it valid)
                "PATCH /api/v1/banks/{bankId}/questions/{questionId}",
                f -> Body.json(new JsonObject().put("topic", "Topic 0")));
        BODIES.put(
                "POST /api/v1/banks/{bankId}/questions/classify",
                f -> Body.json(new JsonObject()
                        .put("ids", new JsonArray().add(f.params.get("questionId")))
                        .put("difficulty", "easy")));
        BODIES.put("GET /api/v1/banks/{bankId}/export", f -> new Body(null, null, "?format=qti3"));
        BODIES.put(
                "POST /api/v1/exams",
                // 5.20.3: each exam made here is in a period of its own (a later academic year), so every caller
                // allowed to schedule gets 201 from the same bank
                f -> Body.json(Fixtures.laterAttestation(f.bankId)));
        BODIES.put(
                "PUT /api/v1/exams/{examId}/roster",
                f -> Body.json(new JsonArray().add("s1").add("s2")));
        BODIES.put(
                "PUT /api/v1/exams/{examId}/proctors",
                f -> Body.json(new JsonObject().put("proctors", new JsonArray().add("pP"))));
        BODIES.put( // issue 12 (6): a question of the exam's bank, not proposed: the owner is told 409, no one else
                // gets past 403
                "POST /api/v1/exams/{examId}/statistics/accept",
                f -> Body.json(new JsonObject().put("questionIds", new JsonArray().add(f.params.get("questionId")))));
        BODIES.put(
                "PUT /api/v1/attempts/{attemptId}/answers/{questionId}",
                f -> Body.json(new JsonObject().put("choices", new JsonArray()).put("seq", 1)));
        BODIES.put("POST /api/v1/attempts/{attemptId}/identity", f -> {
            String boundary = "----matrix" + System.nanoTime();
            return new Body("multipart/form-data; boundary=" + boundary, AccessFixture.identityForm(boundary), "");
        });
        BODIES.put(
                "POST /api/v1/attempts/{attemptId}/identity/decision",
                f -> Body.json(new JsonObject().put("approved", true)));
        BODIES.put("POST /api/v1/attempts/{attemptId}/snapshots", f -> new Body("image/jpeg", AccessFixture.FACE, ""));
        BODIES.put(
                "POST /api/v1/attempts/{attemptId}/events",
                f -> Body.json(new JsonObject()
                        .put("type", "tab-hidden")
                        .put("at", Instant.now().toString())));
        BODIES.put(
                "PUT /api/v1/attempts/{attemptId}/recordings/{stream}/{segment}/{chunk}",
                f -> new Body(
                        "video/webm",
                        new byte[1000],
                        "",
                        "X-Segment-Start",
                        Instant.now().toString()));
        BODIES.put(
                "POST /api/v1/attempts/{attemptId}/messages", f -> Body.json(new JsonObject().put("text", "matrix")));
        BODIES.put(
                "POST /api/v1/attempts/{attemptId}/terminate",
                f -> Body.json(new JsonObject().put("reason", "matrix")));
        BODIES.put(
                "POST /api/v1/attempts/{attemptId}/review", f -> Body.json(new JsonObject().put("verdict", "clean")));
        BODIES.put("POST /api/v1/sittings", f -> Body.json(AccessFixture.sitting()));
        BODIES.put("PUT /api/v1/sittings/{sittingId}/tickets", f -> Body.json(AccessFixture.tickets()));
        BODIES.put(
                "POST /api/v1/sittings/{sittingId}/students/{studentId}/identity",
                f -> Body.json(new JsonObject().put("confirmed", true)));
        BODIES.put(
                "PUT /api/v1/sittings/{sittingId}/students/{studentId}/photos/{kind}",
                f -> new Body("image/jpeg", AccessFixture.FACE, ""));
        BODIES.put(
                "POST /api/v1/sittings/{sittingId}/students/{studentId}/phase",
                f -> Body.json(new JsonObject().put("action", "start-preparation")));
        BODIES.put(
                "PUT /api/v1/sittings/{sittingId}/students/{studentId}/score",
                f -> Body.json(new JsonObject().put("points", 50)));
        BODIES.put(
                "POST /api/v1/sittings/{sittingId}/acts",
                f -> Body.json(new JsonObject().put("studentId", "s2").put("description", "matrix")));
        BODIES.put(
                "PUT /api/v1/sittings/{sittingId}/acts/{actId}/vote",
                f -> Body.json(new JsonObject().put("choice", "same-day")));
        BODIES.put( // 6.15.2: the act of the fixture is undecided, so an allowed caller gets 409 already
                "POST /api/v1/sittings/{sittingId}/acts/{actId}/new-time",
                f -> Body.json(new JsonObject()
                        .put("newTime", Instant.now().plusSeconds(3600).toString())));
        BODIES.put(
                "POST /api/v1/sittings/{sittingId}/appeals", f -> Body.json(new JsonObject().put("reason", "matrix")));
        BODIES.put("POST /api/v1/sittings/{sittingId}/postponements", f -> Body.json(AccessFixture.postponement()));
        BODIES.put(
                "POST /api/v1/sittings/{sittingId}/students/{studentId}/remove",
                f -> Body.json(new JsonObject().put("reason", "matrix")));
        BODIES.put(
                "POST /api/v1/sittings/{sittingId}/reschedule",
                f -> Body.json(new JsonObject()
                        .put("date", kz.emtihan.sitting.SittingDays.today())
                        .put("reason", "matrix")));
        BODIES.put(
                "POST /api/v1/sittings/{sittingId}/postponements/{postponementId}/decision",
                f -> Body.json(new JsonObject().put("allowed", false).put("reason", "matrix")));
        BODIES.put("POST /api/v1/statements", f -> Body.json(AccessFixture.extension(f.examX)));
        BODIES.put( // 5.34: a refusal by whoever may sign; the signer awaited is the dean
                "POST /api/v1/statements/{statementId}/signatures",
                f -> Body.json(new JsonObject().put("approved", false).put("reason", "matrix")));
        BODIES.put("PUT /api/v1/exams/{examId}/accommodations", f -> Body.json(new JsonObject().put("s1", 10)));
        BODIES.put(
                "POST /api/v1/sittings/{sittingId}/appeals/{appealId}/decision",
                f -> Body.json(new JsonObject().put("decision", "kept")));
    }

    /** Operations whose path parameters differ from the fixture's defaults. */
    static final Map<String, java.util.function.Function<AccessFixture, Map<String, String>>> PARAMS_FOR =
            new LinkedHashMap<>();

    static {
        // the student sees flags, evidence and the review of their own attempt once it is reviewed
        for (String op : List.of(
                "GET /api/v1/attempts/{attemptId}/flags",
                "GET /api/v1/attempts/{attemptId}/review",
                "GET /api/v1/attempts/{attemptId}/snapshots/{snapshotId}")) {
            PARAMS_FOR.put(op, f -> Map.of("attemptId", f.reviewedY));
        }
        // 5.31: locks land on a bank of their own, so every other operation meets an open bank
        for (String op : List.of("POST /api/v1/banks/{bankId}/lock", "POST /api/v1/banks/{bankId}/unlock")) {
            PARAMS_FOR.put(op, f -> Map.of("bankId", f.lockBankId));
        }
        // disabling an account ends its tokens: the target is an account that calls nothing in the matrix
        for (String op : List.of("POST /api/v1/users/{userId}/disable", "POST /api/v1/users/{userId}/enable")) {
            PARAMS_FOR.put(op, f -> Map.of("userId", AccessFixture.BYSTANDER));
        }
        // appeals follow a closed sitting (6.15.5): s1's appeal against a published result
        for (String op : List.of(
                "POST /api/v1/sittings/{sittingId}/appeals",
                "POST /api/v1/sittings/{sittingId}/appeals/{appealId}/meeting",
                "POST /api/v1/sittings/{sittingId}/appeals/{appealId}/decision",
                "GET /api/v1/sittings/{sittingId}/appeals/{appealId}/pdf")) {
            PARAMS_FOR.put(op, f -> Map.of("sittingId", f.closedSittingId, "appealId", f.appealId));
        }
    }

    static TestEngine app;
    static AccessFixture fixture;
    static JsonObject doc;
    private static int succeeded;

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
        fixture = new AccessFixture(app);
        doc = app.get("/api/v1/openapi.json", null).json();
    }

    @Test
    void everyOperationAnswersEveryRoleAsDeclared() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        succeeded = 0;
        for (String op : operations()) {
            List<String> problems = new ArrayList<>();
            calls += call(op, problems);
            wrong.addAll(problems);
        }
        System.out.println("AccessMatrixTest: " + calls + " calls, " + succeeded
                + " allowed ones answered 2xx; fixture " + fixture.params);
        assertTrue(calls > 1000, "every operation is called as every user: " + calls);
        assertTrue(succeeded > 200, "the fixture is real enough that allowed callers often succeed: " + succeeded);
        assertTrue(
                wrong.isEmpty(), wrong.size() + " answers differ from the declaration:\n" + String.join("\n", wrong));
    }

    @Test
    void everyProtectedOperationDeclaresItsRolesAndEveryOwnerIsKnown() {
        List<String> silent = new ArrayList<>();
        for (String op : operations()) {
            JsonObject o = operation(op);
            if (!isProtected(o)) continue;
            if (!(o.getValue("x-roles") instanceof JsonArray roles) || roles.isEmpty()) silent.add(op + ": no x-roles");
            else
                for (Object r : roles)
                    if (!AccessFixture.USERS.containsValue(r) && !"any".equals(r))
                        silent.add(op + ": unknown role " + r);
            String owner = o.getString("x-owner");
            if (owner != null && !OWNERS.containsKey(owner))
                silent.add(op + ": x-owner '" + owner + "' names no fixture users in OWNERS");
        }
        assertTrue(silent.isEmpty(), String.join("\n", silent));
    }

    /** Calls one operation as nobody, then as every user (refused ones first: they must change nothing). */
    private int call(String op, List<String> problems) {
        JsonObject o = operation(op);
        String method = op.substring(0, op.indexOf(' '));
        String path = path(op);
        Body body = BODIES.getOrDefault(
                        op, f -> method.equals("GET") || method.equals("DELETE") ? null : Body.json(new JsonObject()))
                .apply(fixture);
        if (!isProtected(o)) {
            TestEngine.Reply r = send(method, path, null, body);
            if (r.status() >= 500 || r.status() == 401)
                problems.add(op + " public, without a token -> " + r.status() + " " + r.body());
            return 1;
        }
        TestEngine.Reply anonymous = send(method, path, null, body);
        if (anonymous.status() != 401) problems.add(op + " without a token -> " + anonymous.status());
        JsonArray roles = o.getJsonArray("x-roles", new JsonArray());
        String owner = o.getString("x-owner");
        int refusedStatus = o.getInteger("x-refused", 403);
        List<String> refused = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        AccessFixture.USERS.forEach((user, role) -> {
            boolean roleOk = roles.contains("any")
                    || roles.contains(role)
                    || roles.contains(AccessFixture.EXTRA_ROLES.get(user));
            boolean ownerOk =
                    owner == null || OWNERS.getOrDefault(owner, Set.of()).contains(user);
            (roleOk && ownerOk ? allowed : refused).add(user);
        });
        for (String user : refused) {
            TestEngine.Reply r = send(method, path, token(op, user), body);
            if (r.status() != refusedStatus)
                problems.add(op + " as " + user + " (" + AccessFixture.USERS.get(user) + ", refused) -> " + r.status()
                        + " " + brief(r));
        }
        for (String user : allowed) {
            TestEngine.Reply r = send(method, path, token(op, user), body);
            if (r.status() / 100 == 2) succeeded++;
            if (r.status() == 401 || r.status() == 403 || r.status() >= 500) {
                problems.add(op + " as " + user + " (" + AccessFixture.USERS.get(user) + ", allowed) -> " + r.status()
                        + " " + brief(r));
            }
        }
        return 1 + refused.size() + allowed.size();
    }

    private static String token(String op, String user) {
        return FRESH_TOKEN.contains(op) ? app.loginAs(user) : fixture.token(user);
    }

    private static TestEngine.Reply send(String method, String path, String token, Body body) {
        if (path.equals("/api/v1/ws"))
            return app.send(
                    method,
                    path + (token == null ? "" : "?token=" + token),
                    null,
                    null,
                    null); // the token in the query
        if (body == null) return app.send(method, path, token, null, null);
        return app.send(method, path + body.query(), token, body.contentType(), body.bytes(), body.headers());
    }

    private static String brief(TestEngine.Reply r) {
        return r.body().length() > 160 ? r.body().substring(0, 160) + "…" : r.body();
    }

    /** The operation's path with the fixture's values for its parameters. */
    private static String path(String op) {
        Map<String, String> values = new LinkedHashMap<>(fixture.params);
        if (PARAMS_FOR.containsKey(op)) values.putAll(PARAMS_FOR.get(op).apply(fixture));
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.substring(op.indexOf(' ') + 1));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null)
                throw new AssertionError(op + ": the fixture has no value for the path parameter {" + m.group(1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "METHOD /path" of every operation under /api/v1, those in LAST at the end in their order. */
    static List<String> operations() {
        List<String> ops = new ArrayList<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            if (!path.startsWith("/api/v1/")) continue;
            for (String key : paths.getJsonObject(path).fieldNames()) {
                if (METHODS.contains(key)) ops.add(key.toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        ops.removeAll(LAST);
        for (String last : LAST) if (paths.containsKey(last.substring(last.indexOf(' ') + 1))) ops.add(last);
        return ops;
    }

    private static JsonObject operation(String op) {
        return doc.getJsonObject("paths")
                .getJsonObject(op.substring(op.indexOf(' ') + 1))
                .getJsonObject(op.substring(0, op.indexOf(' ')).toLowerCase(Locale.ROOT));
    }

    private static boolean isProtected(JsonObject operation) {
        JsonArray security =
                operation.containsKey("security") ? operation.getJsonArray("security") : doc.getJsonArray("security");
        return security != null && !security.isEmpty();
    }

    @Test
    void theFixtureIsWhatTheMatrixAssumes() {
        assertEquals(
                200,
                app.get("/api/v1/attempts/" + fixture.attemptX, fixture.token("pP"))
                        .status(),
                "pP is assigned to X");
        assertEquals(
                403,
                app.get("/api/v1/attempts/" + fixture.attemptX, fixture.token("pQ"))
                        .status(),
                "pQ is not");
    }
}
