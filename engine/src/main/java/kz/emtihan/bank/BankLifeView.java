package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.model.BankAccess;
import kz.emtihan.bank.model.BankLife;
import kz.emtihan.bank.model.Conclusion;
import kz.emtihan.bank.model.ExpertPanel;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;

/**
 * {@code GET /banks/{id}/life}: the bank's status, approvals, panels, conclusions (with which count), lock history and
 * audit trail, with people's names, whether it is usable this academic year and the next, and which steps the caller
 * may take (the server decides again when they are taken).
 */
final class BankLifeView {
    private final BankReviews reviews;

    BankLifeView(BankReviews reviews) {
        this.reviews = reviews;
    }

    Future<JsonObject> view(Caller caller, String bankId, Language language) {
        return reviews.banks().allowed(caller, bankId, BankAccess.Action.READ).compose(h -> {
            BankLife life = h.life();
            Set<String> ids = new LinkedHashSet<>();
            life.approvals().forEach(a -> ids.add(a.by()));
            life.panel().values().forEach(ids::addAll);
            life.conclusions().forEach(c -> ids.add(c.expert()));
            life.locks().forEach(l -> ids.add(l.by()));
            // issue 15 (2): the trail names who did each step too
            return reviews.banks().store().trail(bankId).compose(trail -> {
                trail.forEach(e -> {
                    if (e.getValue("by") instanceof String by) ids.add(by);
                    if (e.getValue("experts") instanceof JsonArray experts)
                        experts.forEach(x -> ids.add(String.valueOf(x)));
                });
                return reviews.people().named(List.copyOf(ids)).map(named -> {
                    Map<String, String> names = names(named);
                    trail.forEach(e -> {
                        if (e.getValue("by") instanceof String by) e.put("byName", names.getOrDefault(by, by));
                        if (e.getValue("experts") instanceof JsonArray experts)
                            e.put(
                                    "expertNames",
                                    new JsonArray(experts.stream()
                                            .map(x -> names.getOrDefault(String.valueOf(x), String.valueOf(x)))
                                            .toList()));
                    });
                    return json(caller, h, life, names, trail, language);
                });
            });
        });
    }

    private static Map<String, String> names(JsonArray named) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Object o : named) out.put(((JsonObject) o).getString("id"), ((JsonObject) o).getString("name"));
        return out;
    }

    private JsonObject json(
            Caller caller,
            BankStore.BankHeader h,
            BankLife life,
            Map<String, String> names,
            List<JsonObject> trail,
            Language language) {
        String current = reviews.currentYear();
        List<String> years = List.of(current, ExpertPanel.next(current));
        JsonObject usable = new JsonObject();
        for (String y : years) {
            JsonObject u = new JsonObject().put("usable", life.usable(y));
            life.whyNotUsable(y).ifPresent(t -> u.put("reason", Catalogue.render(t, language)));
            usable.put(y, u);
        }
        JsonObject panel = new JsonObject();
        life.panel().forEach((y, experts) -> panel.put(y, person(experts, names)));
        JsonArray conclusions = new JsonArray();
        for (Conclusion c : life.conclusions()) {
            conclusions.add(BankLifeJson.conclusion(c)
                    .put("expertName", names.getOrDefault(c.expert(), c.expert()))
                    .put("counts", life.counting(c.academicYear()).contains(c))
                    .put("pdf", "/api/v1/banks/" + h.id() + "/conclusions/" + c.number() + "/pdf"));
        }
        JsonArray approvals = new JsonArray();
        life.approvals()
                .forEach(a ->
                        approvals.add(BankLifeJson.approval(a).put("byName", names.getOrDefault(a.by(), a.by()))));
        JsonArray locks = new JsonArray();
        life.locks().forEach(l -> locks.add(BankLifeJson.lock(l).put("byName", names.getOrDefault(l.by(), l.by()))));
        boolean admin = caller.roles().contains(Role.ADMIN);
        boolean head = caller.roles().contains(Role.HEAD);
        boolean onPanel = caller.roles().contains(Role.EXPERT)
                && years.stream().anyMatch(y -> life.panelOf(y).contains(caller.id()));
        return new JsonObject()
                .put("bankId", h.id())
                .put("status", life.status())
                .put("approval", life.approval().map(BankLifeJson::approval).orElse(null))
                .put("approvals", approvals)
                .put("currentYear", current)
                .put("years", new JsonArray(years))
                .put("usable", usable)
                .put("panel", panel)
                .put("conclusions", conclusions)
                .put("locked", life.locked())
                .put("locks", locks)
                .put("trail", new JsonArray(trail))
                .put("passportPdf", "/api/v1/banks/" + h.id() + "/passport/pdf")
                .put(
                        "may",
                        new JsonObject()
                                .put("approve", (admin || head) && !life.approved() && !life.locked())
                                .put("assign", (admin || head) && !life.locked())
                                .put("conclude", onPanel && life.approved() && !life.locked())
                                .put("lock", admin && !life.locked())
                                .put("unlock", admin && life.locked()));
    }

    private static JsonArray person(List<String> ids, Map<String, String> names) {
        JsonArray out = new JsonArray();
        for (String id : ids) out.add(new JsonObject().put("id", id).put("name", names.getOrDefault(id, id)));
        return out;
    }
}
