package org.bianmin.devices.application;

import java.util.Optional;
import org.bianmin.devices.model.Device;

/** Registered devices (DynamoDB). */
public interface DeviceRegistry {

    void save(Device device);

    Optional<Device> find(String deviceId);

    void countFalsePositive(String deviceId);

    /** Records that the device was heard from (any event or heartbeat). */
    void touch(String deviceId, java.time.Instant at);

    /** Devices not heard from since {@code before} (including never), for offline detection. */
    java.util.List<Device> silentSince(java.time.Instant before);
}
