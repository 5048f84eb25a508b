package io.voxprint.store.postgres;

import io.voxprint.store.SpeakerChanges;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * The voiceprint store in a PostgreSQL database shared by several desks: a small connection pool,
 * serializable writes, and change notices ({@link #watch}) so that every desk's in-memory speaker
 * index follows the others within a second. See docs/store.md for setting up a team's database.
 */
public final class PostgresStore extends JdbcStore {

    private final PostgresDatabase db;
    private final PostgresChanges changes;

    private PostgresStore(PostgresDatabase db) {
        super(db);
        this.db = db;
        this.changes = new PostgresChanges(db.url());
    }

    /** Connects (password from the address, PGPASSWORD or the password file) and creates or upgrades the schema. */
    public static PostgresStore open(String address) {
        return open(PostgresUrl.parse(address, System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    public static PostgresStore open(String address, Map<String, String> env, Path home) {
        return open(PostgresUrl.parse(address, env, home));
    }

    public static PostgresStore open(PostgresUrl url) {
        return open(url, TemplateCodec.PLAIN);
    }

    /**
     * With {@code codec} between the store and the tables: every template is encoded before it is
     * sent to the server and decoded after it comes back (a sealing codec for a protected database).
     */
    public static PostgresStore open(PostgresUrl url, TemplateCodec codec) {
        return new PostgresStore(PostgresDatabase.open(url, codec));
    }

    @Override
    public int schemaVersion() {
        return db.read(PostgresSchema::version);
    }

    @Override
    public String location() {
        return db.url().toString();
    }

    @Override
    public SpeakerChanges.Subscription watch(SpeakerChanges listener) {
        return changes.subscribe(listener);
    }

    @Override
    public Optional<String> whyChangesAreRefused() {
        boolean mayEnroll = db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT has_table_privilege('speaker', 'INSERT, UPDATE, DELETE')
                       AND has_table_privilege('enrollment', 'INSERT')
                       AND has_table_privilege('embedding', 'INSERT')""")) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
        return mayEnroll ? Optional.empty() : Optional.of("The database user '" + db.url().user()
                + "' may only verify and identify, so enrolling, renaming and deleting speakers are not offered at this desk.");
    }

    @Override
    public void close() {
        changes.close();
        db.close();
    }

}
