package org.bianmin.devices.application;

import java.util.Optional;
import org.bianmin.devices.model.Device;

/** Registered devices (DynamoDB). */
public interface DeviceRegistry {

    void save(Device device);

    Optional<Device> find(String deviceId);

    void countFalsePositive(String deviceId);
}
