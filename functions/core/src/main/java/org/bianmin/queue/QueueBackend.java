package org.bianmin.queue;

import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one "SQS in AWS, in process locally" choice, and the one SQS client (built on first use, so functions that
 * publish to no queue never build it).
 */
public final class QueueBackend implements AutoCloseable {

    private final boolean local;
    private SqsClient sqs;

    public QueueBackend(boolean local) {
        this.local = local;
    }

    /**
     * SQS when {@code queueUrl} is set; else, in the local runtime, the in-process queue; else (a Lambda without its
     * queue URL) a start failure naming the setting.
     */
    public <Q> Q choose(String queueUrl, String setting, Function<SqsClient, Q> onSqs, Supplier<Q> inProcess) {
        if (queueUrl != null && !queueUrl.isBlank()) {
            return onSqs.apply(sqs());
        }
        if (!local) {
            throw new IllegalStateException("set " + setting + " (the SQS queue's URL)");
        }
        return inProcess.get();
    }

    synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        }
        return sqs;
    }

    @Override
    public synchronized void close() {
        if (sqs != null) {
            sqs.close();
        }
    }
}
