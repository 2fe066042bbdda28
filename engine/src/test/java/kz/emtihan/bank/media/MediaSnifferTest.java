package kz.emtihan.bank.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 12 (2): the type of a file is read from its bytes; only the allow-list passes, with a reason for the rest. */
class MediaSnifferTest {
    static byte[] resource(String name) {
        try (InputStream in = MediaSnifferTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no test file " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> type(byte[] b) {
        return MediaSniffer.read(b).map(MediaSniffer.Sniffed::type);
    }

    @Test
    void realFilesOfEveryAcceptedFormatAreKnownByTheirBytes() { // made with ffmpeg, see README.md beside them
        assertEquals(Optional.of("image/png"), type(resource("dot.png")));
        assertEquals(Optional.of("image/jpeg"), type(resource("dot.jpg")));
        assertEquals(Optional.of("image/gif"), type(resource("dot.gif")));
        assertEquals(Optional.of("image/webp"), type(resource("dot.webp")));
        assertEquals(Optional.of("audio/mpeg"), type(resource("tone.mp3")), "MP3 with an ID3 tag");
        assertEquals(Optional.of("audio/mpeg"), type(resource("tone-no-id3.mp3")), "a bare MPEG frame");
        assertEquals(Optional.of("audio/ogg"), type(resource("tone.ogg")), "Vorbis");
        assertEquals(Optional.of("audio/ogg"), type(resource("tone.opus")), "Opus");
        assertEquals(Optional.of("audio/wav"), type(resource("tone.wav")));
        assertEquals(Optional.of("audio/mp4"), type(resource("tone.m4a")));
        assertEquals(Optional.of("video/mp4"), type(resource("clip.mp4")));
        assertEquals(
                MediaKind.IMAGE,
                MediaSniffer.read(resource("dot.png")).orElseThrow().kind());
        assertEquals(
                MediaKind.AUDIO,
                MediaSniffer.read(resource("tone.ogg")).orElseThrow().kind());
        assertEquals(
                MediaKind.VIDEO,
                MediaSniffer.read(resource("clip.mp4")).orElseThrow().kind());
    }

    @Test
    void svgAndActiveContentAreRefusedWithTheirReasonWhateverTheyAreCalled() {
        byte[] svg = resource("evil.svg");
        assertEquals(Optional.empty(), MediaSniffer.read(svg));
        assertEquals("svg", MediaSniffer.refusal(svg));
        byte[] utf16 = ("\uFEFF<svg xmlns='http://www.w3.org/2000/svg'/>").getBytes(StandardCharsets.UTF_16LE);
        assertEquals(Optional.empty(), MediaSniffer.read(utf16), "a UTF-16 SVG is no MPEG frame");
        assertEquals("svg", MediaSniffer.refusal(utf16));
        assertEquals("markup", MediaSniffer.refusal(ascii("  <!DOCTYPE html><script>alert(1)</script>")));
        assertEquals("pdf", MediaSniffer.refusal(ascii("%PDF-1.7\n")));
        assertEquals("program", MediaSniffer.refusal(ascii("#!/bin/sh\nrm -rf /")));
        assertEquals("program", MediaSniffer.refusal(ascii("MZ\u0090\u0000")));
        assertEquals("archive", MediaSniffer.refusal(new byte[] {'P', 'K', 3, 4, 0}));
        assertEquals("empty", MediaSniffer.refusal(new byte[0]));
        assertEquals("unknown", MediaSniffer.refusal(ascii("just some text")));
        for (String s : new String[] {"<svg/>", "%PDF-1.4", "<html>", "PK\u0003\u0004", "GIF8", "RIFF\0\0\0\0AVI "})
            assertTrue(MediaSniffer.read(ascii(s)).isEmpty(), s);
    }

    @Test
    void aPictureNamedLikeASoundIsStillAPictureAndHeicIsRefused() {
        byte[] heic = new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
        assertEquals(Optional.empty(), MediaSniffer.read(heic));
        assertEquals("unknown", MediaSniffer.refusal(heic));
        assertTrue(MediaKind.IMAGE.fits("img"));
        assertTrue(!MediaKind.IMAGE.fits("audio") && !MediaKind.AUDIO.fits("img"));
        assertTrue(MediaKind.VIDEO.fits("audio"), "an MP4 sound track plays in <audio>");
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
