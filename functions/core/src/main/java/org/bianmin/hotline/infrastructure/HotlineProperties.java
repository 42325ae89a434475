package org.bianmin.hotline.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param phoneHashKey base64 of 32 random bytes: the HMAC key for phone lookups (Secrets Manager in AWS)
 * @param phoneEncryptionKey base64 of 32 random bytes: the AES-256 key for stored phone numbers
 * @param allowDevelopmentKeys use fixed, public development keys when the two keys are not set (local runtime
 *                             only; a deployed function without keys refuses to start)
 */
@ConfigurationProperties("bianmin.hotline")
public record HotlineProperties(String phoneHashKey, String phoneEncryptionKey, boolean allowDevelopmentKeys) {
}
