package org.bianmin.testing;

import java.net.URI;
import java.util.Map;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One in-memory dynalite (the DynamoDB API, as a child Node.js process) per test JVM, with every table of
 * {@link Tables} created under the {@code test-} prefix.
 */
public final class DynamoDbTestServer {

    public static final String TABLE_PREFIX = "test-";
    private static DynaliteServer server;
    private static DynamoDbClient client;

    private DynamoDbTestServer() {
    }

    public static synchronized String endpoint() {
        if (server == null) {
            server = DynaliteServer.startInMemory();
            client = clientFor(server);
            new TableProvisioner(client, TABLE_PREFIX).createMissing(Tables.ALL);
        }
        return server.endpoint();
    }

    public static synchronized DynamoDbClient client() {
        endpoint();
        return client;
    }

    /** The Spring properties that point a context at this server (endpoint, its key, the table prefix). */
    public static synchronized Map<String, String> springProperties() {
        endpoint();
        return Map.of("bianmin.dynamodb.endpoint", server.endpoint(),
                "bianmin.dynamodb.access-key-id", server.accessKeyId(),
                "bianmin.dynamodb.secret-access-key", server.secretAccessKey(),
                "bianmin.dynamodb.table-prefix", TABLE_PREFIX);
    }

    /** A client of {@code server}, signed with its key. */
    public static DynamoDbClient clientFor(DynaliteServer server) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKeyId(), server.secretAccessKey())))
                .build();
    }
}
