package org.bianmin.devices.infrastructure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.devices.application.DeviceRegistry;
import org.bianmin.devices.model.Device;
import org.bianmin.devices.model.DeviceType;
import org.bianmin.store.SortableTime;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The device registry in the {@code devices} table. */
public final class DynamoDeviceStore implements DeviceRegistry, UsesTables {

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoDeviceStore(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.DEVICES.tableName(tablePrefix);
    }

    @Override
    public void save(Device device) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("deviceId", AttributeValue.fromS(device.deviceId()));
        item.put("type", AttributeValue.fromS(device.type().name()));
        put(item, "district", device.district());
        put(item, "address", device.address());
        put(item, "community", device.community());
        if (device.lat() != null) {
            item.put("lat", AttributeValue.fromN(device.lat().toString()));
            item.put("lon", AttributeValue.fromN(device.lon().toString()));
        }
        item.put("owner", AttributeValue.fromS(device.owner()));
        item.put("ownerPhone", AttributeValue.fromS(device.ownerPhone()));
        dynamo.putItem(p -> p.tableName(tableName).item(item));
    }

    @Override
    public Optional<Device> find(String deviceId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(tableName)
                .key(Map.of("deviceId", AttributeValue.fromS(deviceId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    private static Device fromItem(Map<String, AttributeValue> item) {
        return new Device(item.get("deviceId").s(), DeviceType.valueOf(item.get("type").s()), s(item, "district"),
                s(item, "address"), s(item, "community"), item.containsKey("lat") ? Double.valueOf(item.get("lat").n()) : null,
                item.containsKey("lon") ? Double.valueOf(item.get("lon").n()) : null, s(item, "owner"), s(item, "ownerPhone"));
    }

    /** Counts a false positive against the device, for tuning its thresholds. */
    @Override
    public void countFalsePositive(String deviceId) {
        dynamo.updateItem(u -> u.tableName(tableName).key(Map.of("deviceId", AttributeValue.fromS(deviceId)))
                .updateExpression("ADD falsePositives :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    @Override
    public boolean touch(String deviceId, java.time.Instant at) {
        try {
            dynamo.updateItem(u -> u.tableName(tableName).key(Map.of("deviceId", AttributeValue.fromS(deviceId)))
                    .updateExpression("SET lastHeard = :at")
                    .conditionExpression("attribute_exists(deviceId) AND (attribute_not_exists(lastHeard) OR lastHeard < :at)")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(SortableTime.format(at)))));
            return true;
        } catch (ConditionalCheckFailedException heardLaterOrGone) {
            return false;
        }
    }

    /** A scan: registries hold thousands of devices, and this runs every few minutes. */
    @Override
    public java.util.List<Device> silentSince(java.time.Instant before) {
        java.util.List<Device> silent = new java.util.ArrayList<>();
        dynamo.scanPaginator(s -> s.tableName(tableName)
                        .filterExpression("attribute_not_exists(lastHeard) OR lastHeard < :before")
                        .expressionAttributeValues(Map.of(":before", AttributeValue.fromS(SortableTime.format(before)))))
                .items().forEach(item -> silent.add(fromItem(item)));
        return silent;
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isBlank()) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.DEVICES, "GetItem", "PutItem", "UpdateItem", "Scan"));
    }
}
