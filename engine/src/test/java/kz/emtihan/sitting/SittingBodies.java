package kz.emtihan.sitting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The sitting most tests create: chair c1 with members m1 and m2 (three with the chair, 6.15.6), technical secretary
 * sec1 outside the commission, and an appeal commission of other people, chair ac1 and deputy ad1 (6.15.4).
 */
public final class SittingBodies {
    private SittingBodies() {}

    /** {@code POST /sittings} of that commission; {@code students} are ids or {@code {"id","carriedFrom"}} objects. */
    public static JsonObject body(String kind, String title, String date, String language, Object... students) {
        JsonArray list = new JsonArray();
        for (Object s : students) list.add(s);
        return new JsonObject()
                .put("kind", kind)
                .put("title", title)
                .put("date", date)
                .put("language", language)
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "c1")
                                .put("members", new JsonArray().add("m1").add("m2"))
                                .put("secretary", "sec1"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "ac1")
                                .put("deputy", "ad1")
                                .put("members", new JsonArray()))
                .put("students", list);
    }
}
