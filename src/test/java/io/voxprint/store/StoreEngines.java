package io.voxprint.store;

import io.voxprint.store.sqlite.SqliteEngine;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engines the store's contract suite runs on. A test marked {@link EngineTest} takes a
 * {@link StoreEngine} and runs once per engine listed here; a new engine is one more factory.
 */
public final class StoreEngines {

    private StoreEngines() {
    }

    /** A fresh instance of every engine, for one test. */
    static Stream<StoreEngine> engines() {
        return Stream.of(new SqliteEngine());
    }

    /** Runs the test once per engine of {@link #engines()}, named after the engine. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.voxprint.store.StoreEngines#engines")
    public @interface EngineTest {
    }
}
