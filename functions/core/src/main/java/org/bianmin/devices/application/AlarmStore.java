package org.bianmin.devices.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bianmin.devices.model.Alarm;
import org.bianmin.devices.model.AlarmType;

/** The current alarm of each device and type, deduplicated by the store's conditional writes. */
public interface AlarmStore {

    /** The alarm after an event, and whether this event opened it. */
    record Sighting(Alarm alarm, boolean opened) {
    }

    /** Bumps the open alarm seen within {@code window}, or opens a new one. */
    Sighting record(String deviceId, AlarmType type, Instant at, Duration window, String grid);

    /** Records the ticket on the alarm opened at {@code openedAt}, unless that alarm was replaced or has a ticket. */
    void attachTicket(String deviceId, AlarmType type, Instant openedAt, String trackingNumber);

    Optional<Alarm> find(String deviceId, AlarmType type);

    void setStatus(String deviceId, AlarmType type, Alarm.AlarmStatus status);

    /** Moves the alarm from {@code from} to {@code to}; false when its status is no longer {@code from}. */
    boolean changeStatus(String deviceId, AlarmType type, Alarm.AlarmStatus from, Alarm.AlarmStatus to);

    List<Alarm> byStatus(Alarm.AlarmStatus status, int limit);
}
