package org.bianmin.devices.model;

import java.time.Instant;

/**
 * The current alarm of one device and type: repeats within the dedupe window raise {@code count} and move
 * {@code lastSeen} instead of opening new alarms. {@code trackingNumber} is the hotline ticket it filed, if any.
 */
public record Alarm(String alarmId, String deviceId, AlarmType type, AlarmStatus status, Instant openedAt,
                    Instant lastSeen, int count, String trackingNumber, String grid) {

    public enum AlarmStatus { OPEN, ACKNOWLEDGED, RESOLVED, FALSE_POSITIVE }

    /** Open or acknowledged: still someone's to handle. */
    public boolean isCurrent() {
        return status == AlarmStatus.OPEN || status == AlarmStatus.ACKNOWLEDGED;
    }
}
