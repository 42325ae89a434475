package org.bianmin.inquiry.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.inquiry.application.ConversationStore;
import org.bianmin.inquiry.model.Channel;
import org.bianmin.inquiry.model.Conversation;
import org.bianmin.inquiry.model.InquiryAction;
import org.bianmin.store.Tables;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Conversations in the {@code conversations} table, one item per session, expired by DynamoDB's TTL on
 * {@code expiresAt}. Expired-but-not-yet-deleted items (TTL deletion lags) are treated as absent.
 */
public final class DynamoConversationStore implements ConversationStore {

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoConversationStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.CONVERSATIONS.tableName(tablePrefix);
    }

    @Override
    public Optional<Conversation> find(String sessionId) {
        GetItemResponse response = dynamo.getItem(g -> g.tableName(tableName).consistentRead(true)
                .key(Map.of(Tables.CONVERSATIONS.partitionKey(), AttributeValue.fromS(sessionId))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Conversation conversation = fromItem(response.item());
        if (conversation.expiresAt() != null && conversation.expiresAt().isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(conversation);
    }

    @Override
    public void save(Conversation conversation) {
        dynamo.putItem(p -> p.tableName(tableName).item(toItem(conversation)));
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

    static Map<String, AttributeValue> toItem(Conversation conversation) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.CONVERSATIONS.partitionKey(), AttributeValue.fromS(conversation.sessionId()));
        item.put("channel", AttributeValue.fromS(conversation.channel().name()));
        if (conversation.lastEntryId() != null) {
            item.put("lastEntryId", AttributeValue.fromS(conversation.lastEntryId()));
        }
        List<AttributeValue> turns = new ArrayList<>();
        for (Conversation.Turn turn : conversation.turns()) {
            Map<String, AttributeValue> t = new HashMap<>();
            t.put("at", AttributeValue.fromS(turn.at().toString()));
            t.put("action", AttributeValue.fromS(turn.action().name()));
            if (turn.entryId() != null) {
                t.put("entryId", AttributeValue.fromS(turn.entryId()));
            }
            turns.add(AttributeValue.fromM(t));
        }
        item.put("turns", AttributeValue.fromL(turns));
        item.put("updatedAt", AttributeValue.fromS(conversation.updatedAt().toString()));
        item.put(Tables.CONVERSATIONS.ttlAttribute(),
                AttributeValue.fromN(Long.toString(conversation.expiresAt().getEpochSecond())));
        return item;
    }

    static Conversation fromItem(Map<String, AttributeValue> item) {
        List<Conversation.Turn> turns = new ArrayList<>();
        if (item.containsKey("turns")) {
            for (AttributeValue value : item.get("turns").l()) {
                Map<String, AttributeValue> t = value.m();
                turns.add(new Conversation.Turn(Instant.parse(t.get("at").s()),
                        InquiryAction.valueOf(t.get("action").s()),
                        t.containsKey("entryId") ? t.get("entryId").s() : null));
            }
        }
        return new Conversation(
                item.get(Tables.CONVERSATIONS.partitionKey()).s(),
                Channel.valueOf(item.get("channel").s()),
                item.containsKey("lastEntryId") ? item.get("lastEntryId").s() : null,
                turns,
                item.containsKey("updatedAt") ? Instant.parse(item.get("updatedAt").s()) : null,
                Instant.ofEpochSecond(Long.parseLong(item.get(Tables.CONVERSATIONS.ttlAttribute()).n())));
    }
}
