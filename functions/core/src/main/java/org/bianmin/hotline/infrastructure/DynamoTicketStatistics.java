package org.bianmin.hotline.infrastructure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The aggregates in the {@code ticket-statistics} table: one item per department and day, keyed {@code scope =
 * month#2026-11} and {@code period = <department>#2026-11-30}, so that a department's date range is one Query per
 * month with {@code BETWEEN}, and the city's is one Query per month over the whole partition.
 *
 * <p>One {@code UpdateItem} per ticket change (several {@code ADD}s), right after the ticket write; only a ticket that
 * moves to another department touches the filing day of both departments as well.
 *
 * <p>Re-delivery: the item keeps, per ticket it counted, the last version it counted ({@code v#<trackingNumber>}),
 * and the update is conditional on that marker being lower than the change's version. So a repeat of an update
 * whose answer was lost (the SDK's retry, or a change fed again) is refused whatever other tickets were counted in
 * between; a change that arrives after a later change of the same ticket was counted is refused too (counted at
 * most once, never twice). A crash or a DynamoDB error between the ticket write and its update loses that change's
 * counts; the error is logged with the tracking number and the {@code rebuild-statistics} command recounts.
 */
public final class DynamoTicketStatistics implements TicketStatistics, UsesTables {

    /** The attribute of a ticket's marker: the last version of that ticket counted in the item. */
    public static final String MARKER_PREFIX = "v#";
    private static final Logger log = LoggerFactory.getLogger(DynamoTicketStatistics.class);
    private static final String MONTH_PREFIX = "month#";
    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoTicketStatistics(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.TICKET_STATISTICS.tableName(tablePrefix);
    }

    @Override
    public void record(Ticket before, Ticket after) {
        TicketCounts.between(before, after).forEach((key, counters) -> {
            try {
                add(key, counters, after.trackingNumber(), after.version());
            } catch (SdkException e) {
                log.error("statistics of {} on {} not updated for ticket {} version {}: {}", key.department(), key.day(),
                        after.trackingNumber(), after.version(), e.toString());
            }
        });
    }

    private void add(TicketCounts.CounterKey key, Map<String, Long> counters, String trackingNumber, long version) {
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
        names.put("#m", MARKER_PREFIX + trackingNumber);
        values.put(":v", AttributeValue.fromN(Long.toString(version)));
        try {
            dynamo.updateItem(u -> u.tableName(tableName).key(key(key.department(), key.day()))
                    .updateExpression("ADD " + additions + " SET #m = :v")
                    .conditionExpression("attribute_not_exists(#m) OR #m < :v")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException alreadyCounted) {
            log.info("statistics of {} on {} already hold ticket {} version {}", key.department(), key.day(),
                    trackingNumber, version);
        }
    }

    static Map<String, AttributeValue> key(String department, LocalDate day) {
        return Map.of("scope", AttributeValue.fromS(MONTH_PREFIX + YearMonth.from(day)),
                "period", AttributeValue.fromS(department + "#" + day));
    }

    @Override
    public List<DepartmentDay> days(String department, LocalDate from, LocalDate to) {
        List<DepartmentDay> days = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            Map<String, String> names = new HashMap<>(Map.of("#s", "scope"));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":month", AttributeValue.fromS(MONTH_PREFIX + month)));
            String condition = "#s = :month";
            if (department != null) {
                LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
                LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
                names.put("#p", "period");
                values.put(":from", AttributeValue.fromS(department + "#" + first));
                values.put(":to", AttributeValue.fromS(department + "#" + last));
                condition += " AND #p BETWEEN :from AND :to";
            }
            QueryRequest query = QueryRequest.builder().tableName(tableName).keyConditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build();
            dynamo.queryPaginator(query).items().forEach(item -> {
                String period = item.get("period").s();
                // the date is the last ten characters: a department's name may hold any character
                LocalDate date = LocalDate.parse(period.substring(period.length() - 10));
                if (!date.isBefore(from) && !date.isAfter(to)) {
                    days.add(new DepartmentDay(period.substring(0, period.length() - 11), date, counters(item)));
                }
            });
        }
        return days;
    }

    private static Map<String, Long> counters(Map<String, AttributeValue> item) {
        Map<String, Long> counters = new TreeMap<>();
        item.forEach((name, value) -> {
            if (value.n() != null && !name.startsWith(MARKER_PREFIX)) {
                counters.put(name, Long.parseLong(value.n()));
            }
        });
        return counters;
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.TICKET_STATISTICS, "UpdateItem", "Query"));
    }
}
