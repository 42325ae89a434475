package org.bianmin.devices.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bianmin.devices.application.AlarmStore;
import org.bianmin.devices.model.Alarm.AlarmStatus;
import org.bianmin.devices.model.Alarm;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.store.MergedQuery;
import org.bianmin.store.Page;
import org.bianmin.store.SortableTime;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Alarms keyed by device and type. Deduplication is conditional writes, race-free across functions:
 * <ol>
 * <li>"count the event on the current alarm if it was seen within the window and not after the event" (moves
 * {@code lastSeen} forward);</li>
 * <li>"count a late event on the current alarm if the alarm was already seen after it" ({@code lastSeen} stays);</li>
 * <li>"open a new alarm unless someone has just opened one, and unless the alarm there is newer than the event"
 * (seen or closed after it).</li>
 * </ol>
 * If all three fail, either another event changed the alarm in between (try again) or this event is older than the
 * alarm's state: stale, and nothing changes. Times are stored as {@link SortableTime} so the conditions compare them
 * as strings in time order.
 */
public final class DynamoAlarmStore implements AlarmStore, UsesTables {

    private static final Set<AlarmStatus> CLOSING = Set.of(AlarmStatus.RESOLVED, AlarmStatus.FALSE_POSITIVE);

    /** The index's order (lastSeen descending), which the paging keeps. */
    private static final java.util.Comparator<Map<String, AttributeValue>> LAST_SEEN_FIRST =
            java.util.Comparator.comparing((Map<String, AttributeValue> item) -> item.get("lastSeen").s()).reversed();

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;
    private final MergedQuery merged;

    public DynamoAlarmStore(DynamoDbClient dynamo, String tablePrefix) {
        this(dynamo, tablePrefix, Clock.systemUTC());
    }

    /** @param clock when staff or the device close an alarm ({@code closedAt}) */
    public DynamoAlarmStore(DynamoDbClient dynamo, String tablePrefix, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = Tables.ALARMS.tableName(tablePrefix);
        this.clock = clock;
        this.merged = new MergedQuery(dynamo);
    }

