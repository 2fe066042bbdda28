package kz.emtihan.auth;

import kz.emtihan.text.Text;

/** The words of accounts, in kk, ru and en ({@code texts_<lang>.properties} in this package). */
final class AuthTexts {
    static final String BUNDLE = "kz.emtihan.auth.texts";

    private AuthTexts() {}

    /** "user", for {@code not-found}. */
    static Text user() {
        return Text.of(BUNDLE, "user");
    }

    /** "enrolment photo of the user", for {@code not-found}. */
    static Text enrolmentPhoto() {
        return Text.of(BUNDLE, "enrolment-photo");
    }

    /** What is wrong with one account of a list ({@code user.<key>}). */
    static Text problem(String key, Object... namedArgs) {
        return Text.of(BUNDLE, "user." + key, namedArgs);
    }
}
