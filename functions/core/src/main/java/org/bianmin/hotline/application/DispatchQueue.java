package org.bianmin.hotline.application;

/** Where dispatch notifications go: SQS (with a DLQ) in AWS, an in-process queue locally. */
public interface DispatchQueue {

    void publish(DispatchNotification notification);
}
