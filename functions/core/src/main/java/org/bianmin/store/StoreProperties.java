package org.bianmin.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the tables are. {@code endpoint} is empty in AWS (the SDK's default, which also honours
 * {@code AWS_ENDPOINT_URL} for LocalStack); the local runtime points it at DynamoDB Local.
 *
 * @param tablePrefix prepended to every logical table name, e.g. {@code bianmin-}
 * @param endpoint an endpoint override, or empty
 * @param region the region; empty means the SDK's default chain ({@code AWS_REGION} in Lambda)
 */
@ConfigurationProperties("bianmin.dynamodb")
public record StoreProperties(String tablePrefix, String endpoint, String region) {

    public StoreProperties {
        tablePrefix = tablePrefix == null ? "bianmin-" : tablePrefix;
    }
}
