package org.bianmin.hotline.infrastructure;

import org.bianmin.observability.Metrics;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Function;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.web.Open311Api;
import org.bianmin.http.ApiGatewayHttpFunction;
import org.bianmin.http.HttpApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Open311 GeoReport v2 face of the same intake and tickets (the open311 Lambda).
 */
@Configuration(proxyBeanMethods = false)
class Open311Configuration {

    @Bean
    Open311Api open311Api(Taxonomy taxonomy, FilingRequest filing, DynamoTicketStore tickets, Environment environment) {
        // The public address for discovery's absolute URL; blank: the host the request came in on (Open311Api).
        return new Open311Api(taxonomy, filing, tickets, environment.getProperty("bianmin.open311.base-url", ""));
    }

    /** The Open311 Lambda: GeoReport v2 over the same intake and tickets. */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> open311(Open311Api open311, Metrics metrics) {
        return new ApiGatewayHttpFunction(new HttpApi(open311.routes(), metrics));
    }
}
