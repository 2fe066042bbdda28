package kz.emtihan.refusal;

import java.util.List;

/**
 * One declared refusal: the code the API sends in {@code "error"}, its kind and the names of its arguments. Each
 * context declares its codes once, in an enum implementing this interface, and their sentences in kk, ru and en in
 * {@code refusals_<lang>.properties} of the same package ({@code {name}} marks an argument). {@code
 * RefusalCatalogueTest} holds every enum, every bundle, the OpenAPI document and the pages to the same codes and
 * arguments.
 */
public interface RefusalCode {
    /**
     * What one constant of a refusal enum declares: its code, kind and argument names. An enum keeps one of these
     * per constant and answers {@link #declared()}; the accessors below read it, so no enum repeats them.
     *
     * @param code kebab-case, unique across the engine, as the API sends it
     * @param args the names of the arguments, in the order {@link Refusal#of} takes their values
     */
    record Declared(String code, Kind kind, List<String> args) {
        public Declared(String code, Kind kind, String... args) {
            this(code, kind, List.of(args));
        }
    }

    Declared declared();

    /** Kebab-case, unique across the engine, as the API sends it. */
    default String code() {
        return declared().code();
    }

    default Kind kind() {
        return declared().kind();
    }

    /** The names of the arguments, in the order {@link Refusal#of} takes their values. */
    default List<String> args() {
        return declared().args();
    }

    /** The resource bundle that holds the sentences: {@code refusals} next to the declaring enum. */
    default String bundle() {
        return getClass().getPackageName() + ".refusals";
    }
}
