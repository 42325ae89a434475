package org.bianmin.approval.infrastructure;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import org.bianmin.http.Json;
import org.bianmin.queue.SqsBatch;
import org.bianmin.approval.application.ReverificationChunk;
import org.bianmin.approval.application.ReverificationQueue;
import org.bianmin.approval.application.ReverifyingRecipients;
import org.bianmin.queue.QueueUse;
import org.bianmin.queue.Queues;
import org.bianmin.queue.UsesQueues;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Re-verification chunks on SQS, and the worker Lambda's batch handler with partial batch failure reporting. */
public final class SqsReverificationQueue implements ReverificationQueue, UsesQueues {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsReverificationQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(ReverificationChunk chunk) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(Json.write(chunk)));
    }

    public static SQSBatchResponse consume(SQSEvent event, ReverifyingRecipients reverifying) {
        return SqsBatch.process(event, body -> reverifying.process(Json.mapper().readValue(body, ReverificationChunk.class)));
    }

    @Override
    public List<QueueUse> queuesUsed() {
        return List.of(QueueUse.send(Queues.REVERIFICATION));
    }
}
