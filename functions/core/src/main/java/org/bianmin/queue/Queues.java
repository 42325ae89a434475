package org.bianmin.queue;

import java.util.List;

/** Every queue Bianmin sends to or consumes from (their dead-letter queues are only read by operators). */
public final class Queues {

    /** Dispatch notifications to departments, consumed by the dispatch-notifications function. */
    public static final QueueDefinition DISPATCH = new QueueDefinition("dispatch");

    /** Chunks of a batch re-verification, consumed by the re-verification worker. */
    public static final QueueDefinition REVERIFICATION = new QueueDefinition("reverification");

    /** Sensor events and camera detections from IoT Core topic rules, consumed by the device events function. */
    public static final QueueDefinition DEVICE_EVENTS = new QueueDefinition("device-events");

    public static final List<QueueDefinition> ALL = List.of(DISPATCH, REVERIFICATION, DEVICE_EVENTS);

    private Queues() {
    }
}
