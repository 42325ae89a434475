package org.bianmin.inquiry.infrastructure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param conversationTtl how long a session's topic is remembered after its last question */
@ConfigurationProperties("bianmin.inquiry")
record InquiryProperties(Duration conversationTtl) {

    public InquiryProperties {
        conversationTtl = conversationTtl == null ? Duration.ofHours(2) : conversationTtl;
    }
}
