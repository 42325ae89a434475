package org.bianmin.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bianmin.platform.Fingerprint;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Exactly-once execution per idempotency key, in the manner of Powertools for AWS Lambda's idempotency utility
 * (whose Java v2 is not on Maven Central here, and whose v1 needs AspectJ weaving): a conditional put claims the
 * key as IN_PROGRESS with the request's fingerprint; the winner runs the operation and stores its response; a
 * racing or repeated call with the same fingerprint waits for and returns that response; a different fingerprint
 * is a conflict. Records expire by TTL. If the operation fails, the claim is released so a retry can run.
 */
public final class DynamoIdempotency implements UsesTables {

    static final Duration RECORD_TTL = Duration.ofHours(24);
    static final Duration LOCK = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(25);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;

    public DynamoIdempotency(DynamoDbClient dynamo, String tablePrefix, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = Tables.IDEMPOTENCY.tableName(tablePrefix);
        this.clock = clock;
    }

    /** The stored response of {@code key}, computing it once with {@code operation} (which returns the response). */
    public String execute(String key, String requestBody, Supplier<String> operation) {
        String fingerprint = fingerprint(requestBody);
        Instant now = clock.instant();
        try {
            dynamo.putItem(p -> p.tableName(tableName)
                    .item(Map.of(
                            Tables.IDEMPOTENCY.partitionKey(), AttributeValue.fromS(key),
                            "status", AttributeValue.fromS("IN_PROGRESS"),
                            "fingerprint", AttributeValue.fromS(fingerprint),
                            "lockedUntil", AttributeValue.fromN(Long.toString(now.plus(LOCK).toEpochMilli())),
                            Tables.IDEMPOTENCY.ttlAttribute(), AttributeValue.fromN(Long.toString(now.plus(RECORD_TTL).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(#k) OR #e < :now")
                    .expressionAttributeNames(Map.of("#k", Tables.IDEMPOTENCY.partitionKey(), "#e", Tables.IDEMPOTENCY.ttlAttribute()))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
        } catch (ConditionalCheckFailedException taken) {
            return awaitStored(key, fingerprint);
        }
        String response;
        try {
            response = operation.get();
        } catch (RuntimeException e) {
            dynamo.deleteItem(d -> d.tableName(tableName).key(key(key)));
            throw e;
        }
        dynamo.updateItem(u -> u.tableName(tableName).key(key(key))
                .updateExpression("SET #s = :done, #r = :response REMOVE lockedUntil")
                .expressionAttributeNames(Map.of("#s", "status", "#r", "response"))
                .expressionAttributeValues(Map.of(":done", AttributeValue.fromS("COMPLETED"),
                        ":response", AttributeValue.fromS(response))));
        return response;
    }

    private String awaitStored(String key, String fingerprint) {
        Instant giveUp = clock.instant().plus(LOCK);
        while (true) {
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(tableName).key(key(key)).consistentRead(true)).item();
            if (item == null || item.isEmpty()) {
                throw new IdempotencyConflictException("the first request with this key failed; retry");
            }
            if (!fingerprint.equals(item.get("fingerprint").s())) {
                throw new IdempotencyConflictException("idempotency key already used with a different request");
            }
            if ("COMPLETED".equals(item.get("status").s())) {
                return item.get("response").s();
            }
            if (clock.instant().isAfter(giveUp)) {
                throw new IdempotencyConflictException("the first request with this key is still in progress");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IdempotencyConflictException("interrupted while waiting for the first request");
            }
        }
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(Tables.IDEMPOTENCY.partitionKey(), AttributeValue.fromS(key));
    }

    static String fingerprint(String body) {
        return Fingerprint.sha256(body);
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.IDEMPOTENCY, "GetItem", "PutItem", "UpdateItem", "DeleteItem"));
    }
}
