package kz.emtihan.proctor.model;

import java.util.ArrayList;
import java.util.List;
import kz.emtihan.text.Text;

/**
 * Whether identity photos are usable (5.17.2, 6.15.6): the face photo shows exactly one face and the ID card
 * shows a face. Usable photos go to a proctor, who always decides; unusable ones are refused at once so the
 * student can take them again.
 */
public final class IdentityCheck {
    private IdentityCheck() {}

    /** One unusable photo: which ({@code face}, {@code document}), the code the API sends, and what to tell. */
    public record Problem(String field, String error, Text text) {}

    public static List<Problem> problems(int faceCount, boolean faceJudgeable, int documentFaceCount) {
        List<Problem> out = new ArrayList<>();
        if (faceCount == 0) {
            out.add(new Problem(
                    "face", "no-face", faceJudgeable ? ProctorTexts.noFaceOnPhoto() : ProctorTexts.photoTooDark()));
        } else if (faceCount > 1) {
            out.add(new Problem("face", "multiple-faces", ProctorTexts.manyFacesOnPhoto(faceCount)));
        }
        if (documentFaceCount == 0) {
            out.add(new Problem("document", "no-face", ProctorTexts.noFaceOnCard()));
        }
        return out;
    }
}
