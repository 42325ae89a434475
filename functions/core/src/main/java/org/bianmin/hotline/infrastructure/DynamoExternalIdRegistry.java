package org.bianmin.hotline.infrastructure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.hotline.application.ExternalIdRegistry;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Claims of imported external ids, kept in the idempotency table under {@code external-id:<id>} without an expiry
 * (an import may be rerun months later): one item per id, written only if absent, so DynamoDB itself decides which
 * of two racing imports files the ticket.
 */
public final class DynamoExternalIdRegistry implements ExternalIdRegistry, UsesTables {

    private static final String PREFIX = "external-id:";
    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoExternalIdRegistry(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.IDEMPOTENCY.tableName(tablePrefix);
    }

    @Override
    public Optional<String> trackingNumberOf(String externalId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(tableName).consistentRead(true)
                .key(key(externalId))).item();
        return item == null || !item.containsKey("trackingNumber") ? Optional.empty()
                : Optional.of(item.get("trackingNumber").s());
    }

    @Override
    public boolean claim(String externalId, String trackingNumber) {
        try {
            dynamo.putItem(p -> p.tableName(tableName)
                    .item(Map.of(Tables.IDEMPOTENCY.partitionKey(), AttributeValue.fromS(PREFIX + externalId),
                            "trackingNumber", AttributeValue.fromS(trackingNumber)))
                    .conditionExpression("attribute_not_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", Tables.IDEMPOTENCY.partitionKey())));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public boolean move(String externalId, String from, String to) {
        try {
            dynamo.updateItem(u -> u.tableName(tableName).key(key(externalId))
                    .updateExpression("SET trackingNumber = :to")
                    .conditionExpression("trackingNumber = :from")
                    .expressionAttributeValues(Map.of(":to", AttributeValue.fromS(to), ":from", AttributeValue.fromS(from))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String externalId) {
        return Map.of(Tables.IDEMPOTENCY.partitionKey(), AttributeValue.fromS(PREFIX + externalId));
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.IDEMPOTENCY, "GetItem", "PutItem", "UpdateItem"));
    }
}
