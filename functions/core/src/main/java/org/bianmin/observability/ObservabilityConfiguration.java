package org.bianmin.observability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The metrics backend of the deployed functions: embedded metric format in Lambda (where
 * {@code AWS_LAMBDA_FUNCTION_NAME} is set), nothing elsewhere (tests, tools). The local runtime adds its own
 * Micrometer backend as the primary bean.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    Metrics metrics(Environment environment) {
        if (environment.getProperty("AWS_LAMBDA_FUNCTION_NAME", "").isBlank()) {
            return Metrics.none();
        }
        return new EmbeddedMetricFormat(environment.getProperty("bianmin.metrics.namespace", "Bianmin"));
    }
}
