package org.bianmin.devices.application;

import java.time.Clock;
import java.time.Instant;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.devices.model.Device;

/**
 * The scheduled heartbeat check: every device silent for longer than the heartbeat interval gets (or keeps) an
 * offline alarm; the device's next event resolves it ({@link ProcessingDeviceEvent}).
 */
public final class DetectingOfflineDevices {

    private final DeviceRegistry devices;
    private final AlarmStore alarms;
    private final DeviceRules rules;
    private final Clock clock;

    public DetectingOfflineDevices(DeviceRegistry devices, AlarmStore alarms, DeviceRules rules, Clock clock) {
        this.devices = devices;
        this.alarms = alarms;
        this.rules = rules;
        this.clock = clock;
    }

    /** @return how many devices are offline */
    public int run() {
        Instant now = clock.instant();
        int offline = 0;
        for (Device device : devices.silentSince(now.minus(rules.heartbeatInterval()))) {
            alarms.record(device.deviceId(), AlarmType.DEVICE_OFFLINE, now, rules.heartbeatInterval().multipliedBy(2), null);
            offline++;
        }
        return offline;
    }
}
