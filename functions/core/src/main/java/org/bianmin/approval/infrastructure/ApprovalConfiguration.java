package org.bianmin.approval.infrastructure;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.bianmin.api.ApiGatewayHttpFunction;
import org.bianmin.api.HttpApi;
import org.bianmin.approval.application.DecidingApplication;
import org.bianmin.approval.application.ServiceCatalog;
import org.bianmin.approval.sources.DataSource;
import org.bianmin.approval.sources.FixtureDataSource;
import org.bianmin.approval.sources.HttpDataSource;
import org.bianmin.approval.sources.SyntheticPopulation;
import org.bianmin.store.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires 秒批. Each data source is a government endpoint over HTTP when {@code bianmin.approval.source-urls.<name>}
 * is set, otherwise the fixture over the synthetic population (the embedded default).
 */
@Configuration(proxyBeanMethods = false)
public class ApprovalConfiguration {

    /** The data sources by name (a holder, so Spring does not mistake the map for a collection of beans). */
    public record ApprovalSources(Map<String, DataSource> byName) {
    }

    @Bean
    ApprovalSources approvalSources(ApprovalProperties properties) {
        SyntheticPopulation population = new SyntheticPopulation(1200, 20261121L, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        Map<String, DataSource> sources = new LinkedHashMap<>();
        long seed = 1;
        for (String name : SyntheticPopulation.SOURCES) {
            String url = properties.sourceUrls().get(name);
            sources.put(name, url == null || url.isBlank()
                    ? new FixtureDataSource(name, population, Duration.ofMillis(20), Duration.ofMillis(80), 0, seed++)
                    : new HttpDataSource(name, URI.create(url.endsWith("/") ? url : url + "/"),
                            properties.checkTimeout().dividedBy(3), 3, Duration.ofSeconds(30)));
        }
        return new ApprovalSources(sources);
    }

    @Bean
    ServiceCatalog serviceCatalog(ApprovalSources approvalSources) {
        return ServiceCatalog.load(new HashSet<>(approvalSources.byName().keySet()));
    }

    @Bean
    ApprovalRoutes approvalRoutes(ServiceCatalog catalog, ApprovalSources approvalSources,
                                  DynamoDbClient dynamo, StoreProperties store, ApprovalProperties properties) {
        return new ApprovalRoutes(catalog,
                new DecidingApplication(approvalSources.byName(), properties.checkTimeout(), properties.deadline(),
                        Clock.systemUTC()),
                new DynamoApprovalStore(dynamo, store.tablePrefix()));
    }

    /** The approval Lambda. */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> approvalApi(ApprovalRoutes routes) {
        return new ApiGatewayHttpFunction(new HttpApi(routes.routes()));
    }
}
