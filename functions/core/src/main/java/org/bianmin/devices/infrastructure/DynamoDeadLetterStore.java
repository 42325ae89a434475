package org.bianmin.devices.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bianmin.devices.application.DeadLetters;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Payloads that could not be processed, with the reason and the first 2 KB of the payload; kept 30 days. */
public final class DynamoDeadLetterStore implements DeadLetters, UsesTables {

    static final int KEEP_BYTES = 2048;
    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoDeadLetterStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.DEVICE_DEAD_LETTERS.tableName(tablePrefix);
    }

    @Override
    public void put(String source, String reason, String payload) {
        String kept = payload == null ? "" : payload.substring(0, Math.min(payload.length(), KEEP_BYTES));
        Instant now = Instant.now();
        dynamo.putItem(p -> p.tableName(tableName).item(Map.of(
                "letterId", AttributeValue.fromS(UUID.randomUUID().toString()),
                "source", AttributeValue.fromS(source),
                "reason", AttributeValue.fromS(reason),
                "payload", AttributeValue.fromS(kept.isEmpty() ? "(empty)" : kept),
                "receivedAt", AttributeValue.fromS(now.toString()),
                "expiresAt", AttributeValue.fromN(Long.toString(now.plus(Duration.ofDays(30)).getEpochSecond())))));
    }

    /** How many dead letters there are (a scan count: dead letters are few by nature). */
    @Override
    public int count() {
        int total = 0;
        for (var page : dynamo.scanPaginator(s -> s.tableName(tableName).select(Select.COUNT))) {
            total += page.count();
        }
        return total;
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.DEVICE_DEAD_LETTERS, "PutItem", "Scan"));
    }
}
