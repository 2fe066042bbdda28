package kz.emtihan.bank.exports;

/** Text and CDATA for XML written by hand. */
final class Xml {
    private Xml() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** A CDATA section holding the text, split where the text itself has "]]>". */
    static String cdata(String text) {
        if (text.isEmpty()) return "";
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
