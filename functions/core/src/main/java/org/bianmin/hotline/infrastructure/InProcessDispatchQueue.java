package org.bianmin.hotline.infrastructure;

import org.bianmin.observability.Metrics;
import org.bianmin.observability.MetricNames;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bianmin.hotline.application.DeliveringDispatchNotification;
import org.bianmin.hotline.application.DispatchNotification;
import org.bianmin.hotline.application.DispatchQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runtime's dispatch queue: bounded (a flood blocks the publisher briefly instead of exhausting memory),
 * one worker thread, three delivery attempts, then an in-memory dead-letter list, like SQS with a DLQ.
 */
public final class InProcessDispatchQueue implements DispatchQueue, AutoCloseable {

    static final int CAPACITY = 10_000;
    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(InProcessDispatchQueue.class);

    private final BlockingQueue<DispatchNotification> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final List<DispatchNotification> deadLetters = new CopyOnWriteArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private final DeliveringDispatchNotification delivery;
    private final Metrics metrics;
    private final Thread worker;
    private volatile boolean running = true;

    public InProcessDispatchQueue(DeliveringDispatchNotification delivery) {
        this(delivery, Metrics.none());
    }

    /** Counting notifications given up on ({@link MetricNames#DEAD_LETTERS}, kind {@code dispatch-notification}). */
    public InProcessDispatchQueue(DeliveringDispatchNotification delivery, Metrics metrics) {
        this.metrics = metrics;
        this.delivery = delivery;
        this.worker = new Thread(this::work, "dispatch-queue");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void publish(DispatchNotification notification) {
        try {
            if (!queue.offer(notification, 5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("dispatch queue full");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a dispatch notification", e);
        }
    }

    private void work() {
        while (running) {
            DispatchNotification notification;
            try {
                notification = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (notification != null) {
                deliver(notification);
            }
        }
    }

    private void deliver(DispatchNotification notification) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                delivery.deliver(notification);
                delivered.incrementAndGet();
                return;
            } catch (RuntimeException e) {
                log.warn("dispatch notification delivery failed trackingNumber={} attempt={}: {}",
                        notification.trackingNumber(), attempt, e.toString());
            }
        }
        deadLetters.add(notification);
        metrics.count(MetricNames.DEAD_LETTERS, java.util.Map.of("kind", "dispatch-notification"));
    }

    public long delivered() {
        return delivered.get();
    }

    public List<DispatchNotification> deadLetters() {
        return List.copyOf(deadLetters);
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
    }
}
