package org.bianmin.inquiry.infrastructure;

import org.bianmin.observability.Metrics;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bianmin.http.ApiGatewayHttpFunction;
import org.bianmin.http.DependencyCheck;
import org.bianmin.http.HealthRoute;
import org.bianmin.http.HttpApi;
import org.bianmin.http.RateLimiter;
import org.bianmin.inquiry.application.CollectingFeedback;
import org.bianmin.inquiry.application.ListingKnowledgeGaps;
import org.bianmin.inquiry.web.FeedbackRoute;
import org.bianmin.inquiry.web.StaffKnowledgeGapsRoute;
import org.bianmin.inquiry.application.AnsweringInquiry;
import org.bianmin.inquiry.application.ConversationStore;
import org.bianmin.inquiry.application.SafetyCheck;
import org.bianmin.inquiry.application.SafetyRules;
import org.bianmin.inquiry.application.SmallTalk;
import org.bianmin.inquiry.web.InquiryRoute;
import org.bianmin.knowledge.KnowledgeSearch;
import org.bianmin.store.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Configuration(proxyBeanMethods = false)
class InquiryConfiguration {

    @Bean
    DynamoConversationStore conversationStore(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoConversationStore(dynamo, store.tablePrefix());
    }

    /** Loaded and validated at start: a broken safety file stops the start instead of missing emergencies. */
    @Bean
    SafetyCheck safetyCheck() {
        return new SafetyCheck(SafetyRules.load());
    }

    /** Loaded and validated at start, like the safety file. */
    @Bean
    SmallTalk smallTalk() {
        return SmallTalk.load();
    }

    @Bean
    AnsweringInquiry answeringInquiry(KnowledgeSearch knowledge, ConversationStore conversations,
                                      InquiryProperties properties, SafetyCheck safety, SmallTalk smallTalk,
                                      Clock clock, Metrics metrics, CollectingFeedback feedback) {
        return new AnsweringInquiry(knowledge, conversations, clock, properties.conversationTtl(), safety, smallTalk,
                metrics, feedback);
    }

    @Bean
    InquiryRoute inquiryRoute(AnsweringInquiry inquiries) {
        return new InquiryRoute(inquiries);
    }

    @Bean
    DynamoFeedbackStore feedbackStore(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoFeedbackStore(dynamo, store.tablePrefix());
    }

    @Bean
    CollectingFeedback collectingFeedback(KnowledgeSearch knowledge, DynamoFeedbackStore feedbackStore, Clock clock) {
        return new CollectingFeedback(knowledge, feedbackStore, clock);
    }

    /** Votes are cheap to send: 60 per client address in 10 minutes, this instance's own count. */
    @Bean
    FeedbackRoute feedbackRoute(CollectingFeedback feedback, Clock clock) {
        return new FeedbackRoute(feedback, new RateLimiter(60, Duration.ofMinutes(10), clock));
    }

    @Bean
    StaffKnowledgeGapsRoute staffKnowledgeGapsRoute(KnowledgeSearch knowledge, DynamoFeedbackStore feedbackStore,
                                                    Clock clock) {
        return new StaffKnowledgeGapsRoute(new ListingKnowledgeGaps(knowledge, feedbackStore), clock);
    }

    /**
     * The inquiry Lambda: {@code POST /v1/inquiries}, the citizens' votes on answers and {@code GET /health} behind
     * API Gateway, and the knowledge editors' gap list behind the staff JWT authorizer (it groups questions with the
     * same analyzer, which this function has loaded).
     */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> inquiryApi(InquiryRoute inquiry, HealthRoute health,
                                                                         FeedbackRoute feedback,
                                                                         StaffKnowledgeGapsRoute gaps,
                                                                         Metrics metrics) {
        return new ApiGatewayHttpFunction(new HttpApi(List.of(inquiry, health, feedback, gaps), metrics));
    }

    @Bean
    DependencyCheck conversationsCheck(DynamoConversationStore store) {
        return DependencyCheck.of("conversations",
                () -> new DependencyCheck.Status(store.isAvailable(), Map.of("table", store.tableName())));
    }
}
