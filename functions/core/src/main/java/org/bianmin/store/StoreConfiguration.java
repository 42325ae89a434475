package org.bianmin.store;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(StoreProperties properties) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (properties.region() != null && !properties.region().isBlank()) {
            builder.region(Region.of(properties.region()));
        }
        if (properties.endpoint() != null && !properties.endpoint().isBlank()) {
            // An overridden endpoint is a local store (dynalite, LocalStack): it gets its own key, never the
            // developer's AWS profile. dynalite accepts only the key it was started with.
            builder.endpointOverride(URI.create(properties.endpoint()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            orDefault(properties.accessKeyId()), orDefault(properties.secretAccessKey()))));
            if (properties.region() == null || properties.region().isBlank()) {
                builder.region(Region.US_EAST_1);
            }
        }
        return builder.build();
    }

    private static String orDefault(String value) {
        return value == null || value.isBlank() ? "local" : value;
    }
}
