package kz.emtihan.bank.media;

/**
 * How large the pictures and sounds of a bank may be ({@code bankMedia} in {@code emtihan.yaml}): one file, and all the
 * new files of one import together. A file over its limit is refused with its size and the limit, never cut.
 */
public record MediaLimits(long maxFileBytes, long maxImportBytes) {
    /** 4 MiB a file, 64 MiB an import: a picture or a minute of sound each, a large Moodle bank of pictures together. */
    public static final MediaLimits DEFAULT = new MediaLimits(4L << 20, 64L << 20);

    public MediaLimits {
        if (maxFileBytes < 1 || maxImportBytes < maxFileBytes)
            throw new IllegalArgumentException("limits must be positive, an import's at least a file's");
    }
}
