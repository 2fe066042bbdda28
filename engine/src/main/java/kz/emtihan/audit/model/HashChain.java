package kz.emtihan.audit.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * 5.16: results protected from distortion. An attempt's log is chained: h0 = SHA-256("emtihan:" + attempt id),
 * h(i) = SHA-256(h(i-1) as hex + "\n" + entry i). Changing, removing or reordering any entry changes the head.
 */
public final class HashChain {
    private HashChain() {}

    public static String head(String attemptId, List<String> entries) {
        String h = sha256("emtihan:" + attemptId);
        for (String e : entries) h = sha256(h + "\n" + e);
        return h;
    }

    /**
     * The final answers, one line per question in paper order: {@code qid=opt1,opt2} with option ids sorted;
     * unanswered questions give {@code qid=}.
     */
    public static String answersDigest(List<String> paperOrder, Map<String, List<String>> answers) {
        StringBuilder b = new StringBuilder();
        for (String q : paperOrder) {
            b.append(q)
                    .append('=')
                    .append(String.join(",", new TreeSet<>(answers.getOrDefault(q, List.of()))))
                    .append('\n');
        }
        return sha256(b.toString());
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
