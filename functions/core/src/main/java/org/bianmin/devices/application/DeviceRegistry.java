package org.bianmin.devices.application;

import java.util.Optional;
import org.bianmin.devices.model.Device;

/** Registered devices (DynamoDB). */
public interface DeviceRegistry {

    void save(Device device);

    Optional<Device> find(String deviceId);

    void countFalsePositive(String deviceId);

    /**
     * Records that the device was heard from at {@code at} (any event or heartbeat), unless it was already heard
     * from later: "last heard" never moves back.
     *
     * @return whether {@code at} is now the device's last sign of life
     */
    boolean touch(String deviceId, java.time.Instant at);

    /** Devices not heard from since {@code before} (including never), for offline detection. */
    java.util.List<Device> silentSince(java.time.Instant before);
}
