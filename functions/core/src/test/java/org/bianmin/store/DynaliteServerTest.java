package org.bianmin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.bianmin.local.dynalite.DataDirectoryInUseException;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.testing.DynamoDbTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The local store itself: durable across restarts, locked to one owner, closed to other keys. */
class DynaliteServerTest {

    @Test
    void aDurableStoreKeepsItsTablesAcrossRestarts(@TempDir Path data) {
        try (DynaliteServer store = DynaliteServer.startDurable(data); DynamoDbClient dynamo = DynamoDbTestServer.clientFor(store)) {
            new TableProvisioner(dynamo, "p-").createIfMissing(Tables.DEVICES);
            dynamo.putItem(p -> p.tableName("p-devices").item(Map.of("deviceId", AttributeValue.fromS("SD-1"),
                    "address", AttributeValue.fromS("东湖区桂花路18号"))));
        }
        try (DynaliteServer store = DynaliteServer.startDurable(data); DynamoDbClient dynamo = DynamoDbTestServer.clientFor(store)) {
            assertThat(dynamo.getItem(g -> g.tableName("p-devices").key(Map.of("deviceId", AttributeValue.fromS("SD-1"))))
                    .item().get("address").s()).isEqualTo("东湖区桂花路18号");
        }
    }

    @Test
    void aSecondOwnerOfTheDirectoryIsRefusedWithAMessage(@TempDir Path data) {
        try (DynaliteServer first = DynaliteServer.startDurable(data)) {
            assertThatThrownBy(() -> DynaliteServer.startDurable(data))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining(data.toAbsolutePath().toString())
                    .hasMessageContaining("BIANMIN_DATA_DIR");
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    void requestsSignedWithAnotherKeyAreRefused() {
        DynamoDbTestServer.endpoint();
        try (DynamoDbClient stranger = DynamoDbClient.builder().endpointOverride(URI.create(DynamoDbTestServer.endpoint()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            assertThatThrownBy(stranger::listTables)
                    .isInstanceOf(DynamoDbException.class)
                    .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
        assertThat(DynamoDbTestServer.client().listTables().tableNames()).isNotEmpty();
    }
}
