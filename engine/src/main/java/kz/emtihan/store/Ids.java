package kz.emtihan.store;

import java.security.SecureRandom;

/** Random ids of lower-case letters and digits: unguessable, so an id says nothing about order or content. */
public final class Ids {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(out);
    }

    public static String prefixed(String prefix) {
        return prefix + random(12);
    }
}
