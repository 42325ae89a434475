package org.bianmin.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.function.Function;
import org.bianmin.queue.QueueDefinition;
import org.bianmin.queue.QueueUse;
import org.bianmin.queue.UsesQueues;

/**
 * A queue-triggered Lambda function that names the queue it consumes, so the template checks can hold its SQS event
 * source (and the poller permissions SAM derives from it) against the code.
 */
public final class SqsConsumer implements Function<SQSEvent, SQSBatchResponse>, UsesQueues {

    private final QueueDefinition queue;
    private final Function<SQSEvent, SQSBatchResponse> handler;

    public SqsConsumer(QueueDefinition queue, Function<SQSEvent, SQSBatchResponse> handler) {
        this.queue = queue;
        this.handler = handler;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return handler.apply(event);
    }

    @Override
    public List<QueueUse> queuesUsed() {
        return List.of(QueueUse.consume(queue));
    }
}
