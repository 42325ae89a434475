package org.bianmin.devices.model;

/**
 * A registered device: where it is (for grid routing) and who owns it (the contact on tickets it files). The
 * owner's phone is only used to file tickets; it is never returned in full.
 */
public record Device(String deviceId, DeviceType type, String district, String address, String community,
                     Double lat, Double lon, String owner, String ownerPhone) {
}
