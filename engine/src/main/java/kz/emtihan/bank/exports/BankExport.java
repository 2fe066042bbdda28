package kz.emtihan.bank.exports;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.Question;

/** The export formats of a bank, and the file each one makes. */
public final class BankExport {
    public static final Set<String> FORMATS = Set.of("moodle-xml", "qti3");

    private BankExport() {}

    /** A file to download: its name, media type and bytes. */
    public record File(String fileName, String contentType, byte[] bytes) {}

    /** The hashes of the stored pictures and sounds the questions show. */
    public static Set<String> hashes(List<Question> questions) {
        return ExportMedia.hashes(questions);
    }

    /** @param format one of {@link #FORMATS} */
    public static File write(
            String format, String bankId, String title, List<Question> questions, Map<String, MediaFile> media) {
        String base = "bank-" + bankId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (format.equals("qti3"))
            return new File(base + "-qti3.zip", "application/zip", Qti3Export.write(title, questions, media));
        if (format.equals("moodle-xml"))
            return new File(
                    base + "-moodle.xml", "application/xml; charset=utf-8", MoodleXmlExport.write(questions, media));
        throw new IllegalArgumentException("not an export format: " + format);
    }
}
