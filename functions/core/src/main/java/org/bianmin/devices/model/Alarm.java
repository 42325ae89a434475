package org.bianmin.devices.model;

import java.time.Instant;

/**
 * The current alarm of one device and type: repeats within the dedupe window raise {@code count} and move
 * {@code lastSeen} (only ever forward) instead of opening new alarms. {@code trackingNumber} is the hotline ticket
 * it filed, if any; {@code closedAt} when it was resolved or marked a false positive, if it was.
 */
public record Alarm(String alarmId, String deviceId, AlarmType type, AlarmStatus status, Instant openedAt,
                    Instant lastSeen, int count, String trackingNumber, String grid, Instant closedAt) {

    public enum AlarmStatus { OPEN, ACKNOWLEDGED, RESOLVED, FALSE_POSITIVE }

    /** Open or acknowledged: still someone's to handle. */
    public boolean isCurrent() {
        return status == AlarmStatus.OPEN || status == AlarmStatus.ACKNOWLEDGED;
    }
}