    @Override
    public Sighting record(String deviceId, AlarmType type, Instant at, Duration window, String grid) {
        String key = deviceId + "#" + type.name();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":open", AttributeValue.fromS(AlarmStatus.OPEN.name()));
        values.put(":ack", AttributeValue.fromS(AlarmStatus.ACKNOWLEDGED.name()));
        values.put(":since", AttributeValue.fromS(SortableTime.format(at.minus(window))));
        values.put(":at", AttributeValue.fromS(SortableTime.format(at)));
        Map<String, AttributeValue> bumpValues = new HashMap<>(values);
        bumpValues.put(":one", AttributeValue.fromN("1"));
        Map<String, AttributeValue> lateValues = new HashMap<>(bumpValues);
        lateValues.remove(":since");
        lateValues.put(":until", AttributeValue.fromS(SortableTime.format(at.plus(window))));
        Map<String, String> names = Map.of("#c", "count", "#s", "status");
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Alarm> counted = update(key, "ADD #c :one SET lastSeen = :at",
                    "#s IN (:open, :ack) AND lastSeen >= :since AND lastSeen <= :at", names, bumpValues);
            if (counted.isEmpty()) {
                counted = update(key, "ADD #c :one", "#s IN (:open, :ack) AND lastSeen > :at AND openedAt <= :until",
                        names, lateValues);
            }
            if (counted.isPresent()) {
                return new Sighting(counted.get(), Effect.REPEATED);
            }
            Map<String, AttributeValue> alarm = new HashMap<>();
            alarm.put("alarmKey", AttributeValue.fromS(key));
            alarm.put("alarmId", AttributeValue.fromS("AL-" + UUID.randomUUID()));
            alarm.put("deviceId", AttributeValue.fromS(deviceId));
            alarm.put("type", AttributeValue.fromS(type.name()));
            alarm.put("status", AttributeValue.fromS(AlarmStatus.OPEN.name()));
            alarm.put("openedAt", AttributeValue.fromS(SortableTime.format(at)));
            alarm.put("lastSeen", AttributeValue.fromS(SortableTime.format(at)));
            alarm.put("count", AttributeValue.fromN("1"));
            if (grid != null) {
                alarm.put("grid", AttributeValue.fromS(grid));
            }
            try {
                dynamo.putItem(p -> p.tableName(tableName).item(alarm)
                        .conditionExpression("attribute_not_exists(alarmKey) OR ((NOT (#s IN (:open, :ack)) OR lastSeen < :since)"
                                + " AND lastSeen < :at AND (attribute_not_exists(closedAt) OR closedAt < :at))")
                        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values));
                return new Sighting(fromItem(alarm), Effect.OPENED);
            } catch (ConditionalCheckFailedException someoneOpenedOneOrNewer) {
                Optional<Alarm> current = find(deviceId, type);
                if (current.isPresent() && newerThan(current.get(), at, window)) {
                    return new Sighting(current.get(), Effect.STALE);
                }
                // another event changed the alarm a moment ago: try again against what it wrote
            }
        }
        throw new IllegalStateException("alarm " + key + " kept changing");
    }

    /** Whether the alarm's state is newer than an event at {@code at}, so the event may change nothing. */
    private static boolean newerThan(Alarm alarm, Instant at, Duration window) {
        if (alarm.isCurrent()) {
            return alarm.lastSeen().isAfter(at) && alarm.openedAt().isAfter(at.plus(window));
        }
        return !alarm.lastSeen().isBefore(at) || alarm.closedAt() != null && !alarm.closedAt().isBefore(at);
    }

    private Optional<Alarm> update(String key, String update, String condition, Map<String, String> names,
                                   Map<String, AttributeValue> values) {
        try {
            return Optional.of(fromItem(dynamo.updateItem(u -> u.tableName(tableName).key(key(key))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes()));
        } catch (ConditionalCheckFailedException notThisCase) {
            return Optional.empty();
        }
    }

    @Override
    public void attachTicket(String deviceId, AlarmType type, Instant openedAt, String trackingNumber) {
        try {
            // the ISO form too: alarms opened before times were stored sortable
            dynamo.updateItem(u -> u.tableName(tableName).key(key(deviceId + "#" + type.name()))
                    .updateExpression("SET trackingNumber = :t")
                    .conditionExpression("openedAt IN (:opened, :openedIso) AND attribute_not_exists(trackingNumber)")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(trackingNumber),
                            ":opened", AttributeValue.fromS(SortableTime.format(openedAt)),
                            ":openedIso", AttributeValue.fromS(openedAt.toString()))));
        } catch (ConditionalCheckFailedException replacedOrAttached) {
            // a newer alarm replaced this one, or a racing event recorded the (same) ticket first
        }
    }

    @Override
    public Optional<Alarm> find(String deviceId, AlarmType type) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(tableName).consistentRead(true)
                .key(key(deviceId + "#" + type.name()))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void setStatus(String deviceId, AlarmType type, AlarmStatus status) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", AttributeValue.fromS(status.name())));
        String closed = closing(status, values);
        dynamo.updateItem(u -> u.tableName(tableName).key(key(deviceId + "#" + type.name()))
                .updateExpression("SET #s = :s" + closed).conditionExpression("attribute_exists(alarmKey)")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values));
    }

    /** A closing status records when it closed: events from before then are stale and never reopen it. */
    private String closing(AlarmStatus status, Map<String, AttributeValue> values) {
        if (!CLOSING.contains(status)) {
            return "";
        }
        values.put(":closedAt", AttributeValue.fromS(SortableTime.format(clock.instant())));
        return ", closedAt = :closedAt";
    }

    @Override
    public boolean changeStatus(String deviceId, AlarmType type, AlarmStatus from, AlarmStatus to) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", AttributeValue.fromS(to.name()),
                ":from", AttributeValue.fromS(from.name())));
        String closed = closing(to, values);
        try {
            dynamo.updateItem(u -> u.tableName(tableName).key(key(deviceId + "#" + type.name()))
                    .updateExpression("SET #s = :to" + closed).conditionExpression("#s = :from")
                    .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public Page<Alarm> byStatus(AlarmStatus status, AlarmType type, String grid, int limit, String cursor) {
        Map<String, String> names = new HashMap<>(Map.of("#s", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", AttributeValue.fromS(status.name())));
        List<String> filters = new ArrayList<>();
        if (type != null) {
            names.put("#t", "type");
            values.put(":t", AttributeValue.fromS(type.name()));
            filters.add("#t = :t");
        }
        if (grid != null) {
            names.put("#g", "grid");
            values.put(":g", AttributeValue.fromS(grid));
            filters.add("#g = :g");
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(tableName).indexName("byStatus").scanIndexForward(false)
                .keyConditionExpression("#s = :s").expressionAttributeNames(names).expressionAttributeValues(values);
        if (!filters.isEmpty()) {
            query.filterExpression(String.join(" AND ", filters));
        }
        MergedQuery.Partition partition = new MergedQuery.Partition(query.build(), List.of("alarmKey", "status", "lastSeen"),
                Map.of("status", status.name()));
        return merged.page(List.of(partition), LAST_SEEN_FIRST, limit, cursor).map(DynamoAlarmStore::fromItem);
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("alarmKey", AttributeValue.fromS(key));
    }

    static Alarm fromItem(Map<String, AttributeValue> item) {
        return new Alarm(item.get("alarmId").s(), item.get("deviceId").s(), AlarmType.valueOf(item.get("type").s()),
                AlarmStatus.valueOf(item.get("status").s()), Instant.parse(item.get("openedAt").s()),
                Instant.parse(item.get("lastSeen").s()), Integer.parseInt(item.get("count").n()),
                item.containsKey("trackingNumber") ? item.get("trackingNumber").s() : null,
                item.containsKey("grid") ? item.get("grid").s() : null,
                item.containsKey("closedAt") ? Instant.parse(item.get("closedAt").s()) : null);
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.ALARMS, "GetItem", "PutItem", "UpdateItem", "Query"));
    }
}
