package org.bianmin.inquiry.infrastructure;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.inquiry.application.ConversationStore;
import org.bianmin.inquiry.model.Channel;
import org.bianmin.inquiry.model.Conversation;
import org.bianmin.inquiry.model.InquiryAction;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Conversations in the {@code conversations} table, one item per session, expired by DynamoDB's TTL on
 * {@code expiresAt}. A turn is one UpdateItem (no read-modify-write), so concurrent questions of one session
 * never overwrite each other's counts. Expired-but-not-yet-deleted items (TTL deletion lags) count as absent.
 */
public final class DynamoConversationStore implements ConversationStore, UsesTables {

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoConversationStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.CONVERSATIONS.tableName(tablePrefix);
    }

    @Override
    public Optional<Conversation> find(String sessionId) {
        GetItemResponse response = dynamo.getItem(g -> g.tableName(tableName).consistentRead(true)
                .key(key(sessionId)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Conversation conversation = fromItem(response.item());
        if (conversation.expiresAt().isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(conversation);
    }

    @Override
    public void record(Conversation.Turn turn) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":channel", AttributeValue.fromS(turn.channel().name()));
        values.put(":action", AttributeValue.fromS(turn.action().name()));
        values.put(":at", AttributeValue.fromS(turn.at().toString()));
        values.put(":expires", AttributeValue.fromN(Long.toString(turn.expiresAt().getEpochSecond())));
        values.put(":zero", AttributeValue.fromN("0"));
        values.put(":one", AttributeValue.fromN("1"));
        StringBuilder update = new StringBuilder("SET channel = if_not_exists(channel, :channel), lastAction = :action,"
                + " updatedAt = :at, " + Tables.CONVERSATIONS.ttlAttribute() + " = :expires,"
                + " turns = if_not_exists(turns, :zero) + :one");
        if (turn.settlesTopic()) {
            update.append(", lastEntryId = :entry");
            values.put(":entry", AttributeValue.fromS(turn.entryId()));
        }
        // the options of a CLARIFY live until the next turn: a later follow-up must not pick among stale ones
        if (turn.clarifyOptions().isEmpty()) {
            update.append(" REMOVE clarifyOptions");
        } else {
            update.append(", clarifyOptions = :options");
            values.put(":options", AttributeValue.fromL(turn.clarifyOptions().stream().map(AttributeValue::fromS).toList()));
        }
        dynamo.updateItem(u -> u.tableName(tableName).key(key(turn.sessionId()))
                .updateExpression(update.toString()).expressionAttributeValues(values));
    }

    @Override
    public boolean isAvailable() {
        try {
            dynamo.describeTable(d -> d.tableName(tableName));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    public String tableName() {
        return tableName;
    }

    private static Map<String, AttributeValue> key(String sessionId) {
        return Map.of(Tables.CONVERSATIONS.partitionKey(), AttributeValue.fromS(sessionId));
    }

    static Conversation fromItem(Map<String, AttributeValue> item) {
        return new Conversation(
                item.get(Tables.CONVERSATIONS.partitionKey()).s(),
                Channel.valueOf(item.get("channel").s()),
                item.containsKey("lastEntryId") ? item.get("lastEntryId").s() : null,
                InquiryAction.valueOf(item.get("lastAction").s()),
                Integer.parseInt(item.get("turns").n()),
                Instant.parse(item.get("updatedAt").s()),
                Instant.ofEpochSecond(Long.parseLong(item.get(Tables.CONVERSATIONS.ttlAttribute()).n())),
                item.containsKey("clarifyOptions")
                        ? item.get("clarifyOptions").l().stream().map(AttributeValue::s).toList()
                        : List.of());
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.CONVERSATIONS, "GetItem", "UpdateItem", "DescribeTable"));
    }
}
