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
    /** Kebab-case, unique across the engine, as the API sends it. */
    String code();

    Kind kind();

    /** The names of the arguments, in the order {@link Refusal#of} takes their values. */
    List<String> args();

    /** The resource bundle that holds the sentences: {@code refusals} next to the declaring enum. */
    default String bundle() {
        return getClass().getPackageName() + ".refusals";
    }
}
