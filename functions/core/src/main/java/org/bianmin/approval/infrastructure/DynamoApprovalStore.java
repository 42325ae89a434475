package org.bianmin.approval.infrastructure;

import java.util.List;
import java.util.Map;
import org.bianmin.http.Json;
import org.bianmin.approval.application.ApprovalRecords;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Decision records in the {@code approvals} table: written once per application id (conditional put), with the
 * applicant's masked ID number only. Repeats of a request are answered by the idempotency store.
 */
public final class DynamoApprovalStore implements ApprovalRecords, UsesTables {

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoApprovalStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.APPROVALS.tableName(tablePrefix);
    }

    /** Stores the decision unless one exists for the id; false when another request stored first. */
    @Override
    public boolean create(ApprovalDecision decision, String applicantMasked) {
        try {
            dynamo.putItem(p -> p.tableName(tableName).conditionExpression("attribute_not_exists(applicationId)")
                    .item(Map.of("applicationId", AttributeValue.fromS(decision.applicationId()),
                            "item", AttributeValue.fromS(decision.item()),
                            "decision", AttributeValue.fromS(decision.decision().name()),
                            "decidedAt", AttributeValue.fromS(decision.decidedAt()),
                            "applicant", AttributeValue.fromS(applicantMasked),
                            "record", AttributeValue.fromS(Json.write(decision)))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.APPROVALS, "PutItem"));
    }
}
