package org.bianmin.hotline.infrastructure;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bianmin.hotline.application.TicketCounts;
import org.bianmin.hotline.application.TicketStatistics;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The counters in the {@code ticket-statistics} table, one item per scope and period, updated with {@code ADD}
 * right after the ticket write they count (dynalite, which runs locally and in the tests, has no transactions).
 *
 * <p>Retries: every update carries the write's token (tracking number and the ticket's new version) and is
 * conditional on the item's {@code lastWrite} not being that token, so the SDK repeating an update whose answer
 * was lost does not count twice. A crash between the ticket write and its counter updates loses that change's
 * counts (at most once, never twice): a repeated transition is refused by the lifecycle, so nothing would recount
 * it. The same holds when DynamoDB refuses the counter update: the ticket write stands, the error is logged with
 * the tracking number, and the counters are off by that change until rebuilt (docs/hotline.md, "Statistics").
 */
public final class DynamoTicketStatistics implements TicketStatistics, UsesTables {

    private static final Logger log = LoggerFactory.getLogger(DynamoTicketStatistics.class);
    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoTicketStatistics(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.TICKET_STATISTICS.tableName(tablePrefix);
    }

    @Override
    public void record(Ticket before, Ticket after) {
        String token = after.trackingNumber() + "#" + after.version();
        TicketCounts.between(before, after).forEach((key, counters) -> {
            try {
                add(key, counters, token);
            } catch (SdkException e) {
                log.error("statistics counters {}/{} not updated for ticket {}: {}", key.scope(), key.period(),
                        after.trackingNumber(), e.toString());
            }
        });
    }

    private void add(TicketCounts.CounterKey key, Map<String, Long> counters, String token) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder additions = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
            names.put("#c" + i, counter.getKey());
            values.put(":c" + i, AttributeValue.fromN(Long.toString(counter.getValue())));
            additions.append(i == 0 ? "" : ", ").append("#c").append(i).append(" :c").append(i);
            i++;
        }
        names.put("#w", "lastWrite");
        values.put(":w", AttributeValue.fromS(token));
        try {
            dynamo.updateItem(u -> u.tableName(tableName)
                    .key(Map.of("scope", AttributeValue.fromS(key.scope()), "period", AttributeValue.fromS(key.period())))
                    .updateExpression("ADD " + additions + " SET #w = :w")
                    .conditionExpression("attribute_not_exists(#w) OR #w <> :w")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException alreadyCounted) {
            log.info("statistics counters {}/{} already hold write {}", key.scope(), key.period(), token);
        }
    }

    @Override
    public Map<String, Long> totals(String scope) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(tableName).key(Map.of(
                "scope", AttributeValue.fromS(scope), "period", AttributeValue.fromS(TicketCounts.TOTAL)))).item();
        return item == null ? Map.of() : counters(item);
    }

    @Override
    public SortedMap<LocalDate, Map<String, Long>> days(String scope, LocalDate from, LocalDate to) {
        SortedMap<LocalDate, Map<String, Long>> days = new TreeMap<>();
        dynamo.queryPaginator(q -> q.tableName(tableName)
                .keyConditionExpression("#s = :scope AND #p BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#s", "scope", "#p", "period"))
                .expressionAttributeValues(Map.of(":scope", AttributeValue.fromS(scope),
                        ":from", AttributeValue.fromS(TicketCounts.day(from)), ":to", AttributeValue.fromS(TicketCounts.day(to)))))
                .items().forEach(item -> days.put(LocalDate.parse(item.get("period").s().substring(TicketCounts.DAY_PREFIX.length())),
                        counters(item)));
        return days;
    }

    private static Map<String, Long> counters(Map<String, AttributeValue> item) {
        Map<String, Long> counters = new TreeMap<>();
        item.forEach((name, value) -> {
            if (value.n() != null) {
                counters.put(name, Long.parseLong(value.n()));
            }
        });
        return counters;
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.TICKET_STATISTICS, "UpdateItem", "GetItem", "Query"));
    }
}
