package org.bianmin.testing;

import java.net.URI;
import org.bianmin.local.dynamodb.DynamoDbLocalServer;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One DynamoDB Local per test JVM, with every table of {@link Tables} created under the {@code test-} prefix. */
public final class DynamoDbTestServer {

    public static final String TABLE_PREFIX = "test-";
    private static DynamoDbLocalServer server;
    private static DynamoDbClient client;

    private DynamoDbTestServer() {
    }

    public static synchronized String endpoint() {
        if (server == null) {
            server = DynamoDbLocalServer.start();
            client = DynamoDbClient.builder()
                    .endpointOverride(URI.create(server.endpoint()))
                    .region(Region.US_EAST_1)
                    .httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build();
            new TableProvisioner(client, TABLE_PREFIX).createMissing(Tables.ALL);
        }
        return server.endpoint();
    }

    public static synchronized DynamoDbClient client() {
        endpoint();
        return client;
    }
}
