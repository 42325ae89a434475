package org.bianmin.approval.infrastructure;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bianmin.approval.application.ReverificationChunk;
import org.bianmin.approval.application.ReverificationQueue;
import org.bianmin.approval.application.ReverifyingRecipients;

/**
 * The local runtime's re-verification queue: a few workers and a bounded backlog; when the backlog is full the
 * sender processes the chunk itself, so a 100,000-person batch slows the submitter instead of filling memory.
 */
public final class InProcessReverificationQueue implements ReverificationQueue, AutoCloseable {

    private final ThreadPoolExecutor workers;
    private final ReverifyingRecipients reverifying;

    public InProcessReverificationQueue(ReverifyingRecipients reverifying, int threads) {
        this.reverifying = reverifying;
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
                runnable -> {
                    Thread thread = new Thread(runnable, "reverification");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Override
    public void send(ReverificationChunk chunk) {
        workers.execute(() -> reverifying.process(chunk));
    }

    @Override
    public void close() {
        workers.shutdown();
    }
}
