package org.bianmin.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
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
        return process(event, (body, sent) -> handler.accept(body));
    }

    /**
     * As {@link #process(SQSEvent, Consumer)}, handing each body with the time SQS received it (its
     * {@code SentTimestamp} attribute; null when absent), for handlers that judge a message by when it arrived
     * rather than by when a backed-up queue delivers it.
     */
    public static SQSBatchResponse process(SQSEvent event, BiConsumer<String, Instant> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                handler.accept(message.getBody(), sentAt(message));
            } catch (RuntimeException e) {
                log.warn("message failed messageId={} source={}: {}", message.getMessageId(), message.getEventSourceArn(), e.toString());
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private static Instant sentAt(SQSEvent.SQSMessage message) {
        String sent = message.getAttributes() == null ? null : message.getAttributes().get("SentTimestamp");
        if (sent == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(sent));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
