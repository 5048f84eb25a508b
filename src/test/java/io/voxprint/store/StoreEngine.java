package io.voxprint.store;

/**
 * One engine under the store's contract suite, for one test: it hands out fresh, empty databases
 * and removes them all when closed (JUnit closes it after the test).
 */
public interface StoreEngine extends AutoCloseable {

    /** A new empty database of this engine. */
    TestDatabase newDatabase();

    @Override
    void close();

    /** One database: opened through the code under test, dumped without it. */
    interface TestDatabase {

        /** Opens (and on the first call creates) the store; each call gives a new store on the same records. */
        VoiceprintStore open();

        /**
         * Every row of every table through the engine's own client, not the store code: equal dumps
         * mean equal content. Tables are headed "== table (n rows)".
         */
        String dump();
    }
}
