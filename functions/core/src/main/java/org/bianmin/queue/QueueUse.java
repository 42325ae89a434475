package org.bianmin.queue;

/** What an adapter does with one queue: send messages to it, or consume them (an SQS event source in AWS). */
public record QueueUse(QueueDefinition queue, Role role) {

    public enum Role { SEND, CONSUME }

    public static QueueUse send(QueueDefinition queue) {
        return new QueueUse(queue, Role.SEND);
    }

    public static QueueUse consume(QueueDefinition queue) {
        return new QueueUse(queue, Role.CONSUME);
    }
}
