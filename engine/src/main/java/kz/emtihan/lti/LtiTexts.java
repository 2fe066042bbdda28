package kz.emtihan.lti;

import kz.emtihan.text.Text;

/** The words of LTI registrations, in kk, ru and en ({@code texts_<lang>.properties} in this package). */
final class LtiTexts {
    static final String BUNDLE = "kz.emtihan.lti.texts";

    private LtiTexts() {}

    /** "LMS registration", for {@code not-found}. */
    static Text platform() {
        return Text.of(BUNDLE, "platform");
    }

    /** What is wrong with one field of a registration ({@code field.<key>}). */
    static Text field(String key) {
        return Text.of(BUNDLE, "field." + key);
    }
}
