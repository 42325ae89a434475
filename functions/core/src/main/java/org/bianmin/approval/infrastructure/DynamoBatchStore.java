package org.bianmin.approval.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.http.Json;
import org.bianmin.approval.application.BatchStore;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Batch progress in {@code reverification-batches} (atomic ADD counters), and the non-approved decisions in the
 * {@code approvals} table next to 秒批's own records, tagged with their batch.
 */
public final class DynamoBatchStore implements BatchStore, UsesTables {

    private static final String[] COUNTERS = {"processed", "approved", "rejected", "manualReview", "failed"};

    private final DynamoDbClient dynamo;
    private final String batches;
    private final String approvals;

    public DynamoBatchStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.batches = Tables.REVERIFICATION_BATCHES.tableName(tablePrefix);
        this.approvals = Tables.APPROVALS.tableName(tablePrefix);
    }

    @Override
    public void create(String batchId, String item, int total, String createdAt) {
        Map<String, AttributeValue> record = new LinkedHashMap<>();
        record.put("batchId", AttributeValue.fromS(batchId));
        record.put("item", AttributeValue.fromS(item));
        record.put("total", AttributeValue.fromN(Integer.toString(total)));
        record.put("createdAt", AttributeValue.fromS(createdAt));
        for (String counter : COUNTERS) {
            record.put(counter, AttributeValue.fromN("0"));
        }
        dynamo.putItem(p -> p.tableName(batches).item(record).conditionExpression("attribute_not_exists(batchId)"));
    }

    @Override
    public void addProgress(String batchId, int approved, int rejected, int manualReview, int failed) {
        int processed = approved + rejected + manualReview + failed;
        dynamo.updateItem(u -> u.tableName(batches).key(Map.of("batchId", AttributeValue.fromS(batchId)))
                // counter names are DynamoDB reserved words ("processed"), hence the placeholders
                .updateExpression("ADD #p :p, #a :a, #r :r, #m :m, #f :f")
                .expressionAttributeNames(Map.of("#p", "processed", "#a", "approved", "#r", "rejected",
                        "#m", "manualReview", "#f", "failed"))
                .expressionAttributeValues(Map.of(":p", n(processed), ":a", n(approved), ":r", n(rejected),
                        ":m", n(manualReview), ":f", n(failed))));
    }

    @Override
    public void keepForReview(String batchId, ApprovalDecision decision, String applicantMasked) {
        dynamo.putItem(p -> p.tableName(approvals).item(Map.of(
                "applicationId", AttributeValue.fromS(decision.applicationId()),
                "batchId", AttributeValue.fromS(batchId),
                "item", AttributeValue.fromS(decision.item()),
                "decision", AttributeValue.fromS(decision.decision().name()),
                "decidedAt", AttributeValue.fromS(decision.decidedAt()),
                "applicant", AttributeValue.fromS(applicantMasked),
                "fingerprint", AttributeValue.fromS("reverification"),
                "record", AttributeValue.fromS(Json.write(decision)))));
    }

    @Override
    public Optional<Map<String, Object>> progress(String batchId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(batches).consistentRead(true)
                .key(Map.of("batchId", AttributeValue.fromS(batchId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("batchId", batchId);
        progress.put("item", item.get("item").s());
        int total = Integer.parseInt(item.get("total").n());
        progress.put("total", total);
        for (String counter : COUNTERS) {
            progress.put(counter, Integer.parseInt(item.get(counter).n()));
        }
        progress.put("status", Integer.parseInt(item.get("processed").n()) >= total ? "DONE" : "RUNNING");
        progress.put("createdAt", item.get("createdAt").s());
        return Optional.of(progress);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.REVERIFICATION_BATCHES, "GetItem", "PutItem", "UpdateItem"),
                TableUse.of(Tables.APPROVALS, "PutItem"));
    }
}
