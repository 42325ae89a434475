package org.bianmin.hotline.infrastructure;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import org.bianmin.http.Json;
import org.bianmin.queue.SqsBatch;
import org.bianmin.hotline.application.DeliveringDispatchNotification;
import org.bianmin.hotline.application.DispatchNotification;
import org.bianmin.hotline.application.DispatchQueue;
import org.bianmin.queue.QueueUse;
import org.bianmin.queue.Queues;
import org.bianmin.queue.UsesQueues;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Dispatch notifications on SQS: the publisher side, and the consumer Lambda's batch handler, which reports
 * partial batch failures so only the failed messages come back (and after the redrive limit land in the DLQ).
 */
public final class SqsDispatchQueue implements DispatchQueue, UsesQueues {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDispatchQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(DispatchNotification notification) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(Json.write(notification)));
    }

    /** The consumer: delivers each message; the ones that fail are reported back for redelivery. */
    public static SQSBatchResponse consume(SQSEvent event, DeliveringDispatchNotification delivery) {
        return SqsBatch.process(event, body -> delivery.deliver(Json.mapper().readValue(body, DispatchNotification.class)));
    }

    @Override
    public List<QueueUse> queuesUsed() {
        return List.of(QueueUse.send(Queues.DISPATCH));
    }
}
