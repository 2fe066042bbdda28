package kz.emtihan.bank.imports;

import java.util.Objects;

/**
 * A file a question file carries for a question (Moodle XML {@code <file encoding="base64">} or {@code
 * <image_base64>}, a QTI package's picture): its name as the question's HTML refers to it, {@code
 * @@PLUGINFILE@@/<name>}, and its bytes. Nothing is decided about it here: the bank checks and stores it.
 */
public record EmbeddedFile(String name, byte[] bytes) {
    public EmbeddedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }
}
