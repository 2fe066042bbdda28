package kz.emtihan.bank.media;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/** Refusals of a bank's pictures and sounds. Sentences: {@code refusals_<lang>.properties} in this package. */
public enum MediaRefusal implements RefusalCode {
    /** A file whose bytes are not of an accepted type ({@link MediaSniffer}); {@code reason} says what it is. */
    FILE_REFUSED("file-refused", Kind.UNSUPPORTED_TYPE, "reason");

    private final Declared declared;

    MediaRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
