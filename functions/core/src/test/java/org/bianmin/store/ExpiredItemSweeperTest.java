package org.bianmin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.bianmin.testing.DynamoDbTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** dynalite has no TTL: the sweeper deletes what DynamoDB would expire, and nothing else. */
class ExpiredItemSweeperTest {

    private static final String PREFIX = "sweep-";
    private final DynamoDbClient dynamo = DynamoDbTestServer.client();
    private final Instant now = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void deletesExpiredItemsOfTtlTablesOnly() {
        new TableProvisioner(dynamo, PREFIX).createMissing(Tables.ALL);
        put(Tables.IDEMPOTENCY, "idempotencyKey", "expired-key", now.minusSeconds(1));
        put(Tables.IDEMPOTENCY, "idempotencyKey", "live-key", now.plusSeconds(3600));
        put(Tables.CONVERSATIONS, "sessionId", "expired-session", now.minusSeconds(86_400));
        dynamo.putItem(p -> p.tableName(Tables.CONVERSATIONS.tableName(PREFIX))
                .item(Map.of("sessionId", AttributeValue.fromS("no-ttl-session"))));
        // a table without TTL keeps an item even if it has an attribute of that name in the past
        put(Tables.DEVICES, "deviceId", "device-with-old-expiresAt", now.minusSeconds(10));

        int deleted = new ExpiredItemSweeper(dynamo, PREFIX, Clock.fixed(now, ZoneOffset.UTC)).sweep(Tables.ALL);

        assertThat(deleted).isEqualTo(2);
        assertThat(exists(Tables.IDEMPOTENCY, "idempotencyKey", "expired-key")).isFalse();
        assertThat(exists(Tables.IDEMPOTENCY, "idempotencyKey", "live-key")).isTrue();
        assertThat(exists(Tables.CONVERSATIONS, "sessionId", "expired-session")).isFalse();
        assertThat(exists(Tables.CONVERSATIONS, "sessionId", "no-ttl-session")).isTrue();
        assertThat(exists(Tables.DEVICES, "deviceId", "device-with-old-expiresAt")).isTrue();
    }

    private void put(TableDefinition table, String keyName, String key, Instant expiresAt) {
        dynamo.putItem(p -> p.tableName(table.tableName(PREFIX)).item(Map.of(keyName, AttributeValue.fromS(key),
                "expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())))));
    }

    private boolean exists(TableDefinition table, String keyName, String key) {
        return dynamo.getItem(g -> g.tableName(table.tableName(PREFIX)).consistentRead(true)
                .key(Map.of(keyName, AttributeValue.fromS(key)))).hasItem();
    }
}
