package org.bianmin.devices.model;

import java.time.Instant;
import java.util.Map;

/**
 * A validated, normalized event: a sensor reading set (numbers by name) or a camera detection with its confidence
 * and snapshot. {@code detection} is null for sensors; {@code readings} empty for cameras.
 */
public record DeviceEvent(String deviceId, Instant at, Map<String, Double> readings, AlarmType detection,
                          double confidence, String snapshotUrl) {

    public DeviceEvent {
        readings = Map.copyOf(readings);
    }
}
