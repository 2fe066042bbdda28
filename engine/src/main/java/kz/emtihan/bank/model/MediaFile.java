package kz.emtihan.bank.model;

import java.util.Objects;

/**
 * A picture or sound stored with a bank: named by the SHA-256 of its bytes (hex, lower case), with the media type
 * read from the bytes. Question HTML refers to it as {@code <img data-media="<hash>">} or {@code <audio
 * data-media="<hash>">}; it is shown to a student only inside their own paper and to staff in the bank.
 */
public record MediaFile(String hash, String type, byte[] bytes) {
    public MediaFile {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bytes, "bytes");
        if (!hash.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256 hex: " + hash);
    }
}
