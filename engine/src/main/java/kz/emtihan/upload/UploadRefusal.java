package kz.emtihan.upload;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/**
 * Refusals of the request's body itself, shared by every context that reads a file or a photo. Sentences: {@code
 * refusals_<lang>.properties} in this package; the {@code problem} of {@link #BAD_CSV} is a {@code Text} of {@code
 * texts_<lang>.properties} ({@link CsvRecords}).
 */
public enum UploadRefusal implements RefusalCode {
    /** Not a JPEG or PNG with its own Content-Type, or larger than {@link ImageBodies#MAX_PHOTO_BYTES}. */
    BAD_PHOTO("bad-photo", Kind.INVALID),
    /** The CSV file cannot be read; {@code problem} says why. */
    BAD_CSV("bad-csv", Kind.INVALID, "problem"),
    /** A file upload without the file. */
    EMPTY_FILE("empty-file", Kind.INVALID);

    private final Declared declared;

    UploadRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
