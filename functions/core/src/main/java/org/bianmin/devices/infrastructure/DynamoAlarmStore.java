package org.bianmin.devices.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bianmin.devices.application.AlarmStore;
import org.bianmin.devices.model.Alarm.AlarmStatus;
import org.bianmin.devices.model.Alarm;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Alarms keyed by device and type. Deduplication is two conditional writes, race-free across functions: first
 * "bump the open alarm if it was seen within the window"; if that condition fails, "open a new alarm unless
 * someone has just opened one" (and if that fails too, someone did: bump theirs).
 */
public final class DynamoAlarmStore implements AlarmStore, UsesTables {

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoAlarmStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.ALARMS.tableName(tablePrefix);
    }

    @Override
    public Sighting record(String deviceId, AlarmType type, Instant at, Duration window, String grid) {
        String key = deviceId + "#" + type.name();
        Map<String, AttributeValue> openValues = Map.of(":open", AttributeValue.fromS(AlarmStatus.OPEN.name()),
                ":ack", AttributeValue.fromS(AlarmStatus.ACKNOWLEDGED.name()),
                ":since", AttributeValue.fromS(at.minus(window).toString()));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Map<String, AttributeValue> values = new HashMap<>(openValues);
                values.put(":one", AttributeValue.fromN("1"));
                values.put(":at", AttributeValue.fromS(at.toString()));
                Map<String, AttributeValue> updated = dynamo.updateItem(u -> u.tableName(tableName).key(key(key))
                        .updateExpression("ADD #c :one SET lastSeen = :at")
                        .conditionExpression("#s IN (:open, :ack) AND lastSeen >= :since")
                        .expressionAttributeNames(Map.of("#c", "count", "#s", "status"))
                        .expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW)).attributes();
                return new Sighting(fromItem(updated), false);
            } catch (ConditionalCheckFailedException noOpenAlarm) {
                // open a new one below
            }
            Map<String, AttributeValue> alarm = new HashMap<>();
            alarm.put("alarmKey", AttributeValue.fromS(key));
            alarm.put("alarmId", AttributeValue.fromS("AL-" + UUID.randomUUID()));
            alarm.put("deviceId", AttributeValue.fromS(deviceId));
            alarm.put("type", AttributeValue.fromS(type.name()));
            alarm.put("status", AttributeValue.fromS(AlarmStatus.OPEN.name()));
            alarm.put("openedAt", AttributeValue.fromS(at.toString()));
            alarm.put("lastSeen", AttributeValue.fromS(at.toString()));
            alarm.put("count", AttributeValue.fromN("1"));
            if (grid != null) {
                alarm.put("grid", AttributeValue.fromS(grid));
            }
            try {
                dynamo.putItem(p -> p.tableName(tableName).item(alarm)
                        .conditionExpression("attribute_not_exists(alarmKey) OR NOT (#s IN (:open, :ack)) OR lastSeen < :since")
                        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(openValues));
                return new Sighting(fromItem(alarm), true);
            } catch (ConditionalCheckFailedException someoneOpenedOne) {
                // another event opened it a moment ago: bump theirs
            }
        }
        throw new IllegalStateException("alarm " + key + " kept changing");
    }

    @Override
    public void attachTicket(String deviceId, AlarmType type, Instant openedAt, String trackingNumber) {
        try {
            dynamo.updateItem(u -> u.tableName(tableName).key(key(deviceId + "#" + type.name()))
                    .updateExpression("SET trackingNumber = :t")
                    .conditionExpression("openedAt = :opened AND attribute_not_exists(trackingNumber)")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(trackingNumber),
                            ":opened", AttributeValue.fromS(openedAt.toString()))));
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
        dynamo.updateItem(u -> u.tableName(tableName).key(key(deviceId + "#" + type.name()))
                .updateExpression("SET #s = :s").conditionExpression("attribute_exists(alarmKey)")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status.name()))));
    }

    @Override
    public boolean changeStatus(String deviceId, AlarmType type, AlarmStatus from, AlarmStatus to) {
        try {
            dynamo.updateItem(u -> u.tableName(tableName).key(key(deviceId + "#" + type.name()))
                    .updateExpression("SET #s = :to").conditionExpression("#s = :from")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":to", AttributeValue.fromS(to.name()), ":from", AttributeValue.fromS(from.name()))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public List<Alarm> byStatus(AlarmStatus status, int limit) {
        return dynamo.query(q -> q.tableName(tableName).indexName("byStatus").scanIndexForward(false).limit(limit)
                        .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status.name()))))
                .items().stream().map(DynamoAlarmStore::fromItem).toList();
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("alarmKey", AttributeValue.fromS(key));
    }

    static Alarm fromItem(Map<String, AttributeValue> item) {
        return new Alarm(item.get("alarmId").s(), item.get("deviceId").s(), AlarmType.valueOf(item.get("type").s()),
                AlarmStatus.valueOf(item.get("status").s()), Instant.parse(item.get("openedAt").s()),
                Instant.parse(item.get("lastSeen").s()), Integer.parseInt(item.get("count").n()),
                item.containsKey("trackingNumber") ? item.get("trackingNumber").s() : null,
                item.containsKey("grid") ? item.get("grid").s() : null);
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.ALARMS, "GetItem", "PutItem", "UpdateItem", "Query"));
    }
}
