package kz.emtihan;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves a {@link TestEngine} parameter for the classes marked {@link SharedEngine}: the engines live in the root
 * context's store, one per configuration, so they are started when the first class asks and closed (as any
 * {@link AutoCloseable} in the store) when the whole run ends. Engines start one at a time, on the asking thread.
 */
public final class SharedEngineExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace ENGINES =
            ExtensionContext.Namespace.create(SharedEngineExtension.class);

    /** One configuration: the overrides sorted by key, and demo or not. */
    record Configuration(Map<String, String> env, boolean demo) {
        static Configuration of(SharedEngine annotation) {
            Map<String, String> env = new TreeMap<>();
            for (String pair : annotation.env()) {
                int eq = pair.indexOf('=');
                if (eq < 1) throw new IllegalArgumentException("@SharedEngine env wants KEY=value, not " + pair);
                if (env.put(pair.substring(0, eq), pair.substring(eq + 1)) != null)
                    throw new IllegalArgumentException("@SharedEngine env names " + pair.substring(0, eq) + " twice");
            }
            return new Configuration(Map.copyOf(env), annotation.demo());
        }
    }

    /** The store's value: closing it (at the end of the run) stops the engine. */
    record Started(TestEngine engine) implements AutoCloseable {
        @Override
        public void close() {
            engine.stopShared();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestEngine.class && annotation(context) != null;
    }

    @Override
    public TestEngine resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SharedEngine annotation = annotation(context);
        if (annotation == null)
            throw new ParameterResolutionException("no @SharedEngine on " + context.getDisplayName());
        Configuration configuration = Configuration.of(annotation);
        return context.getRoot()
                .getStore(ENGINES)
                .getOrComputeIfAbsent(
                        configuration, c -> new Started(TestEngine.startShared(c.env(), c.demo())), Started.class)
                .engine();
    }

    private static SharedEngine annotation(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, SharedEngine.class))
                .orElse(null);
    }
}
