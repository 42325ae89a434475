package org.bianmin.hotline.infrastructure;

import org.bianmin.observability.Metrics;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.RatingTicket;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.web.ClassifyRoute;
import org.bianmin.hotline.web.IntakeRoute;
import org.bianmin.hotline.application.TrackingCodeLockout;
import org.bianmin.hotline.web.RatingRoute;
import org.bianmin.hotline.web.RequestStatusRoute;
import org.bianmin.hotline.web.StaffImportRoute;
import org.bianmin.hotline.web.StaffSimilarRoute;
import org.bianmin.hotline.similarity.FindingSimilarTickets;
import org.bianmin.hotline.similarity.FollowingSimilarRequest;
import org.bianmin.hotline.application.LinkingDuplicates;
import org.bianmin.hotline.web.FollowRequestRoute;
import org.bianmin.hotline.web.SimilarRequestsRoute;
import org.bianmin.hotline.HotlineIntake;
import org.bianmin.http.ApiGatewayHttpFunction;
import org.bianmin.http.HttpApi;
import org.bianmin.http.RateLimiter;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.store.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Citizen intake: filing with idempotency, classification preview, status lookup and rating (the hotlineApi Lambda).
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    ClassifyRoute classifyRoute(RequestClassifier classifier) {
        return new ClassifyRoute(classifier);
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

    /** Wrong tracking codes per ticket, shared by every instance through the tickets table. */
    @Bean
    DynamoCodeAttempts codeAttempts(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoCodeAttempts(dynamo, store.tablePrefix());
    }

    @Bean
    TrackingCodeLockout trackingCodeLockout(DynamoCodeAttempts codeAttempts, Clock clock) {
        return new TrackingCodeLockout(codeAttempts, clock);
    }

    @Bean
    RequestStatusRoute requestStatusRoute(DynamoTicketStore tickets, RateLimiter citizenLimiter, TrackingCodeLockout trackingCodeLockout) {
        return new RequestStatusRoute(tickets, citizenLimiter, trackingCodeLockout);
    }

    @Bean
    RatingRoute ratingRoute(DynamoTicketStore tickets, RateLimiter citizenLimiter, TrackingCodeLockout trackingCodeLockout, Clock clock) {
        return new RatingRoute(tickets, citizenLimiter, trackingCodeLockout, new RatingTicket(tickets, clock));
    }

    @Bean
    StaffImportRoute staffImportRoute(HotlineIntake intake, Clock clock) {
        return new StaffImportRoute(intake, clock);
    }

    @Bean
    StaffSimilarRoute staffSimilarRoute(DynamoTicketStore tickets, FindingSimilarTickets similar) {
        return new StaffSimilarRoute(tickets, similar);
    }

    @Bean
    FollowingSimilarRequest followingSimilarRequest(FilingRequest filing, FindingSimilarTickets similar,
                                                    LinkingDuplicates linking) {
        return new FollowingSimilarRequest(filing, similar, linking);
    }

    /** The preview has its own limit per client address (30 in 10 minutes): it must not use up the lookups'. */
    @Bean
    SimilarRequestsRoute similarRequestsRoute(FollowingSimilarRequest following, Clock clock) {
        return new SimilarRequestsRoute(following, new RateLimiter(30, Duration.ofMinutes(10), clock));
    }

    @Bean
    FollowRequestRoute followRequestRoute(FollowingSimilarRequest following, DynamoIdempotency idempotency) {
        return new FollowRequestRoute(following, idempotency);
    }

    /**
     * The hotline intake Lambda: request intake, status lookup and routing behind API Gateway, and the dispatch
     * centre's historical import and the duplicate check (behind the staff JWT authorizer), which need the same
     * classifier and analyzer.
     */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> hotlineApi(IntakeRoute intake, RequestStatusRoute status,
                                                                        RatingRoute rating, ClassifyRoute classify,
                                                                        StaffImportRoute historicalImport,
                                                                        StaffSimilarRoute similar,
                                                                        SimilarRequestsRoute similarPreview,
                                                                        FollowRequestRoute follow,
                                                                        Metrics metrics) {
        return new ApiGatewayHttpFunction(new HttpApi(List.of(intake, classify, status, rating, historicalImport, similar,
                similarPreview, follow), metrics));
    }
}
