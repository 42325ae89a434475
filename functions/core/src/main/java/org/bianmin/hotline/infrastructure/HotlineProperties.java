package org.bianmin.hotline.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param phoneHashKey base64 of 32 random bytes: the HMAC key for phone lookups (Secrets Manager in AWS)
 * @param phoneEncryptionKey base64 of 32 random bytes: the AES-256 key for stored phone numbers
 * @param phoneHashKeyPrevious during a key rotation only: the hash key(s) being replaced, comma-separated
 * @param phoneEncryptionKeyPrevious during a key rotation only: the encryption key(s) being replaced, comma-separated
 * @param allowDevelopmentKeys use fixed, public development keys when the two keys are not set (local runtime
 *                             only; a deployed function without keys refuses to start)
 * @param returnVisitPeriod how long a resolved ticket waits for the citizen's rating before it is closed (7 days)
 * @param dispatchQueueUrl the SQS queue dispatch notifications go to (required in AWS; the local runtime queues in
 *                         process, see QueueBackend)
 */
@ConfigurationProperties("bianmin.hotline")
record HotlineProperties(String phoneHashKey, String phoneEncryptionKey, String phoneHashKeyPrevious,
                                String phoneEncryptionKeyPrevious, boolean allowDevelopmentKeys,
                                java.time.Duration returnVisitPeriod, String dispatchQueueUrl) {

    public HotlineProperties {
        returnVisitPeriod = returnVisitPeriod == null ? java.time.Duration.ofDays(7) : returnVisitPeriod;
    }
}
