package org.bianmin.devices.application;

import java.util.Optional;
import org.bianmin.devices.model.Device;
import org.bianmin.devices.model.DeviceType;

/**
 * The device topics and who may use them: {@code city/<district>/sensors/<deviceId>/events} for sensors and
 * {@code city/<district>/cameras/<deviceId>/detections} for cameras. A device publishes only to its own topic (its id
 * in the fourth level, the kind of its type) and subscribes to nothing; only the bridge reads. The local broker
 * enforces this, and the template's IoT policy says the same for IoT Core.
 */
public final class DeviceTopics {

    public static final String SENSOR_EVENTS = "city/+/sensors/+/events";
    public static final String CAMERA_DETECTIONS = "city/+/cameras/+/detections";

    private DeviceTopics() {
    }

    /** The device a concrete topic belongs to, if it is a device topic at all. */
    public static Optional<String> deviceOf(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !levels[0].equals("city") || !plain(levels[1]) || !plain(levels[3])) {
            return Optional.empty();
        }
        boolean sensor = levels[2].equals("sensors") && levels[4].equals("events");
        boolean camera = levels[2].equals("cameras") && levels[4].equals("detections");
        return sensor || camera ? Optional.of(levels[3]) : Optional.empty();
    }

    /** May this device publish to this topic: its own, of the kind its type sends. */
    public static boolean mayPublish(Device device, String topic) {
        if (!deviceOf(topic).map(device.deviceId()::equals).orElse(false)) {
            return false;
        }
        return topic.endsWith(device.type() == DeviceType.CAMERA ? "/detections" : "/events");
    }

    /** The topic filters only the bridge may subscribe to. */
    public static boolean isBridgeSubscription(String filter) {
        return filter.equals(SENSOR_EVENTS) || filter.equals(CAMERA_DETECTIONS);
    }

    private static boolean plain(String level) {
        return !level.isEmpty() && !level.contains("+") && !level.contains("#");
    }
}
