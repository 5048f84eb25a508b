package io.voxprint.store.sqlite;

import io.voxprint.store.TemplateCodec;

/**
 * How a SQLite store is opened.
 *
 * @param maxPages a quota on the file's size, in pages (SQLite's {@code max_page_count}): a write
 *     that would grow the file beyond it fails as on a full disk ({@code StoreException.Kind.DISK_FULL}),
 *     leaving the file as it was. A value below the file's current size caps it at that size; 0 means
 *     no quota beyond SQLite's own.
 * @param codec how templates are written to the tables and read back (sealed for a protected database)
 */
public record SqliteOptions(long maxPages, TemplateCodec codec) {

    public SqliteOptions {
        if (maxPages < 0) {
            throw new IllegalArgumentException("maxPages " + maxPages);
        }
        if (codec == null) {
            throw new IllegalArgumentException("codec");
        }
    }

    public static SqliteOptions defaults() {
        return new SqliteOptions(0, TemplateCodec.PLAIN);
    }

    public SqliteOptions withMaxPages(long pages) {
        return new SqliteOptions(pages, codec);
    }

    public SqliteOptions withCodec(TemplateCodec templateCodec) {
        return new SqliteOptions(maxPages, templateCodec);
    }
}
