package org.bianmin.approval.infrastructure;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sourceUrls data source name -> base URL of its government data-sharing endpoint; a source without one
 *                   uses the synthetic fixture (embedded default)
 * @param checkTimeout how long one source may take, retries included (1.5 s)
 * @param deadline the whole decision's deadline (3 s)
 * @param reverificationQueueUrl the SQS queue batch re-verification chunks go to (required in AWS)
 */
@ConfigurationProperties("bianmin.approval")
public record ApprovalProperties(Map<String, String> sourceUrls, Duration checkTimeout, Duration deadline,
                                 String reverificationQueueUrl) {

    public ApprovalProperties {
        sourceUrls = sourceUrls == null ? Map.of() : Map.copyOf(sourceUrls);
        checkTimeout = checkTimeout == null ? Duration.ofMillis(1500) : checkTimeout;
        deadline = deadline == null ? Duration.ofSeconds(3) : deadline;
    }
}
