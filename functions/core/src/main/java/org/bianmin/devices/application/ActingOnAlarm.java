package org.bianmin.devices.application;

import java.util.Optional;
import org.bianmin.devices.model.Alarm;
import org.bianmin.devices.model.AlarmType;

/**
 * Staff act on an alarm: acknowledge it, resolve it, or mark it a false positive (which counts against the device,
 * so that noisy sensors show up). A closed alarm (resolved or false positive) takes no further action.
 */
public final class ActingOnAlarm {

    /** Why an action was refused. */
    public enum Refusal { NO_SUCH_ALARM, UNKNOWN_ACTION, ALARM_CLOSED }

    /** An action the alarm's rules do not allow. */
    public static final class AlarmActionRefusedException extends RuntimeException {

        private final Refusal refusal;

        AlarmActionRefusedException(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private static final int ATTEMPTS = 5;

    private final AlarmStore alarms;
    private final DeviceRegistry devices;

    public ActingOnAlarm(AlarmStore alarms, DeviceRegistry devices) {
        this.alarms = alarms;
        this.devices = devices;
    }

    /** @return the alarm after the action */
    public Alarm act(String deviceId, String typeName, String action) {
        AlarmType type = parseType(typeName).orElseThrow(() -> new AlarmActionRefusedException(Refusal.NO_SUCH_ALARM));
        Alarm.AlarmStatus next = switch (action == null ? "" : action) {
            case "acknowledge" -> Alarm.AlarmStatus.ACKNOWLEDGED;
            case "resolve" -> Alarm.AlarmStatus.RESOLVED;
            case "false_positive" -> Alarm.AlarmStatus.FALSE_POSITIVE;
            default -> throw new AlarmActionRefusedException(Refusal.UNKNOWN_ACTION);
        };
        // The change is conditional on the status we read: two agents acting at once cannot both close the alarm,
        // and a false positive is counted once.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Alarm alarm = alarms.find(deviceId, type).orElseThrow(() -> new AlarmActionRefusedException(Refusal.NO_SUCH_ALARM));
            if (alarm.status() == Alarm.AlarmStatus.RESOLVED || alarm.status() == Alarm.AlarmStatus.FALSE_POSITIVE) {
                throw new AlarmActionRefusedException(Refusal.ALARM_CLOSED);
            }
            if (alarms.changeStatus(deviceId, type, alarm.status(), next)) {
                if (next == Alarm.AlarmStatus.FALSE_POSITIVE) {
                    devices.countFalsePositive(deviceId);
                }
                return alarms.find(deviceId, type).orElseThrow();
            }
        }
        throw new AlarmActionRefusedException(Refusal.ALARM_CLOSED);
    }

    private static Optional<AlarmType> parseType(String name) {
        try {
            return Optional.of(AlarmType.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
