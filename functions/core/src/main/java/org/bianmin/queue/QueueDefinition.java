package org.bianmin.queue;

/**
 * One SQS queue as the code uses it; the deployment prefix makes the physical name, as for tables.
 *
 * @param logicalName the name without the deployment prefix, e.g. {@code dispatch}
 */
public record QueueDefinition(String logicalName) {

    public String queueName(String prefix) {
        return prefix + logicalName;
    }
}
