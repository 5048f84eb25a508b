package io.voxprint.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.voxprint.store.jdbc.SqlLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Records the SQL the stores opened while it records run, through the store's own SQL log
 * ({@link SqlLog}); start it before opening the store. Transaction control (BEGIN, COMMIT, ROLLBACK)
 * is not recorded.
 */
public final class StoreQueries implements AutoCloseable {
    private final List<String> sql = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SqlLog.LOGGER);
    private final Level levelBefore = logger.getLevel();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            String q = event.getFormattedMessage();
            if (!q.startsWith("BEGIN") && !q.equals("COMMIT") && !q.equals("ROLLBACK")) {
                sql.add(q);
            }
        }
    };

    private StoreQueries() {
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
    }

    /** Starts recording the statements of every store opened from now on. */
    public static StoreQueries record() {
        return new StoreQueries();
    }

    /** The statements run since recording began (or the last {@link #clear()}). */
    public List<String> statements() {
        return List.copyOf(sql);
    }

    public void clear() {
        sql.clear();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
        appender.stop();
    }
}
