package io.voxprint.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

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
        default VoiceprintStore open() {
            return open(TemplateCodec.PLAIN);
        }

        /** As {@link #open()}, with {@code codec} between the store and the tables (a sealing one: protection). */
        VoiceprintStore open(TemplateCodec codec);

        /** A plain JDBC connection past the store, with every right: what an administrator or intruder uses. */
        Connection connect() throws SQLException;

        /**
         * Everything a copy of the database shows someone who has no key, by where it was seen (the
         * file and its WAL, a dump, every value a SELECT returns), with hex-written binary values
         * decoded, so that a search for template bytes finds what a reader of the hex would.
         */
        Map<String, byte[]> exposed();

        /**
         * Every row of every table through the engine's own client, not the store code: equal dumps
         * mean equal content. Tables are headed "== table (n rows)".
         */
        String dump();
    }
}
