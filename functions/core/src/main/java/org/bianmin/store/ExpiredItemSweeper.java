package org.bianmin.store;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Deletes items whose TTL attribute (epoch seconds) lies in the past, for engines without DynamoDB's TTL: dynalite
 * in the local runtime. Each delete is conditional on the item still being expired, so an item renewed between the
 * scan and the delete (a conversation's next turn) stays. In AWS, DynamoDB's own TTL does this and this class is
 * not used.
 */
public final class ExpiredItemSweeper {

    private static final Logger log = LoggerFactory.getLogger(ExpiredItemSweeper.class);

    private final DynamoDbClient dynamo;
    private final String prefix;
    private final Clock clock;

    public ExpiredItemSweeper(DynamoDbClient dynamo, String prefix, Clock clock) {
        this.dynamo = dynamo;
        this.prefix = prefix;
        this.clock = clock;
    }

    /** Sweeps every table of {@code tables} that has a TTL attribute; returns the number of items deleted. */
    public int sweep(List<TableDefinition> tables) {
        int deleted = 0;
        for (TableDefinition table : tables) {
            if (table.ttlAttribute() != null) {
                deleted += sweep(table);
            }
        }
        return deleted;
    }

    private int sweep(TableDefinition table) {
        String name = table.tableName(prefix);
        Map<String, String> names = Map.of("#ttl", table.ttlAttribute());
        Map<String, AttributeValue> now = Map.of(":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())));
        List<String> keyAttributes = table.sortKey() == null ? List.of(table.partitionKey())
                : List.of(table.partitionKey(), table.sortKey());
        ScanRequest scan = ScanRequest.builder().tableName(name)
                .filterExpression("#ttl < :now")
                .expressionAttributeNames(names)
                .expressionAttributeValues(now)
                .build();
        int deleted = 0;
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(scan).items()) {
            Map<String, AttributeValue> key = new java.util.HashMap<>();
            keyAttributes.forEach(attribute -> key.put(attribute, item.get(attribute)));
            try {
                dynamo.deleteItem(d -> d.tableName(name).key(key)
                        .conditionExpression("#ttl < :now")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(now));
                deleted++;
            } catch (ConditionalCheckFailedException renewed) {
                // written again since the scan: no longer expired
            }
        }
        if (deleted > 0) {
            log.info("swept {} expired items from {}", deleted, name);
        }
        return deleted;
    }
}
