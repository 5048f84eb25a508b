package io.voxprint.store.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of the schema written once for every engine: each engine names its own column types and
 * adds the few clauses only it has. A version means the same tables and columns on every engine, so
 * the columns are listed here and nowhere else.
 *
 * <p>The text is laid out exactly as the SQLite steps have always written it: SQLite keeps each
 * {@code CREATE TABLE} as text in the file, and a new file, an upgraded one and one written by an
 * earlier release keep recording the same schema to the byte.
 */
public final class SchemaTables {

    /** The statements that index the speaker and embedding tables, the same on every engine. */
    public static final String ENROLLMENT_BY_SPEAKER = "CREATE INDEX enrollment_speaker ON enrollment(speaker_id)";
    public static final String EMBEDDING_BY_MODEL = "CREATE INDEX embedding_model ON embedding(model_sha256)";

    /**
     * One engine's words for the column types.
     *
     * @param key a row id the program may also give explicitly (speakers and enrollments come back from archives)
     * @param generatedKey a row id only the database gives (the audit log)
     * @param int64 a 64-bit whole number (ids, milliseconds)
     * @param int32 a small whole number (dimensions, sample rates)
     * @param real a double
     * @param text text
     * @param blob bytes
     */
    public record Types(String key, String generatedKey, String int64, String int32, String real, String text, String blob) {
    }

    private final Types t;
    private final List<String> embeddingExtras;
    private final String cacheOptions;

    /**
     * @param embeddingExtras columns the engine adds to the embedding table (before its primary key)
     * @param cacheOptions what follows the embedding cache's closing parenthesis
     */
    public SchemaTables(Types types, List<String> embeddingExtras, String cacheOptions) {
        this.t = types;
        this.embeddingExtras = List.copyOf(embeddingExtras);
        this.cacheOptions = cacheOptions;
    }

    /** {@code CREATE TABLE name (...)suffix}, one column or constraint a line. */
    public static String table(String name, List<String> columns, String suffix) {
        return "CREATE TABLE " + name + " (\n  " + String.join(",\n  ", columns) + ")" + suffix;
    }

    /**
     * The length check on an embedding from version 3: a plain vector of floats, or a sealed one
     * ("VXS", 40 bytes longer; see docs/privacy.md), recognised by {@code startsWithVxs}.
     */
    public static String plainOrSealedLength(String startsWithVxs, String separator) {
        return "length(vector) = 4 * dimension" + separator + "OR (" + startsWithVxs
                + " AND length(vector) = 4 * dimension + 40)";
    }

    /** Creates version 2's speaker, enrollment, embedding and kept-audio tables with their indexes. */
    public void createSpeakerTables(Statement s) throws SQLException {
        s.execute(speaker());
        s.execute(enrollment());
        s.execute(ENROLLMENT_BY_SPEAKER);
        s.execute(embedding(plainLength()));
        s.execute(EMBEDDING_BY_MODEL);
        s.execute(keptAudio());
    }

    /** Version 2's speaker: names unique regardless of case through {@code name_key}. */
    public String speaker() {
        return table("speaker", List.of(
                "id " + t.key(),
                "name " + t.text() + " NOT NULL",
                "name_key " + t.text() + " NOT NULL UNIQUE",
                "created_ms " + t.int64() + " NOT NULL",
                "notes " + t.text() + " NOT NULL DEFAULT ''",
                "photo " + t.blob()), "");
    }

    /** Version 2's enrollment, followed by {@code more} columns (version 1 kept the embedding inline). */
    public String enrollment(String... more) {
        List<String> columns = new ArrayList<>(List.of(
                "id " + t.key(),
                "speaker_id " + t.int64() + " NOT NULL REFERENCES speaker(id) ON DELETE CASCADE",
                "source_name " + t.text() + " NOT NULL",
                "seconds " + t.real() + " NOT NULL",
                "net_speech_seconds " + t.real() + " NOT NULL",
                "clipping_ratio " + t.real() + " NOT NULL",
                "snr_db " + t.real() + " NOT NULL",
                "created_ms " + t.int64() + " NOT NULL"));
        columns.addAll(List.of(more));
        return table("enrollment", columns, "");
    }

    /** The embeddings of an enrollment, one per model, with {@code vectorLength} as the vector's check. */
    public String embedding(String vectorLength) {
        List<String> columns = new ArrayList<>(List.of(
                "enrollment_id " + t.int64() + " NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE",
                "model_sha256 " + t.text() + " NOT NULL",
                "dimension " + t.int32() + " NOT NULL CHECK (dimension > 0)",
                "vector " + t.blob() + " NOT NULL CHECK (" + vectorLength + ")"));
        columns.addAll(embeddingExtras);
        columns.add("PRIMARY KEY (enrollment_id, model_sha256)");
        return table("embedding", columns, "");
    }

    /** Version 2's length check: a plain vector of floats. */
    public static String plainLength() {
        return "length(vector) = 4 * dimension";
    }

    public String keptAudio() {
        return table("kept_audio", List.of(
                "enrollment_id " + t.int64() + " PRIMARY KEY REFERENCES enrollment(id) ON DELETE CASCADE",
                "sample_rate " + t.int32() + " NOT NULL",
                "samples " + t.blob() + " NOT NULL"), "");
    }

    public String audit() {
        return table("audit", List.of(
                "id " + t.generatedKey(),
                "time_ms " + t.int64() + " NOT NULL",
                "kind " + t.text() + " NOT NULL",
                "claimed_name " + t.text(),
                "result " + t.text() + " NOT NULL",
                "score " + t.real(),
                "threshold " + t.real(),
                "model_sha256 " + t.text() + " NOT NULL",
                "source " + t.text()), "");
    }

    public String embeddingCache() {
        return table("embedding_cache", List.of(
                "audio_sha256 " + t.text() + " NOT NULL",
                "model_sha256 " + t.text() + " NOT NULL",
                "dimension " + t.int32() + " NOT NULL",
                "vector " + t.blob() + " NOT NULL",
                "created_ms " + t.int64() + " NOT NULL",
                "PRIMARY KEY (audio_sha256, model_sha256)"), cacheOptions);
    }

    /** Version 3's named values kept with the database, such as its key record. */
    public String property() {
        return "CREATE TABLE property (name " + t.text() + " PRIMARY KEY, value " + t.blob() + " NOT NULL)";
    }
}
