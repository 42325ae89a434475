package org.bianmin.local.data;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bianmin.store.ExpiredItemSweeper;
import org.bianmin.store.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runtime's stand-in for DynamoDB's TTL, which dynalite lacks: sweeps expired items every few minutes on
 * one background thread. Like DynamoDB, it deletes late rather than on time; readers ignore expired items anyway.
 */
public final class ExpiredItemSweeping implements AutoCloseable {

    static final Duration EVERY = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(ExpiredItemSweeping.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "expired-item-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    public ExpiredItemSweeping(ExpiredItemSweeper sweeper) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sweeper.sweep(Tables.ALL);
            } catch (RuntimeException e) {
                log.warn("sweeping expired items failed; next try in {}", EVERY, e);
            }
        }, 1, EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
