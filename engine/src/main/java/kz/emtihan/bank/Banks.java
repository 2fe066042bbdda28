package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Role;
import java.nio.charset.StandardCharsets;
import kz.emtihan.bank.imports.GiftImport;
import kz.emtihan.bank.imports.ImportException;
import kz.emtihan.bank.imports.MoodleXmlImport;
import kz.emtihan.bank.imports.QuestionHtml;
import kz.emtihan.bank.imports.ImportReport;
import kz.emtihan.bank.imports.ImportSkip;
import kz.emtihan.bank.imports.ImportedQuestion;
import kz.emtihan.bank.model.BankRules;
import kz.emtihan.bank.model.BankValidation;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Passport;
import kz.emtihan.bank.model.Question;
import kz.emtihan.bank.model.QuestionDraft;
import kz.emtihan.http.Rejection;
import kz.emtihan.store.Ids;

/** Use cases of question banks (5.21-5.23, 7.6): create with passport, add, import, validate. */
public final class Banks {
  private final Vertx vertx;
  private final BankStore store;
  private final BankRules rules;

  public Banks(Vertx vertx, BankStore store, BankRules rules) {
    this.vertx = vertx;
    this.store = store;
    this.rules = rules;
  }

  public BankStore store() {
    return store;
  }

  public Future<String> create(Caller owner, Passport passport) {
    String id = Ids.prefixed("b");
    return store.create(id, passport, owner.id()).map(id);
  }

  /** The bank, if it exists and the caller may change it (5.21: its teacher, or an admin). */
  public Future<BankStore.BankHeader> editable(Caller caller, String bankId) {
    return readable(bankId).map(h -> {
      if (!caller.has(Role.ADMIN) && !h.owner().equals(caller.id())) {
        throw Rejection.forbidden("bank " + bankId + " belongs to another teacher (5.21)");
      }
      return h;
    });
  }

  public Future<BankStore.BankHeader> readable(String bankId) {
    return store.header(bankId).map(h -> h.orElseThrow(() -> Rejection.notFound("bank", bankId)));
  }

  /** All or nothing: any invalid question rejects the whole list with each problem's index. */
  public Future<Integer> add(Caller caller, String bankId, JsonArray items) {
    List<JsonObject> problems = new ArrayList<>();
    List<QuestionDraft> drafts = new ArrayList<>();
    if (items.isEmpty()) problems.add(problem(0, "the list is empty"));
    for (int i = 0; i < items.size(); i++) {
      List<String> found = new ArrayList<>();
      QuestionDraft d = QuestionJson.draft(items.getValue(i), found);
      found.addAll(d.problems());
      for (String p : found) problems.add(problem(i, p));
      drafts.add(d);
    }
    if (!problems.isEmpty()) {
      return Future.failedFuture(new Rejection(400, "invalid-questions", problems.size() + " problem(s); nothing was added", problems));
    }
    return editable(caller, bankId).compose(h -> store.put(bankId, drafts.stream().map(Banks::sanitised)
        .map(QuestionJson::toQuestion).toList())).map(drafts.size());
  }

  /** Imports what can be used; everything else is reported with its position. An unparseable file adds nothing. */
  /**
   * Imports what can be used; everything else is reported with its position. An unparseable file adds
   * nothing. Parsing runs on a worker thread: a large file must not stall the event loop.
   */
  public Future<JsonObject> importFile(Caller caller, String bankId, String format, byte[] file, Optional<Difficulty> fallback) {
    if (!format.equals("moodle-xml") && !format.equals("gift")) {
      return Future.failedFuture(Rejection.badRequest("bad-format", "format must be moodle-xml or gift"));
    }
    return editable(caller, bankId).compose(h -> vertx.executeBlocking(() -> parse(format, file), false))
        .compose(report -> {
          List<Question> accepted = new ArrayList<>();
          List<ImportSkip> skipped = new ArrayList<>(report.skipped());
          java.util.Set<Integer> refused = new java.util.HashSet<>();
          for (ImportedQuestion q : report.questions()) {
            QuestionDraft d = new QuestionDraft(Optional.empty(), q.text(), q.options(), q.correct(),
                q.difficulty().or(() -> fallback), q.topic());
            List<String> problems = d.problems();
            if (problems.isEmpty()) {
              accepted.add(QuestionJson.toQuestion(d));
            } else {
              refused.add(q.position());
              skipped.add(ImportSkip.of(q.position(), q.line(), String.join("; ", problems)));
            }
          }
          JsonArray notes = ImportNotes.toJson(skipped, refused);
          return store.put(bankId, accepted).map(v -> new JsonObject().put("imported", accepted.size()).put("skipped", notes));
        });
  }

  private static ImportReport parse(String format, byte[] file) {
    try {
      return format.equals("gift") ? GiftImport.parse(new String(file, StandardCharsets.UTF_8)) : MoodleXmlImport.parse(file);
    } catch (ImportException e) {
      JsonObject where = new JsonObject().put("line", e.line()).put("column", e.column()).put("message", e.getMessage());
      throw new Rejection(400, "unparseable-file", "the file cannot be read at line " + e.line() + ": " + e.getMessage(),
          List.of(where));
    }
  }

  public Future<JsonObject> summary(String bankId) {
    return readable(bankId).compose(h -> store.questions(bankId).map(qs -> {
      JsonObject by = new JsonObject();
      BankValidation.counts(qs).forEach((d, n) -> by.put(d.code(), n));
      return new JsonObject().put("id", h.id()).put("passport", PassportJson.toJson(h.passport()))
          .put("status", h.status()).put("owner", h.owner()).put("questionCount", qs.size()).put("byDifficulty", by);
    }));
  }

  public Future<List<BankValidation.Problem>> validate(String bankId) {
    return readable(bankId).compose(h -> store.questions(bankId).map(qs -> BankValidation.validate(h.passport(), qs, rules)));
  }

  public Future<JsonArray> questionsForTeacher(String bankId) {
    return readable(bankId).compose(h -> store.questions(bankId))
        .map(qs -> new JsonArray(qs.stream().map(QuestionJson::forTeacher).toList()));
  }

  public Future<Void> deleteQuestion(Caller caller, String bankId, String questionId) {
    return editable(caller, bankId).compose(h -> store.delete(bankId, questionId)).map(found -> {
      if (!found) throw Rejection.notFound("question", questionId);
      return null;
    });
  }

  public Future<JsonArray> list() {
    return store.ids().compose(ids -> Future.all(ids.stream().map(this::summary).toList())
        .map(all -> new JsonArray(all.list())));
  }

  /** Question and option text is HTML everywhere; text sent as JSON passes the importers' allow-list too. */
  private static QuestionDraft sanitised(QuestionDraft d) {
    return new QuestionDraft(d.id(), QuestionHtml.sanitise(d.text()), d.options().stream().map(QuestionHtml::sanitise).toList(),
        d.correct(), d.difficulty(), d.topic());
  }

  static JsonObject problem(int index, String message) {
    return new JsonObject().put("index", index).put("message", message);
  }

  static Passport passport(JsonObject body) {
    return PassportJson.parse(body.getValue("passport"));
  }
}
