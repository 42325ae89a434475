package org.bianmin.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the tables are. {@code endpoint} is empty in AWS (the SDK's default, which also honours
 * {@code AWS_ENDPOINT_URL} for LocalStack); the local runtime points it at its dynalite child process.
 *
 * @param tablePrefix prepended to every logical table name, e.g. {@code bianmin-}
 * @param endpoint an endpoint override, or empty
 * @param region the region; empty means the SDK's default chain ({@code AWS_REGION} in Lambda)
 * @param accessKeyId with an endpoint override: the key to sign with (dynalite's per-start key); ignored without one
 * @param secretAccessKey with an endpoint override: the secret to sign with
 */
@ConfigurationProperties("bianmin.dynamodb")
public record StoreProperties(String tablePrefix, String endpoint, String region, String accessKeyId,
                              String secretAccessKey) {

    public StoreProperties {
        tablePrefix = tablePrefix == null ? "bianmin-" : tablePrefix;
    }
}
