package org.bianmin.hotline.infrastructure;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bianmin.http.ApiGatewayHttpFunction;
import org.bianmin.http.HttpApi;
import org.bianmin.http.RateLimiter;
import org.bianmin.queue.QueueBackend;
import org.bianmin.queue.SqsConsumer;
import org.bianmin.hotline.application.DeliveringDispatchNotification;
import org.bianmin.hotline.application.DispatchQueue;
import org.bianmin.hotline.application.EscalatingOverdueTickets;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.HotlineDirectory;
import org.bianmin.hotline.HotlineIntake;
import org.bianmin.hotline.application.HotlineDirectoryService;
import org.bianmin.hotline.application.HotlineIntakeService;
import org.bianmin.hotline.application.RatingTicket;
import org.bianmin.hotline.application.RotatingPhoneKeys;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.KnowledgeEntries;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.queue.Queues;
import org.bianmin.store.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Configuration(proxyBeanMethods = false)
public class HotlineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HotlineConfiguration.class);

    @Bean
    Taxonomy taxonomy() {
        return Taxonomy.loadDefault();
    }

    @Bean
    RequestClassifier requestClassifier(Taxonomy taxonomy, KnowledgeEntries knowledge, ChineseAnalyzer analyzer) {
        return new RequestClassifier(taxonomy, knowledge.entries(), analyzer);
    }

    @Bean
    ClassifyRoute classifyRoute(RequestClassifier classifier) {
        return new ClassifyRoute(classifier);
    }

    @Bean
    GridRegistry gridRegistry() {
        return GridRegistry.loadDefault();
    }

    @Bean
    DynamoTicketStore ticketStore(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoTicketStore(dynamo, store.tablePrefix());
    }

    @Bean
    PhoneProtector phoneProtector(HotlineProperties properties) {
        if (properties.phoneHashKey() == null || properties.phoneEncryptionKey() == null) {
            if (!properties.allowDevelopmentKeys()) {
                throw new IllegalStateException("set BIANMIN_HOTLINE_PHONEHASHKEY and BIANMIN_HOTLINE_PHONEENCRYPTIONKEY"
                        + " (base64 of 32 random bytes each, from Secrets Manager)");
            }
            log.warn("phone numbers are protected with the public DEVELOPMENT keys: never use this runtime for real calls");
            byte[] development = "bianmin-development-key-32-bytes".getBytes(StandardCharsets.US_ASCII);
            return new PhoneProtector(development, development);
        }
        return new PhoneProtector(Base64.getDecoder().decode(properties.phoneHashKey()),
                Base64.getDecoder().decode(properties.phoneEncryptionKey()),
                keys(properties.phoneHashKeyPrevious()), keys(properties.phoneEncryptionKeyPrevious()));
    }

    /** Comma-separated base64 keys; empty (no rotation under way) gives none. */
    static List<byte[]> keys(String commaSeparated) {
        List<byte[]> keys = new ArrayList<>();
        if (commaSeparated != null) {
            for (String key : commaSeparated.split(",")) {
                if (!key.isBlank()) {
                    keys.add(Base64.getDecoder().decode(key.strip()));
                }
            }
        }
        return keys;
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

    @Bean
    FilingRequest filingRequest(RequestClassifier classifier, GridRegistry grids, DynamoTicketStore tickets,
                                PhoneProtector phones, Clock clock) {
        return new FilingRequest(classifier, grids, new Deadlines(HolidayFile.loadDefault()), tickets, phones,
                clock);
    }

    /** The hotline's published intake port, how other capabilities file requests. */
    @Bean
    HotlineIntake hotlineIntake(FilingRequest filing, Taxonomy taxonomy) {
        return new HotlineIntakeService(filing, taxonomy);
    }

    /** The hotline's published read port: reference data only, so it costs a function no ticket permissions. */
    @Bean
    HotlineDirectory hotlineDirectory(Taxonomy taxonomy, GridRegistry grids) {
        return new HotlineDirectoryService(taxonomy, grids);
    }

    @Bean
    DynamoIdempotency idempotency(DynamoDbClient dynamo, StoreProperties store, Clock clock) {
        return new DynamoIdempotency(dynamo, store.tablePrefix(), clock);
    }

    @Bean
    IntakeRoute intakeRoute(FilingRequest filing, DynamoIdempotency idempotency) {
        return new IntakeRoute(filing, idempotency);
    }

    /** Citizen lookups and ratings share one limit per client address: 30 attempts in 10 minutes. */
    @Bean
    RateLimiter citizenLimiter(Clock clock) {
        return new RateLimiter(30, Duration.ofMinutes(10), clock);
    }

    @Bean
    RequestStatusRoute requestStatusRoute(DynamoTicketStore tickets, RateLimiter citizenLimiter) {
        return new RequestStatusRoute(tickets, citizenLimiter);
    }

    @Bean
    RatingRoute ratingRoute(DynamoTicketStore tickets, RateLimiter citizenLimiter, Clock clock) {
        return new RatingRoute(tickets, citizenLimiter, new RatingTicket(tickets, clock));
    }

    @Bean
    StaffStatsRoute staffStatsRoute(DynamoTicketStore tickets) {
        return new StaffStatsRoute(tickets);
    }

    /** The scheduled SLA function (EventBridge, every 15 minutes in AWS): escalation and automatic closure. */
    @Bean
    Function<Map<String, Object>, Map<String, Integer>> slaEscalation(DynamoTicketStore tickets,
                                                                      TransitioningTicket transitions,
                                                                      HotlineProperties properties, Clock clock) {
        EscalatingOverdueTickets sla = new EscalatingOverdueTickets(tickets, transitions, clock,
                properties.returnVisitPeriod());
        return event -> sla.run();
    }

    @Bean
    DeliveringDispatchNotification deliveringDispatchNotification(DynamoTicketStore tickets, Clock clock) {
        return new DeliveringDispatchNotification(tickets, clock);
    }

    @Bean(destroyMethod = "")
    DispatchQueue dispatchQueue(HotlineProperties properties, QueueBackend queues, DeliveringDispatchNotification delivery) {
        return queues.choose(properties.dispatchQueueUrl(), "BIANMIN_HOTLINE_DISPATCHQUEUEURL",
                sqs -> new SqsDispatchQueue(sqs, properties.dispatchQueueUrl()), () -> new InProcessDispatchQueue(delivery));
    }

    @Bean
    TransitioningTicket transitioningTicket(DynamoTicketStore tickets, DispatchQueue dispatchQueue, Clock clock) {
        return new TransitioningTicket(tickets, clock, dispatchQueue);
    }

    @Bean
    StaffTransitionRoute staffTransitionRoute(TransitioningTicket transitions) {
        return new StaffTransitionRoute(transitions);
    }

    /** The dispatch-notification consumer Lambda (SQS trigger with partial batch failure reporting). */
    @Bean
    Function<SQSEvent, SQSBatchResponse> dispatchNotifications(DeliveringDispatchNotification delivery) {
        return new SqsConsumer(Queues.DISPATCH, event -> SqsDispatchQueue.consume(event, delivery));
    }

    @Bean
    StaffRequestsRoute staffRequestsRoute(DynamoTicketStore tickets) {
        return new StaffRequestsRoute(tickets);
    }

    /** The staff/workflow Lambda: ticket queues and transitions behind API Gateway's JWT authorizer. */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> staffApi(StaffRequestsRoute requests,
                                                                      StaffTransitionRoute transitions,
                                                                      StaffStatsRoute stats) {
        return new ApiGatewayHttpFunction(new HttpApi(List.of(requests, transitions, stats)));
    }

    @Bean
    Open311Api open311Api(Taxonomy taxonomy, FilingRequest filing, DynamoTicketStore tickets) {
        return new Open311Api(taxonomy, filing, tickets);
    }

    /** The Open311 Lambda: GeoReport v2 over the same intake and tickets. */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> open311(Open311Api open311) {
        return new ApiGatewayHttpFunction(new HttpApi(open311.routes()));
    }

    /** The hotline intake Lambda: request intake, status lookup and routing behind API Gateway. */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> hotlineApi(IntakeRoute intake, RequestStatusRoute status,
                                                                        RatingRoute rating, ClassifyRoute classify) {
        return new ApiGatewayHttpFunction(new HttpApi(List.of(intake, classify, status, rating)));
    }
}
