package kz.emtihan.registry;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kz.emtihan.registry.model.ExamLine;

/** An exam's registry line as JSON (openapi.yaml {@code RegistryRow}). */
final class RegistryJson {
    private RegistryJson() {}

    static JsonObject line(ExamLine l) {
        JsonObject o = new JsonObject()
                .put("studentId", l.studentId())
                .put("name", l.name())
                .put("group", l.group())
                .put("midterms", new JsonArray(l.admission().midterms()))
                .put(
                        "admissionSource",
                        l.admission()
                                .source()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-'))
                .put("status", l.status());
        l.admission().rating().ifPresent(r -> o.put("admissionRating", r));
        l.exam()
                .ifPresent(g -> o.put("points", g.points())
                        .put("percent", g.percent())
                        .put("letter", g.letter())
                        .put("gpa", g.gpa())
                        .put("traditional", g.traditional()));
        l.finalRating()
                .ifPresent(f -> o.put(
                        "final",
                        new JsonObject()
                                .put("rating", f.rating())
                                .put("letter", f.band().letter())
                                .put("gpa", f.band().gpa())
                                .put("traditional", f.band().traditional())));
        l.counts().ifPresent(c -> o.put("counts", c));
        l.countingExam().ifPresent(c -> o.put("countingExam", c));
        return o;
    }
}
