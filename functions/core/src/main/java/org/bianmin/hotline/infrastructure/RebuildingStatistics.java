package org.bianmin.hotline.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bianmin.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Recounts the statistics aggregates from the tickets: the operator's repair after an upgrade from a version without
 * them, or after counts were lost to a crash between a ticket write and its aggregate update. It deletes every
 * aggregate item, then reads every ticket once (a Scan: this is a command run by hand, never a request) and counts
 * each as if it were new. Two differences from counting as the changes happen: every flow of a ticket (closing,
 * escalation, reopening, rating) lands in the department that holds it now rather than the one that held it then,
 * and the counts are only right if nothing writes tickets meanwhile (the local runtime must be stopped; in AWS,
 * pause the API or accept the few changes written during the run being off until the next rebuild).
 */
public final class RebuildingStatistics {

    /** What a rebuild did. */
    public record Result(long aggregatesDeleted, long ticketsCounted) {
    }

    private final DynamoDbClient dynamo;
    private final String tablePrefix;

    public RebuildingStatistics(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tablePrefix = tablePrefix;
    }

    public Result rebuild() {
        long deleted = deleteAggregates();
        DynamoTicketStatistics statistics = new DynamoTicketStatistics(dynamo, tablePrefix);
        long counted = 0;
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(s -> s.tableName(Tables.TICKETS.tableName(tablePrefix))
                .consistentRead(true)).items()) {
            statistics.record(null, DynamoTicketStore.fromItem(item));
            counted++;
        }
        return new Result(deleted, counted);
    }

    private long deleteAggregates() {
        String table = Tables.TICKET_STATISTICS.tableName(tablePrefix);
        List<WriteRequest> batch = new ArrayList<>();
        long deleted = 0;
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(s -> s.tableName(table)
                .projectionExpression("#s, #p").expressionAttributeNames(Map.of("#s", "scope", "#p", "period"))).items()) {
            batch.add(WriteRequest.builder().deleteRequest(d -> d.key(Map.of("scope", item.get("scope"),
                    "period", item.get("period")))).build());
            deleted++;
            if (batch.size() == 25) {
                write(table, batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(table, batch);
        }
        return deleted;
    }

    private void write(String table, List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 10) {
                throw new IllegalStateException("the statistics table keeps refusing deletes; run the rebuild again");
            }
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = response.unprocessedItems() == null ? Map.of() : response.unprocessedItems();
        }
    }
}
