package org.bianmin.approval.infrastructure;

import org.bianmin.observability.MetricNames;
import org.bianmin.observability.Metrics;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.bianmin.approval.web.ApprovalRoutes;
import org.bianmin.approval.web.ReverificationRoutes;
import org.bianmin.http.ApiGatewayHttpFunction;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRoute;
import org.bianmin.queue.SqsConsumer;
import org.bianmin.approval.application.DecidingApplication;
import org.bianmin.approval.application.ReverificationQueue;
import org.bianmin.approval.application.ReverifyingRecipients;
import org.bianmin.approval.application.ServiceCatalog;
import org.bianmin.approval.sources.DataSource;
import org.bianmin.approval.sources.FixtureDataSource;
import org.bianmin.approval.sources.HttpDataSource;
import org.bianmin.approval.sources.SyntheticPopulation;
import org.bianmin.queue.Queues;
import org.bianmin.platform.RuntimeProperties;
import org.bianmin.queue.QueueBackend;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.store.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires 秒批. Each data source is a government endpoint over HTTP when {@code bianmin.approval.source-urls.<name>}
 * is set, otherwise the fixture over the synthetic population (the embedded default).
 */
@Configuration(proxyBeanMethods = false)
class ApprovalConfiguration {

    /** The data sources by name (a holder, so Spring does not mistake the map for a collection of beans). */
    public record ApprovalSources(Map<String, DataSource> byName) {
    }

    @Bean
    ApprovalSources approvalSources(ApprovalProperties properties, RuntimeProperties runtime, Metrics metrics) {
        SyntheticPopulation population = new SyntheticPopulation(1200, 20261121L, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        Map<String, DataSource> sources = new LinkedHashMap<>();
        long seed = 1;
        for (String name : SyntheticPopulation.SOURCES) {
            String url = sourceUrl(properties, name);
            if (url != null) {
                HttpDataSource source = new HttpDataSource(name, URI.create(url), properties.checkTimeout().dividedBy(3), 3,
                        Duration.ofSeconds(30));
                source.onBreakerTransition(state -> metrics.gauge(MetricNames.CIRCUIT_BREAKER_STATE,
                        BreakerStates.value(state), Map.of("breaker", name)));
                sources.put(name, source);
            } else if (runtime.local()) {
                sources.put(name, new FixtureDataSource(name, population, Duration.ofMillis(20), Duration.ofMillis(80), 0, seed++));
            } else {
                // a deployment must never decide real applications against the synthetic population
                throw new IllegalStateException("approval data source '" + name + "' has no URL: set BIANMIN_APPROVAL_SOURCEBASEURL"
                        + " (the data-sharing gateway, template parameter ApprovalSourcesUrl) or BIANMIN_APPROVAL_SOURCEURLS_"
                        + name.toUpperCase(java.util.Locale.ROOT) + "; the synthetic fixtures run only in the local runtime");
            }
        }
        return new ApprovalSources(sources);
    }

    /** The source's own URL, else the gateway's URL for it, else null; always ending in "/". */
    static String sourceUrl(ApprovalProperties properties, String name) {
        String own = properties.sourceUrls().get(name);
        if (own != null && !own.isBlank()) {
            return own.endsWith("/") ? own : own + "/";
        }
        String base = properties.sourceBaseUrl();
        if (base != null && !base.isBlank()) {
            return (base.endsWith("/") ? base : base + "/") + name + "/";
        }
        return null;
    }

    @Bean
    ServiceCatalog serviceCatalog(ApprovalSources approvalSources) {
        return ServiceCatalog.load(new HashSet<>(approvalSources.byName().keySet()));
    }

    @Bean
    DynamoApprovalStore approvalStore(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoApprovalStore(dynamo, store.tablePrefix());
    }

    @Bean
    ApprovalRoutes approvalRoutes(ServiceCatalog catalog, ApprovalSources approvalSources,
                                  DynamoApprovalStore approvals, DynamoIdempotency idempotency,
                                  ApprovalProperties properties, Clock clock, Metrics metrics) {
        return new ApprovalRoutes(catalog,
                new DecidingApplication(approvalSources.byName(), properties.checkTimeout(), properties.deadline(),
                        clock),
                approvals, idempotency, metrics);
    }

    @Bean
    DynamoBatchStore batchStore(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoBatchStore(dynamo, store.tablePrefix());
    }

    @Bean
    ReverifyingRecipients reverifyingRecipients(ServiceCatalog catalog, ApprovalSources approvalSources,
                                                DynamoBatchStore batches, ApprovalProperties properties, Clock clock) {
        return new ReverifyingRecipients(catalog, new DecidingApplication(approvalSources.byName(),
                properties.checkTimeout(), properties.deadline(), clock), batches, clock);
    }

    @Bean(destroyMethod = "")
    ReverificationQueue reverificationQueue(ApprovalProperties properties, QueueBackend queues, ReverifyingRecipients reverifying) {
        return queues.choose(properties.reverificationQueueUrl(), "BIANMIN_APPROVAL_REVERIFICATIONQUEUEURL",
                sqs -> new SqsReverificationQueue(sqs, properties.reverificationQueueUrl()),
                // the work waits on data sources, not the CPU: many workers keep many checks in flight
                () -> new InProcessReverificationQueue(reverifying, 32));
    }

    @Bean
    ReverificationRoutes reverificationRoutes(ServiceCatalog catalog, ReverifyingRecipients reverifying,
                                              ReverificationQueue queue, DynamoBatchStore batches) {
        return new ReverificationRoutes(catalog, reverifying, queue, batches);
    }

    /** The approval Lambda: items, applications and re-verification batches. */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> approvalApi(ApprovalRoutes routes,
                                                                          ReverificationRoutes batches,
                                                                          Metrics metrics) {
        List<HttpRoute> all = new ArrayList<>(routes.routes());
        all.addAll(batches.routes());
        return new ApiGatewayHttpFunction(new HttpApi(all, metrics));
    }

    /** The re-verification worker Lambda (SQS trigger, partial batch failures). */
    @Bean
    Function<SQSEvent, SQSBatchResponse> reverificationWorker(ReverifyingRecipients reverifying) {
        return new SqsConsumer(Queues.REVERIFICATION, event -> SqsReverificationQueue.consume(event, reverifying));
    }
}
