package org.bianmin.hotline.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.hotline.application.CodeAttempts;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Wrong-code counts as two attributes of the ticket's own item ({@code codeFailures}, {@code codeLockedUntil}),
 * changed with atomic updates that leave the rest of the ticket (and its version) alone. A staff change to the
 * ticket rewrites the item and so clears them; a guesser cannot cause one.
 */
public final class DynamoCodeAttempts implements CodeAttempts, UsesTables {

    private static final String FAILURES = "codeFailures";
    private static final String LOCKED_UNTIL = "codeLockedUntil";

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoCodeAttempts(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.TICKETS.tableName(tablePrefix);
    }

    @Override
    public State state(String trackingNumber) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(tableName).key(key(trackingNumber))
                .consistentRead(true).projectionExpression(FAILURES + ", " + LOCKED_UNTIL)).item();
        AttributeValue failures = item == null ? null : item.get(FAILURES);
        AttributeValue until = item == null ? null : item.get(LOCKED_UNTIL);
        return new State(failures == null ? 0 : Integer.parseInt(failures.n()),
                until == null ? Optional.empty() : Optional.of(Instant.parse(until.s())));
    }

    @Override
    public int failed(String trackingNumber) {
        try {
            Map<String, AttributeValue> updated = dynamo.updateItem(u -> u.tableName(tableName).key(key(trackingNumber))
                    .updateExpression("ADD " + FAILURES + " :one")
                    .conditionExpression("attribute_exists(trackingNumber)")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return Integer.parseInt(updated.get(FAILURES).n());
        } catch (ConditionalCheckFailedException noTicket) {
            return 0;
        }
    }

    @Override
    public void lock(String trackingNumber, Instant until) {
        try {
            dynamo.updateItem(u -> u.tableName(tableName).key(key(trackingNumber))
                    .updateExpression("SET " + LOCKED_UNTIL + " = :until REMOVE " + FAILURES)
                    .conditionExpression("attribute_exists(trackingNumber)")
                    .expressionAttributeValues(Map.of(":until", AttributeValue.fromS(until.toString()))));
        } catch (ConditionalCheckFailedException noTicket) {
            // nothing to lock
        }
    }

    @Override
    public void succeeded(String trackingNumber) {
        try {
            dynamo.updateItem(u -> u.tableName(tableName).key(key(trackingNumber))
                    .updateExpression("REMOVE " + FAILURES)
                    .conditionExpression("attribute_exists(" + FAILURES + ")"));
        } catch (ConditionalCheckFailedException nothingCounted) {
            // the usual case: no wrong codes to forget
        }
    }

    private static Map<String, AttributeValue> key(String trackingNumber) {
        return Map.of("trackingNumber", AttributeValue.fromS(trackingNumber));
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.TICKETS, "GetItem", "UpdateItem"));
    }
}
