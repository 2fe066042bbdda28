package kz.emtihan.bank;

import io.vertx.core.Future;
import java.util.List;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.media.ImportMedia;
import kz.emtihan.bank.media.MediaRefs;
import kz.emtihan.bank.media.MediaRefusal;
import kz.emtihan.bank.media.MediaSniffer;
import kz.emtihan.bank.model.BankAccess;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.upload.UploadRefusal;

/**
 * A bank's pictures and sounds for its staff (issue 12, 2): read by those who may read the bank, added by those who
 * may edit it (the bank editor's picture for a question written in the page). The same checks as an import: type from
 * the bytes, the size limit of one file.
 */
public final class MediaFiles {
    private final Banks banks;

    public MediaFiles(Banks banks) {
        this.banks = banks;
    }

    /** The file, if the caller may read the bank (5.21) and the bank has it; 404 otherwise. */
    public Future<MediaFile> file(Caller caller, String bankId, String hash) {
        return banks.allowed(caller, bankId, BankAccess.Action.READ)
                .compose(h -> MediaRefs.HASH.matcher(hash).matches()
                        ? banks.media().get(bankId, List.of(hash))
                        : Future.succeededFuture(java.util.Map.<String, MediaFile>of()))
                .map(found -> {
                    MediaFile f = found.get(hash);
                    if (f == null) throw notFound(hash);
                    return f;
                });
    }

    /** Stores the bytes as a file of the bank, if the caller may edit it; the same bytes twice are one file. */
    public Future<MediaFile> add(Caller caller, String bankId, byte[] bytes) {
        return banks.allowed(caller, bankId, BankAccess.Action.EDIT).compose(h -> {
            if (bytes.length == 0) throw Refusal.of(UploadRefusal.EMPTY_FILE);
            if (bytes.length > banks.media().limits().maxFileBytes()) throw Refusal.of(CommonRefusal.BODY_TOO_LARGE);
            MediaSniffer.Sniffed type = MediaSniffer.read(bytes)
                    .orElseThrow(() -> Refusal.of(MediaRefusal.FILE_REFUSED, ImportMedia.refusedBecause(bytes)));
            MediaFile file = new MediaFile(ImportMedia.sha256(bytes), type.type(), bytes);
            return banks.media().put(bankId, List.of(file)).map(file);
        });
    }

    static Refusal notFound(String hash) {
        return Refusal.of(CommonRefusal.NOT_FOUND, ImportMedia.thing(), hash);
    }
}
