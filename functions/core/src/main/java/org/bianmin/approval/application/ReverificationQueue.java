package org.bianmin.approval.application;

/** Carries re-verification chunks to workers: SQS to a worker Lambda in AWS, a worker pool locally. */
public interface ReverificationQueue {

    void send(ReverificationChunk chunk);
}
