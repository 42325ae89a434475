package org.bianmin.devices.model;

import java.util.Locale;
import java.util.Optional;

/** Kinds of registered devices; cameras report AI detections, the others sensor readings. */
public enum DeviceType {
    SMOKE_DETECTOR, ELECTRICAL_FIRE_MONITOR, WATER_LEVEL, MANHOLE_COVER, GARBAGE_BIN, CAMERA;

    public static Optional<DeviceType> parse(String value) {
        try {
            return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
