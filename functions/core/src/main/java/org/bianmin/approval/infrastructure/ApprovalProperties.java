package org.bianmin.approval.infrastructure;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sourceBaseUrl the city's data-sharing gateway: each source is called at {@code <base>/<source name>/}
 * @param sourceUrls data source name -> its own base URL, overriding the gateway for that source. In Lambda every
 *                   source must have a URL (the start fails otherwise); only the local runtime falls back to the
 *                   synthetic fixture population
 * @param checkTimeout how long one source may take, retries included (1.5 s)
 * @param deadline the whole decision's deadline (3 s)
 * @param reverificationQueueUrl the SQS queue batch re-verification chunks go to (required in AWS)
 */
@ConfigurationProperties("bianmin.approval")
record ApprovalProperties(String sourceBaseUrl, Map<String, String> sourceUrls, Duration checkTimeout, Duration deadline,
                                 String reverificationQueueUrl) {

    public ApprovalProperties {
        sourceUrls = sourceUrls == null ? Map.of() : Map.copyOf(sourceUrls);
        checkTimeout = checkTimeout == null ? Duration.ofMillis(1500) : checkTimeout;
        deadline = deadline == null ? Duration.ofSeconds(3) : deadline;
    }
}
