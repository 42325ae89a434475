package org.bianmin.inquiry.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.inquiry.application.FeedbackStore;
import org.bianmin.inquiry.model.QuestionSignal;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Signals in the {@code answer-feedback} table: partition {@code day} (the Beijing date it arrived), sort key the
 * signal's key, so a repeated vote is a PutItem over the same item. Items expire after {@link #KEPT}.
 */
public final class DynamoFeedbackStore implements FeedbackStore, UsesTables {

    static final Duration KEPT = Duration.ofDays(180);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoFeedbackStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.ANSWER_FEEDBACK.tableName(tablePrefix);
    }

    @Override
    public void record(QuestionSignal signal) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.ANSWER_FEEDBACK.partitionKey(), AttributeValue.fromS(day(signal.at()).toString()));
        item.put(Tables.ANSWER_FEEDBACK.sortKey(), AttributeValue.fromS(signal.key()));
        item.put("kind", AttributeValue.fromS(signal.kind().name()));
        item.put("question", AttributeValue.fromS(signal.question()));
        item.put("at", AttributeValue.fromS(signal.at().toString()));
        item.put(Tables.ANSWER_FEEDBACK.ttlAttribute(),
                AttributeValue.fromN(Long.toString(signal.at().plus(KEPT).getEpochSecond())));
        if (signal.entryId() != null) {
            item.put("entryId", AttributeValue.fromS(signal.entryId()));
            item.put("entryTitle", AttributeValue.fromS(signal.entryTitle()));
        }
        dynamo.putItem(p -> p.tableName(tableName).item(item));
    }

    @Override
    public List<QuestionSignal> ofDay(LocalDate day, int limit) {
        List<QuestionSignal> signals = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> q.tableName(tableName)
                    .keyConditionExpression("#day = :day")
                    .expressionAttributeNames(Map.of("#day", Tables.ANSWER_FEEDBACK.partitionKey()))
                    .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(day.toString())))
                    .exclusiveStartKey(from)
                    .limit(limit - signals.size()));
            page.items().forEach(item -> signals.add(fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && signals.size() < limit);
        signals.sort(Comparator.comparing(QuestionSignal::at).reversed());
        return signals;
    }

    static LocalDate day(Instant at) {
        return at.atZone(BEIJING).toLocalDate();
    }

    private static QuestionSignal fromItem(Map<String, AttributeValue> item) {
        return new QuestionSignal(item.get(Tables.ANSWER_FEEDBACK.sortKey()).s(),
                QuestionSignal.Kind.valueOf(item.get("kind").s()), item.get("question").s(),
                item.containsKey("entryId") ? item.get("entryId").s() : null,
                item.containsKey("entryTitle") ? item.get("entryTitle").s() : null,
                Instant.parse(item.get("at").s()));
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.ANSWER_FEEDBACK, "PutItem", "Query"));
    }
}
