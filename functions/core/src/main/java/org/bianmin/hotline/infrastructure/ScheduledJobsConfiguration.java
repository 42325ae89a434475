package org.bianmin.hotline.infrastructure;

import org.bianmin.observability.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.bianmin.hotline.application.EscalatingOverdueTickets;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.RotatingPhoneKeys;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.store.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Jobs that run on a schedule or by hand: SLA escalation with automatic closure, and phone key rotation.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobsConfiguration {

    /** The scheduled SLA function (EventBridge, every 15 minutes in AWS): escalation and automatic closure. */
    @Bean
    Function<Map<String, Object>, Map<String, Integer>> slaEscalation(DynamoTicketStore tickets,
                                                                      TransitioningTicket transitions,
                                                                      HotlineProperties properties, Clock clock,
                                                                      Metrics metrics) {
        EscalatingOverdueTickets sla = new EscalatingOverdueTickets(tickets, transitions, clock,
                properties.returnVisitPeriod(), metrics);
        return event -> sla.run();
    }

    @Bean
    DynamoStoredPhones storedPhones(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoStoredPhones(dynamo, store.tablePrefix());
    }

    /**
     * The re-encryption job of a phone key rotation (invoked by hand, see infra/README.md). Input: optionally
     * {@code {"resumeFrom": "<trackingNumber>"}} from an earlier run's report. It starts no new page after 12 minutes,
     * which leaves the page in flight most of the function's 15.
     */
    @Bean
    Function<Map<String, Object>, RotatingPhoneKeys.Report> phoneKeyRotation(DynamoStoredPhones phones,
                                                                            PhoneProtector protector, Clock clock) {
        RotatingPhoneKeys rotating = new RotatingPhoneKeys(phones, protector, clock);
        return input -> rotating.run(input == null || input.get("resumeFrom") == null ? null
                : String.valueOf(input.get("resumeFrom")), Duration.ofMinutes(12));
    }
}
