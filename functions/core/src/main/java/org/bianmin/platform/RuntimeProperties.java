package org.bianmin.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the functions run.
 *
 * @param local true only in the local runtime (application-local.properties): queues run in process instead of
 *              SQS. In Lambda it is false, and a missing queue URL fails the start with a message.
 */
@ConfigurationProperties("bianmin.runtime")
public record RuntimeProperties(boolean local) {
}
