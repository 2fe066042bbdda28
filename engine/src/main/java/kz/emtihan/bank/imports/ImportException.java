package kz.emtihan.bank.imports;

import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;

/**
 * The whole file cannot be parsed (XML not well-formed, a root other than {@code <quiz>}, a DOCTYPE, a GIFT
 * brace left open...). Nothing from the file should be imported. {@link #line()} and {@link #column()} are
 * 1-based and point at the fault, 0 when unknown; {@link #fault()} names it in the caller's language at the edge.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final transient Text fault;

    public ImportException(Text fault, int line, int column) {
        super(null, null, false, false);
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
    public Text fault() {
        return fault;
    }

    /** The position and the fault, in English: for logs and tests. */
    @Override
    public String getMessage() {
        return Catalogue.render(ImportTexts.at(line, column, fault), Language.EN);
    }
}
