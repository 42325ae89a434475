package org.bianmin.hotline.infrastructure;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.application.IncidentListing;
import org.bianmin.hotline.model.Incident;
import org.bianmin.store.MergedQuery;
import org.bianmin.store.Page;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The incident lists from the {@code incidents} table's indexes, newest first with cursor paging
 * ({@link MergedQuery} over one partition): {@code byOpen} for the dispatch centre, {@code byDepartment} for a
 * department. A page costs one Query of at most {@code limit} items whatever the number of incidents.
 */
public final class DynamoIncidentListing implements IncidentListing, UsesTables {

    private static final Comparator<Map<String, AttributeValue>> NEWEST_FIRST = Comparator.comparing(
            (Map<String, AttributeValue> item) -> item.get(DynamoIncidentStore.CREATED).s()).reversed();

    private final String tableName;
    private final MergedQuery merged;

    public DynamoIncidentListing(DynamoDbClient dynamo, String tablePrefix) {
        this.tableName = Tables.INCIDENTS.tableName(tablePrefix);
        this.merged = new MergedQuery(dynamo);
    }

    @Override
    public Page<Incident> list(String department, int limit, String cursor) {
        String index = department == null ? "byOpen" : "byDepartment";
        String keyAttribute = department == null ? "openScope" : "department";
        String keyValue = department == null ? DynamoIncidentStore.OPEN : department;
        QueryRequest query = QueryRequest.builder().tableName(tableName).indexName(index).scanIndexForward(false)
                .keyConditionExpression("#k = :k")
                .expressionAttributeNames(Map.of("#k", keyAttribute))
                .expressionAttributeValues(Map.of(":k", DynamoIncidentStore.s(keyValue))).build();
        MergedQuery.Partition partition = new MergedQuery.Partition(query,
                List.of("incidentId", keyAttribute, DynamoIncidentStore.CREATED), Map.of(keyAttribute, keyValue));
        return merged.page(List.of(partition), NEWEST_FIRST, limit, cursor).map(DynamoIncidentStore::fromItem);
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.INCIDENTS, "Query"));
    }
}
