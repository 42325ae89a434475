package org.bianmin.devices.model;

/** What a device event may raise (rules and labels in {@code devices/rules.json}). */
public enum AlarmType {
    SMOKE, ELECTRICAL_FIRE, WATERLOGGING, MANHOLE_DISPLACED, BIN_FULL,
    STREET_VENDOR, ILLEGAL_DUMPING, GARBAGE_EXPOSED, CROWD, ILLEGAL_TAXI, NO_HELMET, EBIKE_IN_ELEVATOR, HIGH_THROW,
    /** No event or heartbeat within the device's heartbeat interval; closed by the next event. */
    DEVICE_OFFLINE
}
