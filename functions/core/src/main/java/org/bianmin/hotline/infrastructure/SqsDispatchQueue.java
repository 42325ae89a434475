package org.bianmin.hotline.infrastructure;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.api.Json;
import org.bianmin.hotline.application.DeliveringDispatchNotification;
import org.bianmin.hotline.application.DispatchNotification;
import org.bianmin.hotline.application.DispatchQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Dispatch notifications on SQS: the publisher side, and the consumer Lambda's batch handler, which reports
 * partial batch failures so only the failed messages come back (and after the redrive limit land in the DLQ).
 */
public final class SqsDispatchQueue implements DispatchQueue {

    private static final Logger log = LoggerFactory.getLogger(SqsDispatchQueue.class);

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
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                delivery.deliver(Json.mapper().readValue(message.getBody(), DispatchNotification.class));
            } catch (RuntimeException e) {
                log.warn("dispatch notification failed messageId={}: {}", message.getMessageId(), e.toString());
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
