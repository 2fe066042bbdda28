package kz.emtihan.bank.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The media type of a file, read from its first bytes (never from its name or a declared type). Only an allow-list is
 * accepted: PNG, JPEG, GIF and WebP pictures; MP3, Ogg (Vorbis, Opus, FLAC; Theora as video), WAV and MP4 (M4A as
 * sound, other brands as video). Everything else is refused with the reason a teacher can act on: SVG and other
 * markup (it can carry scripts), PDF, programs and scripts, archives, or simply an unknown type.
 *
 * <p>A small reader of signatures rather than a detection library: the allow-list has eight formats, each with a
 * fixed signature at offset 0, and everything outside it is refused, so a library's breadth (Apache Tika core detects
 * about 1,500 types, loading its registry at start) would decide nothing more here (docs/banks.md).
 */
public final class MediaSniffer {
    private MediaSniffer() {}

    /** An accepted file: its media type and how it is shown. */
    public record Sniffed(String type, MediaKind kind) {}

    /** The type of an accepted file, or empty when {@link #refusal} says why it is refused. */
    public static Optional<Sniffed> read(byte[] b) {
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return image("image/png");
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) return image("image/jpeg");
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) return image("image/gif");
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP") && ascii(b, 12, "VP8")) return image("image/webp");
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) return played("audio/wav", MediaKind.AUDIO);
        if (ascii(b, 0, "ID3") && b.length > 3 && b[3] >= 2 && b[3] <= 4) return played("audio/mpeg", MediaKind.AUDIO);
        if (mpegAudioFrame(b) && !starts(b, 0, 0xFF, 0xFE)) return played("audio/mpeg", MediaKind.AUDIO);
        if (ascii(b, 0, "OggS")) return ogg(b);
        if (ascii(b, 4, "ftyp")) return mp4(b);
        return Optional.empty();
    }

    /**
     * Why a file {@link #read} does not accept is refused: {@code empty}, {@code svg}, {@code markup} (HTML, XML),
     * {@code pdf}, {@code program} (an executable or a script), {@code archive}, {@code unknown}; a key of the media
     * texts ({@code refused.<reason>}).
     */
    public static String refusal(byte[] b) {
        if (b.length == 0) return "empty";
        String head = text(b).stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<")) return head.contains("<svg") ? "svg" : "markup";
        if (head.startsWith("%pdf")) return "pdf";
        if (head.startsWith("#!") || ascii(b, 0, "MZ") || starts(b, 0, 0x7F, 'E', 'L', 'F')) return "program";
        if (head.startsWith("function") || head.startsWith("var ") || head.startsWith("<?php")) return "program";
        if (starts(b, 0, 'P', 'K', 3, 4) || starts(b, 0, 0x1F, 0x8B) || ascii(b, 0, "Rar!") || ascii(b, 0, "7z"))
            return "archive";
        return "unknown";
    }

    private static Optional<Sniffed> image(String type) {
        return Optional.of(new Sniffed(type, MediaKind.IMAGE));
    }

    private static Optional<Sniffed> played(String type, MediaKind kind) {
        return Optional.of(new Sniffed(type, kind));
    }

    /** An MPEG-1/2/2.5 layer I-III frame header without ID3 tag: sync bits, a layer, a bitrate and a sample rate. */
    private static boolean mpegAudioFrame(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xE0) != 0xE0) return false;
        int version = (b[1] >> 3) & 3;
        int layer = (b[1] >> 1) & 3;
        int bitrate = (b[2] >> 4) & 0xF;
        int rate = (b[2] >> 2) & 3;
        return version != 1 && layer != 0 && bitrate != 0xF && rate != 3;
    }

    /** The first page of an Ogg stream names its codec: Vorbis, Opus and FLAC are sound, Theora is film. */
    private static Optional<Sniffed> ogg(byte[] b) {
        if (b.length < 27) return Optional.empty();
        int segments = b[26] & 0xFF;
        int payload = 27 + segments;
        if (starts(b, payload, 0x01, 'v', 'o', 'r', 'b', 'i', 's')
                || ascii(b, payload, "OpusHead")
                || starts(b, payload, 0x7F, 'F', 'L', 'A', 'C')) return played("audio/ogg", MediaKind.AUDIO);
        if (starts(b, payload, 0x80, 't', 'h', 'e', 'o', 'r', 'a')) return played("video/ogg", MediaKind.VIDEO);
        return Optional.empty();
    }

    /** ISO base media: M4A/M4B/M4P brands are sound, the MP4 brands film; QuickTime, HEIF, AVIF and others are refused. */
    private static Optional<Sniffed> mp4(byte[] b) {
        if (b.length < 12) return Optional.empty();
        String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
        return switch (brand) {
            case "M4A ", "M4B ", "M4P " -> played("audio/mp4", MediaKind.AUDIO);
            case "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "MSNV", "dash" ->
                played("video/mp4", MediaKind.VIDEO);
            default -> Optional.empty();
        };
    }

    private static boolean starts(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) return false;
        for (int i = 0; i < expected.length; i++) if ((b[at + i] & 0xFF) != expected[i]) return false;
        return true;
    }

    private static boolean ascii(byte[] b, int at, String expected) {
        return starts(b, at, expected.chars().toArray());
    }

    /** The first KiB as text, a byte-order mark dropped (UTF-16 read as such, so {@code <svg} is seen in it too). */
    private static String text(byte[] b) {
        int n = Math.min(b.length, 1024);
        if (starts(b, 0, 0xFE, 0xFF)) return new String(b, 2, Math.max(0, n - 2), StandardCharsets.UTF_16BE);
        if (starts(b, 0, 0xFF, 0xFE)) return new String(b, 2, Math.max(0, n - 2), StandardCharsets.UTF_16LE);
        if (starts(b, 0, 0xEF, 0xBB, 0xBF)) return new String(b, 3, Math.max(0, n - 3), StandardCharsets.UTF_8);
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }
}
