package org.bianmin.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS side of a queue-triggered Lambda: handles each message of a batch and reports only the failed ones
 * (partial batch failure), so SQS redelivers just those and, past the redrive limit, moves them to the DLQ.
 */
public final class SqsBatch {

    private static final Logger log = LoggerFactory.getLogger(SqsBatch.class);

    private SqsBatch() {
    }

    public static SQSBatchResponse process(SQSEvent event, Consumer<String> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                handler.accept(message.getBody());
            } catch (RuntimeException e) {
                log.warn("message failed messageId={} source={}: {}", message.getMessageId(), message.getEventSourceArn(), e.toString());
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
