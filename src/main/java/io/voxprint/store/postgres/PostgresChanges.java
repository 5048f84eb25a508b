package io.voxprint.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.common.NamedExecutors;
import io.voxprint.store.SpeakerChanges;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code LISTEN} connection per store, on a thread of its own, passing the schema's speaker
 * notifications to the subscribers. When the server goes away the subscribers hear it once, the
 * thread reconnects every half second, and once back they are told to read everything again (what
 * changed meanwhile was not announced to this desk). Notices of single speakers are handed to the
 * subscribers in order on a second thread, since they read the database on hearing one: a read that
 * waits on a server gone away must not keep this thread from noticing that it went.
 */
final class PostgresChanges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresChanges.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Without notifications for this long the connection is probed, so a silent network loss is noticed too. */
    private static final int PROBE_AFTER_MS = 2_000;
    private static final int RECONNECT_EVERY_MS = 500;

    private final PostgresUrl url;
    private final List<SpeakerChanges> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService notices;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private volatile boolean closed;
    /** A subscriber stopped waiting before the first LISTEN was in place, so it may have missed changes. */
    private volatile boolean listeningLate;
    private Thread thread;

    PostgresChanges(PostgresUrl url) {
        this.url = url;
        this.notices = NamedExecutors.single("voxprint-changes-" + url.database());
    }

    /** Adds a subscriber; the first one starts listening and waits (briefly) until the server listens, so no change after this call is missed. */
    synchronized SpeakerChanges.Subscription subscribe(SpeakerChanges listener) {
        subscribers.add(listener);
        if (thread == null) {
            thread = new Thread(this::run, "voxprint-listen-" + url.database());
            thread.setDaemon(true);
            thread.start();
        }
        try {
            if (!firstAttempt.await(PostgresDatabase.CONNECT_TIMEOUT_MS + 1_000, TimeUnit.MILLISECONDS)) {
                // the caller goes on without hearing changes yet: once listening, tell it to read everything again
                listeningLate = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listeningLate = true;
        }
        return () -> subscribers.remove(listener);
    }

    private void run() {
        boolean lost = false;
        while (!closed) {
            try (Connection c = PostgresDatabase.connect(url)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + PostgresSchema.CHANNEL);
                }
                firstAttempt.countDown();
                if (lost || listeningLate) {
                    lost = false;
                    listeningLate = false;
                    log.info("{} is back; re-reading the speakers", url);
                    subscribers.forEach(SpeakerChanges::everythingMayHaveChanged);
                }
                listen(c);
            } catch (SQLException | RuntimeException e) {
                firstAttempt.countDown();
                if (closed) {
                    return;
                }
                if (!lost) {
                    lost = true;
                    log.warn("Lost the connection to {}", url, e);
                    String sentence = "The database server " + url.host() + ":" + url.port()
                            + " cannot be reached; this desk keeps the speakers it knows and catches up when the server is back.";
                    subscribers.forEach(s -> s.serverLost(sentence));
                }
                sleepQuietly(RECONNECT_EVERY_MS);
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (!closed) {
            PGNotification[] notes = pg.getNotifications(250);
            if (notes != null && notes.length > 0) {
                quietSince = System.nanoTime();
                for (PGNotification n : notes) {
                    deliver(n.getParameter());
                }
            } else if (System.nanoTime() - quietSince > PROBE_AFTER_MS * 1_000_000L) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void deliver(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            String name = n.path("speaker").asText(null);
            String was = n.hasNonNull("was") ? n.get("was").asText() : null;
            if (name != null) {
                notices.execute(() -> {
                    for (SpeakerChanges s : subscribers) {
                        try {
                            s.speakerChanged(name, was);
                        } catch (RuntimeException e) {
                            log.warn("A subscriber failed on the change of {}", name, e);
                        }
                    }
                });
            }
        } catch (RejectedExecutionException e) {
            log.debug("Closed: not handing over the change notice {}", payload);
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("Ignoring a change notice that could not be read: {}", payload, e);
        }
    }

    private static void sleepQuietly(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        notices.shutdown();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
