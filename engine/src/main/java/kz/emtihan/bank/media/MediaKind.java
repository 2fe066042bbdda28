package kz.emtihan.bank.media;

/** What a stored file is shown as: a picture ({@code <img>}) or something played ({@code <audio>}, {@code <video>}). */
public enum MediaKind {
    IMAGE,
    AUDIO,
    VIDEO;

    /** Whether an element of this name may show a file of this kind: a picture only in img, sound or film elsewhere. */
    public boolean fits(String element) {
        return element.equals("img") == (this == IMAGE);
    }
}
