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
 * (whose Java v2 is not on Maven Central here, and whose v1 needs AspectJ weaving), and answering as the IETF
 * Idempotency-Key draft asks:
 * <ul>
 * <li>a conditional put claims the key as IN_PROGRESS with the request's fingerprint (SHA-256 of its canonical
 * JSON, so the same JSON with its keys reordered is the same request) and a lock ({@code lockedUntil});</li>
 * <li>the winner runs the operation and stores its response; if the operation fails, the claim is released;</li>
 * <li>a repeat with the same fingerprint returns the stored response, waiting while the first run is in flight,
 * but never longer than {@link #IN_FLIGHT_WAIT}, which is shorter than the functions' timeout (template.yaml:
 * 15 s), so the waiting caller gets an answer (409, retry) instead of being killed by Lambda;</li>
 * <li>a lock that has expired is a crashed attempt (the function timed out or its instance died before storing a
 * response or releasing the claim): the next call with the key takes it over instead of being blocked until the
 * record's TTL. The lock ({@link #LOCK}) outlives the longest function that holds one, so a running attempt is
 * never taken over;</li>
 * <li>a repeat with a different fingerprint is refused ({@link IdempotencyConflictException.Reason#REQUEST_CHANGED}).</li>
 * </ul>
 * Records expire by TTL ({@code retention}, a day by default).
 */
public final class DynamoIdempotency implements Idempotency, UsesTables {

    /** How long a completed record answers repeats, unless a use asks for longer. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    /** How long a claim protects a running attempt: longer than any function that claims (15 s). */
    public static final Duration LOCK = Duration.ofSeconds(30);
    /** How long a repeat waits for the first attempt: shorter than the function timeout (15 s). */
    public static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(25);
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;
    private final Duration retention;

    public DynamoIdempotency(DynamoDbClient dynamo, String tablePrefix, Clock clock) {
        this(dynamo, tablePrefix, clock, DEFAULT_RETENTION);
    }

    public DynamoIdempotency(DynamoDbClient dynamo, String tablePrefix, Clock clock, Duration retention) {
        this.dynamo = dynamo;
        this.tableName = Tables.IDEMPOTENCY.tableName(tablePrefix);
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public String execute(String key, String request, Supplier<String> operation) {
        String fingerprint = fingerprint(request);
        Instant giveUp = clock.instant().plus(IN_FLIGHT_WAIT);
        while (true) {
            if (claim(key, fingerprint)) {
                return run(key, operation);
            }
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(tableName).key(key(key)).consistentRead(true)).item();
            boolean released = item == null || item.isEmpty(); // the first attempt failed: the next claim is ours
            if (!released && !fingerprint.equals(item.get("fingerprint").s())) {
                throw new IdempotencyConflictException(IdempotencyConflictException.Reason.REQUEST_CHANGED,
                        "idempotency key already used with a different request");
            }
            if (!released && COMPLETED.equals(item.get("status").s())) {
                return item.get("response").s();
            }
            if (!clock.instant().isBefore(giveUp)) {
                throw new IdempotencyConflictException(IdempotencyConflictException.Reason.IN_PROGRESS,
                        "the first request with this key is still in progress");
            }
            // still running (or its lock just expired, and the next claim takes it over)
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IdempotencyConflictException(IdempotencyConflictException.Reason.IN_PROGRESS,
                        "interrupted while waiting for the first request");
            }
        }
    }

    /** Claims a free key, an expired record or the key of a crashed attempt (IN_PROGRESS, lock expired). */
    private boolean claim(String key, String fingerprint) {
        Instant now = clock.instant();
        try {
            dynamo.putItem(p -> p.tableName(tableName)
                    .item(Map.of(
                            Tables.IDEMPOTENCY.partitionKey(), AttributeValue.fromS(key),
                            "status", AttributeValue.fromS(IN_PROGRESS),
                            "fingerprint", AttributeValue.fromS(fingerprint),
                            "lockedUntil", AttributeValue.fromN(Long.toString(now.plus(LOCK).toEpochMilli())),
                            Tables.IDEMPOTENCY.ttlAttribute(), AttributeValue.fromN(Long.toString(now.plus(retention).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(#k) OR #e < :nowSeconds OR (#s = :inProgress AND lockedUntil < :nowMillis)")
                    .expressionAttributeNames(Map.of("#k", Tables.IDEMPOTENCY.partitionKey(), "#e", Tables.IDEMPOTENCY.ttlAttribute(),
                            "#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":nowSeconds", AttributeValue.fromN(Long.toString(now.getEpochSecond())),
                            ":nowMillis", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                            ":inProgress", AttributeValue.fromS(IN_PROGRESS))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    private String run(String key, Supplier<String> operation) {
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
                .expressionAttributeValues(Map.of(":done", AttributeValue.fromS(COMPLETED),
                        ":response", AttributeValue.fromS(response))));
        return response;
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(Tables.IDEMPOTENCY.partitionKey(), AttributeValue.fromS(key));
    }

    static String fingerprint(String request) {
        return Fingerprint.sha256(CanonicalJson.of(request));
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.IDEMPOTENCY, "GetItem", "PutItem", "UpdateItem", "DeleteItem"));
    }
}
