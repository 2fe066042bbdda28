package kz.emtihan.bank;

import java.util.List;
import kz.emtihan.text.Text;

/** The words of banks, in kk, ru and en ({@code texts_<lang>.properties} in this package). */
public final class BankTexts {
    static final String BUNDLE = "kz.emtihan.bank.texts";

    private BankTexts() {}

    /** The name of a kind of thing, for {@code not-found}: bank, question. */
    static Text thing(String key) {
        return Text.of(BUNDLE, "thing." + key);
    }

    /** A problem of a request ({@code <group>.<key>}). */
    static Text problem(String key, Object... namedArgs) {
        return Text.of(BUNDLE, key, namedArgs);
    }

    /** Several problems of one record said as one: "a; b; c". */
    static Text joined(List<Text> texts) {
        if (texts.isEmpty()) throw new IllegalArgumentException("nothing to join");
        Text out = texts.get(texts.size() - 1);
        for (int i = texts.size() - 2; i >= 0; i--) out = Text.of(BUNDLE, "joined", "first", texts.get(i), "rest", out);
        return out;
    }
}
