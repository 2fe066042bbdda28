package kz.emtihan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The class takes its {@link TestEngine} as a parameter of its {@code @BeforeAll} method, and every class of the run
 * with the same configuration gets the same started engine (and embedded Redis), closed when the run ends. Such a
 * class must not rely on a clean store: it uses ids of its own (users, sittings, anything it counts) and never
 * flushes or restarts the engine. Classes that need that, or a second node, or a stopped Redis, start their own with
 * {@link TestEngine#start}. See {@link SharedEngineExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedEngineExtension.class)
public @interface SharedEngine {
    /** EMTIHAN_* overrides as {@code KEY=value}; classes with the same set (in any order) share an engine. */
    String[] env() default {};

    /** Started as {@code --demo} starts it (DemoData). */
    boolean demo() default false;
}
