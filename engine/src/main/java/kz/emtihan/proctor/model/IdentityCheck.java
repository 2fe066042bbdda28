package kz.emtihan.proctor.model;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether identity photos are usable (5.17.2, 6.15.6): the face photo shows exactly one face and the ID card
 * shows a face. Usable photos go to a proctor, who always decides; unusable ones are refused at once so the
 * student can take them again.
 */
public final class IdentityCheck {
    private IdentityCheck() {}

    public static List<JsonObject> problems(int faceCount, boolean faceJudgeable, int documentFaceCount) {
        List<JsonObject> out = new ArrayList<>();
        if (faceCount == 0) {
            out.add(problem(
                    "face",
                    "no-face",
                    faceJudgeable
                            ? "no face was found on the face photo"
                            : "the face photo is too dark or blurred to find a face"));
        } else if (faceCount > 1) {
            out.add(problem(
                    "face",
                    "multiple-faces",
                    faceCount + " faces were found on the face photo: only you should be in it"));
        }
        if (documentFaceCount == 0) {
            out.add(problem(
                    "document", "no-face", "no face was found on the ID card photo: show the side with your photo"));
        }
        return out;
    }

    private static JsonObject problem(String field, String error, String message) {
        return new JsonObject().put("field", field).put("error", error).put("message", message);
    }
}
