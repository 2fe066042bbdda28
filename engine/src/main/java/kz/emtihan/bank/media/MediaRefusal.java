package kz.emtihan.bank.media;

import java.util.List;
import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/** Refusals of a bank's pictures and sounds. Sentences: {@code refusals_<lang>.properties} in this package. */
public enum MediaRefusal implements RefusalCode {
    /** A file whose bytes are not of an accepted type ({@link MediaSniffer}); {@code reason} says what it is. */
    FILE_REFUSED("file-refused", Kind.UNSUPPORTED_TYPE, "reason");

    private final String code;
    private final Kind kind;
    private final List<String> args;

    MediaRefusal(String code, Kind kind, String... args) {
        this.code = code;
        this.kind = kind;
        this.args = List.of(args);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public List<String> args() {
        return args;
    }
}
