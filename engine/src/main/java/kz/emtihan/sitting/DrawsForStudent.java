package kz.emtihan.sitting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a student sees of a sitting's draws (issue 10, 6.15.6): their own draws only while the sitting runs; once it is
 * closed, every draw in order with its number and ticket, their own in full ({@code "yours": true}, with their id and
 * word) and everyone else's as an anonymous position ({@code "student": "other"}, no id, no word). With the revealed
 * seed that is enough to recompute their own draw: the tickets available to it are those not drawn before it (or,
 * with replacement, not drawn by the student before). Pure.
 */
final class DrawsForStudent {
    private DrawsForStudent() {}

    static JsonArray of(JsonArray draws, String student, boolean closed) {
        JsonArray out = new JsonArray();
        for (Object o : draws) {
            if (!(o instanceof JsonObject d)) continue;
            boolean mine = student.equals(d.getString("studentId"));
            if (mine) out.add(d.copy().put("yours", true));
            else if (closed)
                out.add(new JsonObject()
                        .put("drawNumber", d.getValue("drawNumber"))
                        .put("ticket", d.getValue("ticket"))
                        .put("student", "other"));
        }
        return out;
    }
}
