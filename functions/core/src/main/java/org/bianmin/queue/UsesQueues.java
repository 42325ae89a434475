package org.bianmin.queue;

import java.util.List;

/** Implemented by every adapter that sends to or consumes from SQS; see {@link UsesTables} for why. */
public interface UsesQueues {

    List<QueueUse> queuesUsed();
}
