package org.bianmin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bianmin.testing.DynamoDbTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A local data directory from before an index was added (the incidents lists' indexes, for one) gets the index on the
 * next start, with its items kept: dynalite cannot add an index to a table, so the provisioner recreates it.
 */
class TableProvisionerTest {

    private final DynamoDbClient dynamo = DynamoDbTestServer.client();

    @Test
    void aTableWithoutAnIndexOfItsDefinitionGetsItAndKeepsItsItems() {
        String prefix = "migrate-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        TableDefinition before = new TableDefinition("things", "thingId", null, null, List.of());
        TableDefinition after = new TableDefinition("things", "thingId", null, null,
                List.of(new TableDefinition.SecondaryIndex("byOwner", "owner", "createdAt")));
        TableProvisioner provisioner = new TableProvisioner(dynamo, prefix);
        provisioner.createIfMissing(before);
        String table = before.tableName(prefix);
        dynamo.putItem(p -> p.tableName(table).item(Map.of("thingId", AttributeValue.fromS("a"),
                "owner", AttributeValue.fromS("o1"), "createdAt", AttributeValue.fromS("2026-11-30"))));
        dynamo.putItem(p -> p.tableName(table).item(Map.of("thingId", AttributeValue.fromS("b"))));

        provisioner.createIfMissing(after);

        assertThat(dynamo.describeTable(d -> d.tableName(table)).table().globalSecondaryIndexes())
                .extracting(i -> i.indexName()).containsExactly("byOwner");
        assertThat(dynamo.scan(s -> s.tableName(table)).count()).isEqualTo(2);
        assertThat(dynamo.query(q -> q.tableName(table).indexName("byOwner").keyConditionExpression("#o = :o")
                .expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("o1")))).items())
                .extracting(i -> i.get("thingId").s()).containsExactly("a");
        // and a second start changes nothing
        provisioner.createIfMissing(after);
        assertThat(dynamo.scan(s -> s.tableName(table)).count()).isEqualTo(2);
    }
}
