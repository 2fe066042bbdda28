package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.model.BankAccess;
import kz.emtihan.refusal.Problem;

/**
 * {@code GET/PUT /banks/{id}/access}: the co-authors and experts the bank's owner names (issue 10, 3). Whoever may
 * read the bank sees who else may; its owner or an admin replaces the lists, and sees whom they could name.
 */
public final class BankPeople {
    private final Banks banks;
    private final Assignees people;

    public BankPeople(Banks banks, Assignees people) {
        this.banks = banks;
        this.people = people;
    }

    /** issue 15 (2): the bank list with each owner's name ({@code ownerName}), read together. */
    public Future<io.vertx.core.json.JsonArray> withOwnerNames(io.vertx.core.json.JsonArray banks) {
        List<String> owners = banks.stream()
                .map(b -> ((JsonObject) b).getString("owner"))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        return people.named(owners).map(named -> {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            named.forEach(o -> names.put(((JsonObject) o).getString("id"), ((JsonObject) o).getString("name")));
            banks.forEach(b -> {
                JsonObject bank = (JsonObject) b;
                String owner = bank.getString("owner");
                if (owner != null) bank.put("ownerName", names.getOrDefault(owner, owner));
            });
            return banks;
        });
    }

    public Future<JsonObject> view(Caller caller, String bankId) {
        return banks.allowed(caller, bankId, BankAccess.Action.READ).compose(h -> {
            boolean manages = h.access().allows(caller.id(), caller.roles(), BankAccess.Action.MANAGE)
                    && !h.life().locked(); // 5.31: a locked bank's people do not change
            Future<JsonObject> candidates = manages
                    ? Future.all(
                                    people.candidates(BankAccess.roleOfCoAuthors()),
                                    people.candidates(BankAccess.roleOfExperts()))
                            .map(done -> new JsonObject()
                                    .put("coAuthors", done.resultAt(0))
                                    .put("experts", done.resultAt(1)))
                    : Future.succeededFuture(null);
            return Future.all(
                            people.named(List.of(h.owner())),
                            people.named(h.coAuthors()),
                            people.named(h.experts()),
                            candidates)
                    .map(done -> new JsonObject()
                            .put("bankId", bankId)
                            .put("owner", h.owner())
                            .put("coAuthors", new io.vertx.core.json.JsonArray(h.coAuthors()))
                            .put("experts", new io.vertx.core.json.JsonArray(h.experts()))
                            .put(
                                    "people",
                                    new JsonObject()
                                            .put(
                                                    "owner",
                                                    done.<io.vertx.core.json.JsonArray>resultAt(0)
                                                            .getJsonObject(0))
                                            .put("coAuthors", done.resultAt(1))
                                            .put("experts", done.resultAt(2)))
                            .put("mayManage", manages)
                            .put("candidates", done.resultAt(3)));
        });
    }

    /** Replaces both lists; every id must be an account of the right role (co-authors teach, experts review). */
    public Future<JsonObject> replace(Caller caller, String bankId, JsonObject body) {
        return banks.allowed(caller, bankId, BankAccess.Action.MANAGE).compose(h -> {
            List<Problem> problems = new ArrayList<>();
            List<String> coAuthors = Assignees.read(body, "coAuthors", problems);
            List<String> experts = Assignees.read(body, "experts", problems);
            if (coAuthors.contains(h.owner())) {
                problems.add(Assignees.problem(
                        "coAuthors", coAuthors.indexOf(h.owner()), BankTexts.problem("people.owner-co-author")));
            }
            return Future.all(
                            people.verify("coAuthors", coAuthors, BankAccess.roleOfCoAuthors()),
                            people.verify("experts", experts, BankAccess.roleOfExperts()))
                    .compose(done -> {
                        List<Problem> found =
                                new ArrayList<>(problems); // every problem at once, then nothing is stored
                        found.addAll(done.<List<Problem>>resultAt(0));
                        found.addAll(done.<List<Problem>>resultAt(1));
                        return Assignees.<Void>refuse(found);
                    })
                    .compose(v -> banks.store().setAccess(bankId, coAuthors, experts))
                    .compose(v -> view(caller, bankId));
        });
    }
}
