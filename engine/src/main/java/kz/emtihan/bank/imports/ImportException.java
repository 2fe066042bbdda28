package kz.emtihan.bank.imports;

/**
 * The whole file cannot be parsed (XML not well-formed, a root other than {@code <quiz>}, a DOCTYPE, a GIFT
 * brace left open...). Nothing from the file should be imported. {@link #line()} and {@link #column()} are
 * 1-based and point at the fault, 0 when unknown; the message starts with them and names the fault.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String fault;

    public ImportException(String fault, int line, int column) {
        super(where(line, column) + fault);
        this.fault = fault;
        this.line = Math.max(0, line);
        this.column = Math.max(0, column);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The fault alone, without the position. */
    public String fault() {
        return fault;
    }

    private static String where(int line, int column) {
        if (line <= 0) return "";
        return column > 0 ? "line " + line + ", column " + column + ": " : "line " + line + ": ";
    }
}
